import { Role } from '../../common/actor';
import type { AuditEvent } from '../../common/audit-event.entity';
import { actorSetting, ALL_ROWS, definePolicy, type RoleRules, type WriteScope } from '../../common/policy';

/** Each change adds its event as its actor (common/audit.ts); nobody changes or deletes one (its trigger too). */
const ownEvents: WriteScope = { holds: () => true, sql: `actor_user_id = ${actorSetting('user_id')}` };

/** Non-admins read back only the events they just wrote (INSERT ... RETURNING needs that); the list refuses them. */
const writesOwn: RoleRules<AuditEvent, never> = {
  read: null,
  create: ownEvents,
  update: null,
  delete: null,
  fields: {},
  rowSecurity: { select: ownEvents.sql },
};

/** The audit trail: ADMIN reads it all; every role adds to it through its own changes, never through the API. */
export const auditPolicy = definePolicy<AuditEvent>({
  table: 'audit_event',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ownEvents, update: null, delete: null, fields: {} },
    [Role.ANALYST]: writesOwn,
    [Role.AGENCY_CHIEF]: writesOwn,
    [Role.OFFICER]: writesOwn,
  },
});
