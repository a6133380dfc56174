import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type RoleRules } from '../../common/policy';
import type { Assignment } from './assignment.entity';

/**
 * The assignment's notes are its officer's agency's business, like the officer's e-mail and phone: ADMIN, the
 * officer's own chief and the officer itself read them, not analysts or other chiefs. The rules' columns are
 * the assignment's officer's (`agency`, `id`): the resolver applies them to the officer.
 */
export type AssignmentHiddenField = 'notes';

const readsAll = (
  notes: RoleRules<Assignment, AssignmentHiddenField>['fields']['notes'],
): RoleRules<Assignment, AssignmentHiddenField> => ({
  read: ALL_ROWS,
  create: null,
  update: null,
  delete: null,
  fields: { notes },
});

/** Coverage is district-wide: every role but OFFICER reads every assignment; an officer its own. Only ADMIN writes. */
export const assignmentPolicy = definePolicy<Assignment, AssignmentHiddenField>({
  table: 'assignment',
  facts: (assignment) => ({ officerId: assignment.officer.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: { notes: true } },
    [Role.ANALYST]: readsAll(false),
    [Role.AGENCY_CHIEF]: readsAll({ column: 'agency', equals: 'agencyId' }),
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ officer: actor.officerId ?? 0 }),
        holds: (actor, assignment) => assignment.officerId === actor.officerId,
        sql: `officer_id = ${actorSetting('officer_id')}`,
      },
      create: null,
      update: null,
      delete: null,
      fields: { notes: { column: 'id', equals: 'officerId' } },
    },
  },
});
