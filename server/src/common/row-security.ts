import type { EntityManager } from '@mikro-orm/postgresql';
import type { QueryResultRow } from 'pg';
import { Role, type Actor } from './actor';
import { prepared, preparedInTurn } from '../db/read-path';

/** What the server's connections log in as, or switch to (migration runtime_role): it owns and may read nothing. */
export const RUNTIME_ROLE = 'sro_runtime';

/**
 * What a request acts as before it knows who is asking, and while it signs someone in (migration runtime_role):
 * it reads and writes accounts, sessions, the throttle and the audit events of sign-ins, nothing else.
 */
const SIGN_IN_ROLE = 'sro_signin';

/** What a chief's district-wide aggregates read as: every row, and it writes nothing. */
const AGGREGATE_ROLE = 'sro_analyst';

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
// Nobody signed in: the request acts as the sign-in role (migration runtime_role), whatever the connection's own.
const START_ANONYMOUS = `select set_config('statement_timeout', $1, true), set_config('role', '${SIGN_IN_ROLE}', true)`;

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
 * statement time limit is parameter `timeoutParameter`). No row, no settings. PostgreSQL checks a statement's
 * privileges before it runs, and the role set here applies from the next: the credential is read as the
 * connection's own role, `sro_runtime`, which may read no table, through the owner's functions that answer for
 * one token's hash (`sro_session_by_token`, `sro_api_token_by_token`, `sro_user_by_token`).
 */
export function startingFrom(credential: string, timeoutParameter: number): string {
  const settings = [
    `set_config('statement_timeout', $${timeoutParameter}, true)`,
    ...ROW_SECURITY.map((setting) => `set_config('${setting.name}', ${setting.fromRow}, true)`),
  ];
  return `select actor.*, ${settings.join(', ')} from (${credential}) actor`;
}

const LEAVE_ROW_SECURITY = `select set_config('role', '${SIGN_IN_ROLE}', true)`;
const AGGREGATE = `select set_config('role', '${AGGREGATE_ROLE}', true)`;

/**
 * Out of the actor's row security into the sign-in role's for the rest of the current savepoint, for signing in
 * (nobody is known yet) and a credential's bookkeeping. Call it inside `em.transactional` in a mutation (whose
 * fields run one at a time): rolling back the savepoint restores the role; on success call `enterRowSecurity`
 * again.
 */
export async function leaveRowSecurity(em: EntityManager): Promise<void> {
  await em.execute(LEAVE_ROW_SECURITY);
}

/**
 * One statement (`$1`, `$2`...) run as `sro_analyst` (every row, no writes), for the district-wide aggregates a
 * chief may see but whose rows it may not: in a savepoint, the role switched, the statement, row security entered
 * again for `actor`, written together (`preparedInTurn`), so that nothing else the request runs at the same time, such as a sibling field's statements, can run between
 * them as that role. On a refusal the savepoint is rolled back, which restores the actor's role and settings; a
 * statement sent meanwhile is refused too (the transaction is aborted until then).
 */
export async function asDistrictWide<R extends QueryResultRow>(
  em: EntityManager,
  actor: Actor,
  text: string,
  values: unknown[],
): Promise<R[]> {
  try {
    const [, , rows] = await preparedInTurn<R>(em, [
      { text: 'savepoint sro_district_wide', values: [] },
      { text: AGGREGATE, values: [] },
      { text, values },
      { text: SET_ROW_SECURITY, values: rowSecurityValues(actor) },
      { text: 'release savepoint sro_district_wide', values: [] },
    ]);
    return rows!;
  } catch (error) {
    await em.execute('rollback to savepoint sro_district_wide').catch(() => undefined);
    throw error;
  }
}
