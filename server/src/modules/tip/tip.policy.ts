import { Role, type Actor } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, NOTHING, type ReadScope, type WriteScope } from '../../common/policy';
import type { TipOfficer } from './tip-officer.entity';
import type { Tip } from './tip.entity';
import type { TipStep } from './tip-step.entity';

/**
 * "Today" for an officer's current assignments, on both sides in UTC: row security reads the database's clock,
 * the API its own, and neither knows the program's time zone.
 */
export const currentDateSql = `(now() at time zone 'UTC')::date`;
const utcToday = () => new Date().toISOString().slice(0, 10);

const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${actorSetting('agency_id')})`;

/** Tips with one of the chief's officers assigned; through a definer function, as tip_officer's policies read tip. */
const chiefsTips: ReadScope<Tip> = {
  where: (actor) => ({ assignees: { $some: { officer: { agency: actor.agencyId ?? 0 } } } }),
  sql: `id in (select sro_agency_tip_ids(${actorSetting('agency_id')}))`,
};

const currentSchools = (actor: Actor) => {
  const today = utcToday();
  return {
    $some: { officer: actor.officerId ?? 0, startDate: { $lte: today }, $or: [{ endDate: null }, { endDate: { $gte: today } }] },
  };
};

/** Tips the officer is assigned to, and those of the schools it currently serves. */
const officersTips: ReadScope<Tip> = {
  where: (actor) => ({
    $or: [{ assignees: { $some: { officer: actor.officerId ?? 0 } } }, { school: { assignments: currentSchools(actor) } }],
  }),
  sql:
    `id in (select sro_officer_tip_ids(${actorSetting('officer_id')})) or school_id in (select assignment.school_id from assignment ` +
    `where assignment.officer_id = ${actorSetting('officer_id')} and assignment.start_date <= ${currentDateSql} ` +
    `and (assignment.end_date is null or assignment.end_date >= ${currentDateSql}))`,
};

/** A write to a tip the actor reads: the row was found through the read scope, so any such row passes. */
const readTips = (scope: ReadScope<Tip>): WriteScope => ({ holds: () => true, sql: scope.sql });

/**
 * Tips: ADMIN reads and writes all; a chief the tips assigned to its officers; an officer the tips assigned to it
 * and those of its schools (current assignments); analysts none, only the report. Only ADMIN enters and deletes.
 */
export const tipPolicy = definePolicy<Tip>({
  table: 'tip',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: {
      ...NOTHING,
      fields: {},
      // The API lists no tip to an analyst; its role reads them all only for the report's aggregates, which a
      // chief's district figures also run as (common/row-security.ts#asDistrictWide).
      rowSecurity: { select: 'true' },
    },
    [Role.AGENCY_CHIEF]: { read: chiefsTips, create: null, update: readTips(chiefsTips), delete: null, fields: {} },
    [Role.OFFICER]: { read: officersTips, create: null, update: readTips(officersTips), delete: null, fields: {} },
  },
});

/** Rows of tips the actor reads, by row security on tip itself. */
const ofVisibleTips = `tip_id in (select tip.id from tip)`;

/** Who is assigned to a tip: read with the tip; ADMIN assigns anyone, a chief its own officers. */
export const tipOfficerPolicy = definePolicy<TipOfficer>({
  table: 'tip_officer',
  facts: (assignee) => ({ officerId: assignee.officer.id, agencyId: assignee.officer.getEntity()?.agency.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { ...NOTHING, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: { where: (actor) => ({ tip: chiefsTips.where(actor) }), sql: ofVisibleTips },
      create: { holds: (actor, row) => row.agencyId === actor.agencyId, sql: `${ofVisibleTips} and officer_id in ${chiefsOfficers}` },
      update: null,
      delete: { holds: (actor, row) => row.agencyId === actor.agencyId, sql: `${ofVisibleTips} and officer_id in ${chiefsOfficers}` },
      fields: {},
    },
    [Role.OFFICER]: {
      read: { where: (actor) => ({ tip: officersTips.where(actor) }), sql: ofVisibleTips },
      create: null,
      update: null,
      delete: null,
      fields: {},
    },
  },
});

const ownAgencysOfficers: WriteScope = {
  holds: (actor, step) => step.agencyId === actor.agencyId,
  sql: `${ofVisibleTips} and officer_id in ${chiefsOfficers}`,
};
const own: WriteScope = {
  holds: (actor, step) => step.officerId === actor.officerId,
  sql: `${ofVisibleTips} and officer_id = ${actorSetting('officer_id')}`,
};

/** Follow-up steps: read with their tip; logged by ADMIN, a chief for its officers, an officer as itself, on tips they read. */
export const tipStepPolicy = definePolicy<TipStep>({
  table: 'tip_step',
  facts: (step) => ({ officerId: step.officer.id, agencyId: step.officer.getEntity()?.agency.id }),
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: {} },
    [Role.ANALYST]: { ...NOTHING, fields: {} },
    [Role.AGENCY_CHIEF]: {
      read: { where: (actor) => ({ tip: chiefsTips.where(actor) }), sql: ofVisibleTips },
      create: ownAgencysOfficers,
      update: ownAgencysOfficers,
      delete: ownAgencysOfficers,
      fields: {},
    },
    [Role.OFFICER]: {
      read: { where: (actor) => ({ tip: officersTips.where(actor) }), sql: ofVisibleTips },
      create: own,
      update: own,
      delete: own,
      fields: {},
    },
  },
});
