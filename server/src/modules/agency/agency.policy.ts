import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type RoleRules } from '../../common/policy';
import type { Agency } from './agency.entity';

const readsAll: RoleRules<Agency, never> = { read: ALL_ROWS, create: null, update: null, delete: null, fields: {} };

/** Agencies are public facts of the program: every role reads them (an officer only its own); only ADMIN writes. */
export const agencyPolicy = definePolicy<Agency>({
  table: 'agency',
  facts: (agency) => ({ agencyId: agency.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: readsAll,
    [Role.AGENCY_CHIEF]: readsAll,
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ id: actor.agencyId ?? 0 }),
        holds: (actor, agency) => agency.agencyId === actor.agencyId,
        sql: `id = ${actorSetting('agency_id')}`,
      },
      create: null,
      update: null,
      delete: null,
      fields: {},
    },
  },
});
