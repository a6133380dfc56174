import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type RoleRules } from '../../common/policy';
import type { School } from './school.entity';

const readsAll: RoleRules<School, never> = { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} };

/** Schools are public: every role reads them, except that an officer sees only schools it is assigned to. ADMIN writes. */
export const schoolPolicy = definePolicy<School>({
  table: 'school',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: readsAll,
    [Role.AGENCY_CHIEF]: readsAll,
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ assignments: { $some: { officer: actor.officerId ?? 0 } } }),
        sql: `exists (select 1 from assignment where assignment.school_id = school.id and assignment.officer_id = ${actorSetting('officer_id')})`,
      },
      create: null,
      update: null,
      delete: null,
      fields: {},
    },
  },
});
