import { Role, type Actor } from '../../common/actor';
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
export function canSeeDetails(actor: Actor, officer: Officer): boolean {
  return actor.role !== Role.AGENCY_CHIEF || officer.agency.id === actor.agencyId;
}

/** E-mail and phone: ADMIN, the officer's own agency chief, and the officer itself. Never analysts. */
export function canSeeContact(actor: Actor, officer: Officer): boolean {
  if (actor.role === Role.ADMIN) return true;
  if (actor.role === Role.AGENCY_CHIEF) return officer.agency.id === actor.agencyId;
  if (actor.role === Role.OFFICER) return officer.id === actor.officerId;
  return false;
}
