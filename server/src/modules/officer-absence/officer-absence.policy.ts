import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, type WriteScope } from '../../common/policy';
import type { OfficerAbsence } from './officer-absence.entity';

/**
 * The absence's notes are the absent officer's agency's business, like its e-mail and phone: ADMIN, the officer's
 * own chief and the officer itself read them, never analysts. The rules' columns are the absent officer's
 * (`agency`, `id`): the resolver applies them to the officer.
 */
export type OfficerAbsenceHiddenField = 'notes';

const chiefsOfficers = `(select officer.id from officer where officer.agency_id = ${actorSetting('agency_id')})`;

/** The agency of an officer reference, or undefined when the officer is not loaded (so a chief is refused). */
const agencyOf = (officer: OfficerAbsence['officer'] | null | undefined) => officer?.unwrap().agency?.id;

/**
 * A chief schedules its own officers' absences, with a substitute of its own agency or none. An absence belongs
 * to one agency only when its substitute is of the same agency (or absent): its facts' `agencyId` is then that
 * agency, otherwise null, which no chief holds.
 */
const chiefsOwn: WriteScope = {
  holds: (actor, absence) => absence.agencyId != null && absence.agencyId === actor.agencyId,
  sql: `officer_id in ${chiefsOfficers} and (substitute_id is null or substitute_id in ${chiefsOfficers})`,
};

/**
 * ADMIN and ANALYST read every absence (coverage is district-wide); a chief those of its officers, as the absent
 * officer or the substitute; an officer its own. ADMIN writes any; a chief its own officers'.
 */
export const officerAbsencePolicy = definePolicy<OfficerAbsence, OfficerAbsenceHiddenField>({
  table: 'officer_absence',
  facts: (absence) => {
    const agency = agencyOf(absence.officer);
    const substituteAgency = absence.substitute ? agencyOf(absence.substitute) : agency;
    return { agencyId: agency !== undefined && agency === substituteAgency ? agency : null, officerId: absence.officer?.id };
  },
  roles: {
    [Role.ADMIN]: { read: ALL_ROWS, create: ALL_ROWS, update: ALL_ROWS, delete: ALL_ROWS, fields: { notes: true } },
    [Role.ANALYST]: { read: ALL_ROWS, create: null, update: null, delete: null, fields: { notes: false } },
    [Role.AGENCY_CHIEF]: {
      read: {
        where: (actor) => ({ $or: [{ officer: { agency: actor.agencyId ?? 0 } }, { substitute: { agency: actor.agencyId ?? 0 } }] }),
        sql: `officer_id in ${chiefsOfficers} or substitute_id in ${chiefsOfficers}`,
      },
      create: chiefsOwn,
      update: chiefsOwn,
      delete: chiefsOwn,
      fields: { notes: { column: 'agency', equals: 'agencyId' } },
    },
    [Role.OFFICER]: {
      read: {
        where: (actor) => ({ officer: actor.officerId ?? 0 }),
        holds: (actor, absence) => absence.officerId === actor.officerId,
        sql: `officer_id = ${actorSetting('officer_id')}`,
      },
      create: null,
      update: null,
      delete: null,
      fields: { notes: { column: 'id', equals: 'officerId' } },
    },
  },
});
