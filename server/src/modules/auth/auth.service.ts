import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, Role } from '../../common/actor';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { prepared } from '../../common/prepared';
import { enterRowSecurity, leaveRowSecurity, startingFrom, startRequestTransaction } from '../../common/row-security';
import { User } from '../user/user.entity';
import { verifyPassword } from './passwords';
import { Session } from './session.entity';
import { assertNotLocked, clearAccount, recordFailure, throttleKeys } from './throttle';
import { hashToken, newToken } from './tokens';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    role: user.role,
    agencyId: user.agency?.id ?? null,
    officerId: user.officer?.id ?? null,
    label: user.email,
  };
}

/**
 * Checks the credentials and opens a session. Failures are counted (and audited) in their own transaction,
 * which commits even though the sign-in is refused.
 */
export async function login(ctx: RequestContext, email: string, password: string, settings: SessionSettings): Promise<SignedIn> {
  const now = new Date();
  const keys = throttleKeys(email, ctx.clientAddress);
  const outcome = await ctx.em.transactional(async (em) => {
    // Nobody is known yet: reading accounts and counting failures is the owner's work, not the caller's.
    if (ctx.actor) await leaveRowSecurity(em);
    await assertNotLocked(em, keys, now);
    const user = await em.findOne(User, { email: { $ilike: email.trim().replace(/[\\%_]/g, '\\$&') } }, { populate: ['passwordHash'] });
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      await recordFailure(em, keys, now);
      audit(em, ctx, {
        action: 'login_failure',
        entityType: 'User',
        entityId: user?.id,
        actorLabel: email.slice(0, 254),
        details: { reason: 'wrong credentials' },
      });
      await em.flush();
      return null;
    }
    await clearAccount(em, keys);
    const token = newToken('srs');
    const expiresAt = new Date(now.getTime() + settings.absoluteHours * 3_600_000);
    em.create(Session, { user, tokenHash: hashToken(token), expiresAt, lastUsedAt: now });
    // Bookkeeping, not an edit of the account: written without the optimistic lock, so that two sign-ins of one
    // account at the same moment both succeed (with `version` they conflicted) and an administrator's open edit
    // form stays current. The user returned still shows the previous sign-in.
    await em.nativeUpdate(User, { id: user.id }, { lastLoginAt: now });
    audit(em, ctx, { action: 'login', entityType: 'User', entityId: user.id, actorLabel: user.email });
    await em.flush();
    if (ctx.actor) await enterRowSecurity(em, ctx.actor);
    return { token, expiresAt, user };
  });
  if (!outcome) throw new DomainError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
  return outcome;
}

export async function logout(ctx: RequestContext, token: string | undefined): Promise<boolean> {
  requireActor(ctx.actor);
  if (!token) return false;
  return ctx.em.transactional(async (em) => {
    const revoked = await em.nativeUpdate(Session, { tokenHash: hashToken(token), revokedAt: null }, { revokedAt: new Date() });
    audit(em, ctx, { action: 'logout', entityType: 'User', entityId: ctx.actor!.userId });
    await em.flush();
    return revoked > 0;
  });
}

// Last-use times are written at most this often, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

interface CredentialRow {
  id: number;
  last_used_at: Date | string | null;
  user_id: number;
  role: Role;
  agency_id: number | null;
  officer_id: number | null;
  email: string;
}

// What every request asks first: one statement each, straight to the actor (no entities, nothing to flush). A
// session also ends once idle for longer than the idle limit ($3 minutes). The rows come from the owner's
// functions that answer for one token's hash: the connection's own role may read no table (migration runtime_role).
const CREDENTIAL_COLUMNS = 'c.id, c.last_used_at, u.id as user_id, u.role, u.agency_id, u.officer_id, u.email';
const SESSION_ACTOR = `select ${CREDENTIAL_COLUMNS} from sro_session_by_token($1) c join sro_user_by_token($1) u on u.id = c.user_id
  where c.token_hash = $1 and c.revoked_at is null and c.expires_at > $2 and u.active
    and c.last_used_at >= $2::timestamptz - make_interval(mins => $3::int)`;
const API_TOKEN_ACTOR = `select ${CREDENTIAL_COLUMNS} from sro_api_token_by_token($1) c join sro_user_by_token($1) u on u.id = c.user_id
  where c.token_hash = $1 and c.revoked_at is null and u.active`;
// The same checks with the request's settings applied from the row, for a /graphql request's first statement.
const START_WITH_SESSION = startingFrom(SESSION_ACTOR, 4);
const START_WITH_API_TOKEN = startingFrom(API_TOKEN_ACTOR, 2);

const actorOfRow = (row: CredentialRow): Actor => ({
  userId: row.user_id,
  role: row.role,
  agencyId: row.agency_id,
  officerId: row.officer_id,
  label: row.email,
});

/** Whether the credential's last use is due to be recorded: it is written at most once a minute. */
function dueForTouch(row: CredentialRow, now: Date): boolean {
  return row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS;
}

// Through the owner's function: a CSV export's check runs outside any transaction, as the connection's own role.
const touch = (em: EntityManager, isApiToken: boolean, row: CredentialRow, now: Date) =>
  prepared(em, isApiToken ? 'select sro_touch_api_token($1, $2)' : 'select sro_touch_session($1, $2)', [row.id, now]);

/**
 * The row of a session or API token that is valid now, by one statement: the check alone, or with `timeout` the
 * check that also sets the request's settings (`startingFrom`, whose time limit is the last parameter).
 */
async function credential(em: EntityManager, token: string, settings: SessionSettings, now: Date, timeout?: string) {
  const isApiToken = token.startsWith('sra_');
  const values: unknown[] = isApiToken ? [hashToken(token)] : [hashToken(token), now, settings.idleMinutes];
  const [check, start] = isApiToken ? [API_TOKEN_ACTOR, START_WITH_API_TOKEN] : [SESSION_ACTOR, START_WITH_SESSION];
  const [row] = await prepared<CredentialRow>(
    em,
    timeout === undefined ? check : start,
    timeout === undefined ? values : [...values, timeout],
  );
  return { row, isApiToken };
}

/** The actor behind a session or API token, or null when the token is unknown, revoked, expired or idle too long. */
export async function authenticate(em: EntityManager, token: string, settings: SessionSettings, now = new Date()): Promise<Actor | null> {
  const { row, isApiToken } = await credential(em, token, settings, now);
  if (!row) return null;
  if (dueForTouch(row, now)) await touch(em, isApiToken, row, now);
  return actorOfRow(row);
}

/**
 * The first statement of a /graphql request's transaction: the session or API token checked and, in the same
 * statement, the statement time limit and the actor's row security set (common/row-security.ts). When the token
 * is not valid the request goes on anonymously, with only the time limit set.
 */
export async function startSignedIn(
  em: EntityManager,
  token: string,
  settings: SessionSettings,
  statementTimeoutMs: number,
  now = new Date(),
): Promise<Actor | null> {
  const { row, isApiToken } = await credential(em, token, settings, now, String(statementTimeoutMs));
  if (!row) {
    await startRequestTransaction(em, null, statementTimeoutMs);
    return null;
  }
  const actor = actorOfRow(row);
  if (dueForTouch(row, now)) {
    // The last use is the owner's to write: out of row security for that one statement.
    await leaveRowSecurity(em);
    await touch(em, isApiToken, row, now);
    await enterRowSecurity(em, actor);
  }
  return actor;
}
