import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type FieldRule, type WriteScope } from '../../common/policy';
import type { Officer } from './officer.entity';

/** The fields hidden from some roles: details (badge, status, dates, notes) and personal contact (e-mail, phone). */
export type OfficerHiddenField = 'badgeNumber' | 'status' | 'sroSince' | 'sroTrainingCompletedOn' | 'notes' | 'email' | 'phone';

const ownAgency: WriteScope = {
  holds: (actor, officer) => officer.agencyId === actor.agencyId,
  sql: `agency_id = ${actorSetting('agency_id')}`,
};

const onOwnAgency: FieldRule = { column: 'agency', equals: 'agencyId' };
const details = (rule: FieldRule) => ({ badgeNumber: rule, status: rule, sroSince: rule, sroTrainingCompletedOn: rule, notes: rule });
const contact = (rule: FieldRule) => ({ email: rule, phone: rule });

/**
 * Officers: everyone but an officer reads every officer (the district's coverage names them); an officer reads
 * itself. ADMIN writes any officer; a chief creates and updates its own agency's; only ADMIN deletes.
 * Fields: a chief sees the details and contact of its own agency's officers only (of others: name, rank and
 * agency); analysts see details but never contact; an officer sees its own.
 */
export const officerPolicy = definePolicy<Officer, OfficerHiddenField>({
  table: 'officer',
  facts: (officer) => ({ agencyId: officer.agency.id, officerId: officer.id }),
  roles: {
    [Role.ADMIN]: {
      read: ALL_ROWS,
      create: ALL_ROWS,
      update: ALL_ROWS,
      delete: ALL_ROWS,
      fields: { ...details(true), ...contact(true) },
    },
    [Role.ANALYST]: {
      read: ALL_ROWS,
      create: null,
      update: null,
      delete: null,
      fields: { ...details(true), ...contact(false) },
    },
    [Role.AGENCY_CHIEF]: {
      read: ALL_ROWS,
      create: ownAgency,
      update: ownAgency,
      delete: null,
      fields: { ...details(onOwnAgency), ...contact(onOwnAgency) },
    },
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ id: actor.officerId ?? 0 }),
        holds: (actor, officer) => officer.officerId === actor.officerId,
        sql: `id = ${actorSetting('officer_id')}`,
      },
      create: null,
      update: null,
      delete: null,
      fields: { ...details(true), ...contact({ column: 'id', equals: 'officerId' }) },
    },
  },
});
