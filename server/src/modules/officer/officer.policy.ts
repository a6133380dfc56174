import { Role, type Actor } from '../../common/actor';
import { readable, type HiddenFields, type Visibility } from '../../common/hidden-fields';
import type { Policy } from '../../common/policy';
import type { Officer } from './officer.entity';

const ownAgency = (actor: Actor, officer: Officer) => actor.role === Role.AGENCY_CHIEF && officer.agency.id === actor.agencyId;

/**
 * Everyone but an officer sees every officer (the district's coverage names them); an officer sees itself.
 * ADMIN writes any officer; a chief creates and updates its own agency's officers; only ADMIN deletes.
 */
export const officerPolicy: Policy<Officer> = {
  readable: (actor) => (actor.role === Role.OFFICER ? { id: actor.officerId ?? 0 } : {}),
  canCreate: (actor, officer) => actor.role === Role.ADMIN || ownAgency(actor, officer),
  canUpdate: (actor, officer) => actor.role === Role.ADMIN || ownAgency(actor, officer),
  canDelete: (actor) => actor.role === Role.ADMIN,
};

/** Badge, status, dates and notes: hidden from chiefs of other agencies, who see only name, rank and agency. */
export const details = (actor: Actor): Visibility =>
  actor.role === Role.AGENCY_CHIEF ? { column: 'agency', value: actor.agencyId ?? 0 } : true;

/** Personal contact: ADMIN, the officer's own agency chief, and the officer itself. Never analysts. */
export const contact = (actor: Actor): Visibility => {
  switch (actor.role) {
    case Role.ADMIN:
      return true;
    case Role.AGENCY_CHIEF:
      return { column: 'agency', value: actor.agencyId ?? 0 };
    case Role.OFFICER:
      return { column: 'id', value: actor.officerId ?? 0 };
    default:
      return false;
  }
};

/**
 * Who reads which hidden field of an officer: the one table that the field resolvers, the list's filters and its
 * sorts all follow. Where a field is hidden, the officer behaves as if it were null: never matched, sorted last.
 */
export const officerHiddenFields = {
  badgeNumber: details,
  status: details,
  sroSince: details,
  sroTrainingCompletedOn: details,
  notes: details,
  email: contact,
  phone: contact,
} satisfies HiddenFields;

export type OfficerHiddenField = keyof typeof officerHiddenFields;

/** The value of a hidden field for this actor: null where the actor may not read it. */
export function shownValue<F extends OfficerHiddenField>(actor: Actor, officer: Officer, field: F): Officer[F] | null {
  return readable(officerHiddenFields[field](actor), officer) ? officer[field] : null;
}
