import { Role } from '../../common/actor';
import { isAdmin, type Policy } from '../../common/policy';
import type { School } from './school.entity';

/** Schools are public: every role reads them, except that an officer sees only schools it is assigned to. ADMIN writes. */
export const schoolPolicy: Policy<School> = {
  readable: (actor) => (actor.role === Role.OFFICER ? { assignments: { $some: { officer: actor.officerId ?? 0 } } } : {}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};
