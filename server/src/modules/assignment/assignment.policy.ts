import { Role } from '../../common/actor';
import { isAdmin, type Policy } from '../../common/policy';
import type { Assignment } from './assignment.entity';

/** Coverage is district-wide: every role but OFFICER reads every assignment; an officer its own. Only ADMIN writes. */
export const assignmentPolicy: Policy<Assignment> = {
  readable: (actor) => (actor.role === Role.OFFICER ? { officer: actor.officerId ?? 0 } : {}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};
