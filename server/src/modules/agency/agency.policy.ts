import { Role, type Actor } from '../../common/actor';
import { isAdmin, type Policy } from '../../common/policy';
import type { Agency } from './agency.entity';

/** Agencies are public facts of the program: every role reads them (an officer only its own); only ADMIN writes. */
export const agencyPolicy: Policy<Agency> = {
  readable: (actor: Actor) => (actor.role === Role.OFFICER ? { id: actor.agencyId ?? 0 } : {}),
  canCreate: isAdmin,
  canUpdate: isAdmin,
  canDelete: isAdmin,
};
