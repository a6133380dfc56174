import { Role, type Actor } from '../../common/actor';
import type { Policy } from '../../common/policy';
import { contact } from '../officer/officer.policy';
import type { OfficerAbsence } from './officer-absence.entity';

/** The agency of an officer reference, or undefined when the officer is not loaded (so a chief is refused). */
const agencyOf = (officer: OfficerAbsence['officer'] | null | undefined) => officer?.unwrap().agency?.id;

/** A chief schedules its own officers' absences, with a substitute of its own agency (or none). */
const chiefsOwn = (actor: Actor, absence: OfficerAbsence) =>
  actor.role === Role.AGENCY_CHIEF &&
  agencyOf(absence.officer) === actor.agencyId &&
  (!absence.substitute || agencyOf(absence.substitute) === actor.agencyId);

const mayWrite = (actor: Actor, absence: OfficerAbsence) => actor.role === Role.ADMIN || chiefsOwn(actor, absence);

/**
 * ADMIN and ANALYST read every absence (coverage is district-wide); a chief those of its officers, as the absent
 * officer or the substitute; an officer its own. ADMIN writes any; a chief its own officers'.
 * The same rules hold in PostgreSQL (migration officer_absence).
 */
export const officerAbsencePolicy: Policy<OfficerAbsence> = {
  readable: (actor) => {
    switch (actor.role) {
      case Role.ADMIN:
      case Role.ANALYST:
        return {};
      case Role.AGENCY_CHIEF:
        return { $or: [{ officer: { agency: actor.agencyId ?? 0 } }, { substitute: { agency: actor.agencyId ?? 0 } }] };
      case Role.OFFICER:
        return { officer: actor.officerId ?? 0 };
      default:
        return false;
    }
  },
  canCreate: mayWrite,
  canUpdate: mayWrite,
  canDelete: mayWrite,
  refusal: (actor) =>
    actor.role === Role.AGENCY_CHIEF ? "A chief schedules only its own agency's officers, with substitutes of its own agency" : undefined,
};

/**
 * Who reads an absence's notes, as a rule on the absent officer: its agency's business, like the officer's
 * contact fields (ADMIN, the officer's own chief, the officer itself; never analysts).
 */
export const officerAbsenceNotes = contact;
