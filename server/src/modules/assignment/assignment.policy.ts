import { Role } from '../../common/actor';
import { isAdmin, type Policy } from '../../common/policy';
import { contact } from '../officer/officer.policy';
import type { Assignment } from './assignment.entity';

/** Coverage is district-wide: every role but OFFICER reads every assignment; an officer its own. Only ADMIN writes. */
export const assignmentPolicy: Policy<Assignment> = {
  readable: (actor) => (actor.role === Role.OFFICER ? { officer: actor.officerId ?? 0 } : {}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};

/**
 * Who reads an assignment's notes, as a rule on its officer: they are the officer's agency's business, like the
 * officer's e-mail and phone (ADMIN, the officer's own chief, the officer itself; not analysts or other chiefs).
 */
export const assignmentNotes = contact;
