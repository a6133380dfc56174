import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor } from './actor';
import { prepared } from './prepared';

/** The PostgreSQL role each kind of actor acts as (migration role_per_actor); each is a member of `sro_app`. */
const DATABASE_ROLE: Record<Role, string> = {
  [Role.ADMIN]: 'sro_admin',
  [Role.ANALYST]: 'sro_analyst',
  [Role.AGENCY_CHIEF]: 'sro_chief',
  [Role.OFFICER]: 'sro_officer',
};

/**
 * The second layer of authorization (migrations row_level_security and role_per_actor): inside the request's
 * transaction the connection acts as the non-owner role of the actor's kind, with the actor in settings that
 * the row policies read. Settings are transaction-local, so nothing leaks to the next user of the pooled
 * connection.
 */
export async function enterRowSecurity(em: EntityManager, actor: Actor): Promise<void> {
  await prepared(em, SET_ROW_SECURITY, rowSecurityValues(actor));
}

/** One statement that sets each named setting, transaction-local, to its parameter. */
const settingsStatement = (names: string[]) =>
  `select ${names.map((name, index) => `set_config('${name}', $${index + 1}, true)`).join(', ')}`;

/** The PostgreSQL role of the actor kind in `column`, in SQL. */
const databaseRoleOf = (column: string) =>
  `case ${column} ${Object.entries(DATABASE_ROLE)
    .map(([role, databaseRole]) => `when '${role}' then '${databaseRole}'`)
    .join(' ')} end`;

/**
 * The settings of row security, each with its value for an actor and the same value in SQL from a credential
 * row named `actor` (`startingFrom`): the one list both ways of starting a request read.
 */
const ROW_SECURITY: { name: string; of: (actor: Actor) => string; fromRow: string }[] = [
  { name: 'role', of: (actor) => DATABASE_ROLE[actor.role], fromRow: databaseRoleOf('actor.role::text') },
  { name: 'sro.role', of: (actor) => actor.role, fromRow: 'actor.role::text' },
  { name: 'sro.user_id', of: (actor) => String(actor.userId), fromRow: 'actor.user_id::text' },
  {
    name: 'sro.agency_id',
    of: (actor) => (actor.agencyId === null ? '' : String(actor.agencyId)),
    fromRow: `coalesce(actor.agency_id::text, '')`,
  },
  {
    name: 'sro.officer_id',
    of: (actor) => (actor.officerId === null ? '' : String(actor.officerId)),
    fromRow: `coalesce(actor.officer_id::text, '')`,
  },
];

// The three statements' texts, built once: every request sends one of them.
const ROW_SECURITY_SETTINGS = ROW_SECURITY.map((setting) => setting.name);
const SET_ROW_SECURITY = settingsStatement(ROW_SECURITY_SETTINGS);
const START_SIGNED_IN = settingsStatement(['statement_timeout', ...ROW_SECURITY_SETTINGS]);
const START_ANONYMOUS = settingsStatement(['statement_timeout']);

const rowSecurityValues = (actor: Actor) => ROW_SECURITY.map((setting) => setting.of(actor));

/**
 * The settings every request transaction starts with, in one statement: the time limit of each statement (a
 * runaway query is cancelled with SQLSTATE 57014, answered as TIMEOUT) and, for a signed-in actor, row security.
 */
export async function startRequestTransaction(em: EntityManager, actor: Actor | null, statementTimeoutMs: number): Promise<void> {
  const timeout = String(statementTimeoutMs);
  if (actor) await prepared(em, START_SIGNED_IN, [timeout, ...rowSecurityValues(actor)]);
  else await prepared(em, START_ANONYMOUS, [timeout]);
}

/**
 * A signed-in request's start in one statement: `credential`, a query of at most one row with the actor's `role`,
 * `user_id`, `agency_id` and `officer_id`, and from that row the settings `startRequestTransaction` sets (the
 * statement time limit is parameter `timeoutParameter`). No row, no settings. The credential is read as the
 * owner: PostgreSQL checks a statement's privileges before it runs, and the role set here applies from the next.
 */
export function startingFrom(credential: string, timeoutParameter: number): string {
  const settings = [
    `set_config('statement_timeout', $${timeoutParameter}, true)`,
    ...ROW_SECURITY.map((setting) => `set_config('${setting.name}', ${setting.fromRow}, true)`),
  ];
  return `select actor.*, ${settings.join(', ')} from (${credential}) actor`;
}

/**
 * Back to the owner for the rest of the current savepoint, for the few deliberate exceptions: signing in
 * (nobody is known yet) and district-wide aggregates a chief may see but whose rows it may not. Call it inside
 * `em.transactional`: rolling back the savepoint restores the role; on success call `enterRowSecurity` again.
 */
export async function leaveRowSecurity(em: EntityManager): Promise<void> {
  await em.execute(`select set_config('role', 'none', true)`);
}
