import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from './actor';
import { Role } from './actor';
import { forbidden, unauthenticated } from './errors';

/**
 * What an actor may do with one kind of record: the rows it may read (a filter every query adds), and
 * whether it may write a given row. One policy per module, in `<feature>.policy.ts`.
 */
export interface Policy<T> {
  /** The rows the actor may read, as a filter; `false` when it may read none. */
  readable(actor: Actor): FilterQuery<T> | false;
  /** `today` is the request's calendar date, for rules with a time window. */
  canCreate(actor: Actor, row: T, today: string): boolean;
  canUpdate(actor: Actor, row: T, today: string): boolean;
  canDelete(actor: Actor, row: T, today: string): boolean;
  /** Why a write to a visible row is refused, when there is more to say than "not allowed". */
  refusal?(actor: Actor, row: T, today: string): string | undefined;
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  const signedIn = requireActor(actor);
  if (!roles.includes(signedIn.role)) throw forbidden();
  return signedIn;
}

export const isAdmin = (actor: Actor) => actor.role === Role.ADMIN;

/** Combines a module filter with the policy's readable rows; `false` means "no rows at all". */
export function scoped<T>(policy: Policy<T>, actor: Actor, where: FilterQuery<T>): FilterQuery<T> | false {
  const readable = policy.readable(actor);
  if (readable === false) return false;
  return { $and: [readable, where] } as FilterQuery<T>;
}
