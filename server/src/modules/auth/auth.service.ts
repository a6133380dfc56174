import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, Role } from '../../common/actor';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { badInput, DomainError, ErrorCode, forbidden } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { prepared } from '../../db/read-path';
import { enterRowSecurity, leaveRowSecurity, startingFrom, startRequestTransaction } from '../../common/row-security';
import { Officer, OfficerStatus } from '../officer/officer.entity';
import { User } from '../user/user.entity';
import { MAX_EMAIL_LENGTH } from './auth.inputs';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { Session } from './session.entity';
import { clearCheck, countCheck, throttleKeys } from './throttle';
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
const OFFICER_INACTIVE = 'Your officer record is inactive, so this account cannot sign in: ask your agency to reactivate it';

export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    role: user.role,
    agencyId: user.agency?.id ?? null,
    officerId: user.officer?.id ?? null,
    label: user.email,
    viaApiToken: false,
  };
}

/**
 * Runs `work` out of row security, for reading and writing accounts before anyone is known or on the account's
 * own behalf, and enters the caller's row security again afterwards, whatever the outcome (a refusal rolls the
 * savepoint back, which restores it too).
 */
function asSignIn<T>(ctx: RequestContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return ctx.em.transactional(async (em) => {
    if (ctx.actor) await leaveRowSecurity(em);
    const result = await work(em);
    if (ctx.actor) await enterRowSecurity(em, ctx.actor);
    return result;
  });
}

/**
 * Checks the credentials and opens a session. The check is counted against the throttle before the password is
 * verified (throttle.ts); a failure is audited, and both commit even though the sign-in is refused.
 */
export async function login(ctx: RequestContext, email: string, password: string, settings: SessionSettings): Promise<SignedIn> {
  const now = new Date();
  const keys = throttleKeys(email, ctx.clientAddress);
  const outcome = await asSignIn(ctx, async (em) => {
    await countCheck(em, keys, now);
    const user = await em.findOne(User, { email: { $ilike: email.trim().replace(/[\\%_]/g, '\\$&') } }, { populate: ['passwordHash'] });
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      auditFailure(em, ctx, email, user?.id, 'wrong credentials');
      await em.flush();
      return WRONG_CREDENTIALS;
    }
    await clearCheck(em, keys);
    // Only the officer's status is read: signing in needs nothing else of the record.
    const officer = user.officer ? await em.findOne(Officer, { id: user.officer.id }, { fields: ['status'] }) : null;
    if (officer?.status === OfficerStatus.INACTIVE) {
      // The password was right: the owner is told why, and nothing counts against it.
      auditFailure(em, ctx, email, user.id, 'officer inactive');
      await em.flush();
      return OFFICER_INACTIVE;
    }
    const token = newToken('srs');
    const expiresAt = new Date(now.getTime() + settings.absoluteHours * 3_600_000);
    em.create(Session, { user, tokenHash: hashToken(token), expiresAt, lastUsedAt: now });
    // Bookkeeping, not an edit of the account: written without the optimistic lock, so that two sign-ins of one
    // account at the same moment both succeed (with `version` they conflicted) and an administrator's open edit
    // form stays current. The user returned still shows the previous sign-in.
    await em.nativeUpdate(User, { id: user.id }, { lastLoginAt: now });
    audit(em, ctx, { action: 'login', entityType: 'User', entityId: user.id, actorLabel: user.email });
    await em.flush();
    return { token, expiresAt, user };
  });
  if (typeof outcome === 'string') throw new DomainError(ErrorCode.UNAUTHENTICATED, outcome);
  return outcome;
}

function auditFailure(em: EntityManager, ctx: RequestContext, email: string, userId: number | undefined, reason: string): void {
  audit(em, ctx, {
    action: 'login_failure',
    entityType: 'User',
    entityId: userId,
    actorLabel: email.slice(0, MAX_EMAIL_LENGTH),
    details: { reason },
  });
}

/**
 * The signed-in user changes its own password, knowing the current one: throttled like a sign-in, audited
 * (without either password), and the user's other sessions end; this one and the API tokens go on.
 */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const actor = requireActor(ctx.actor);
  if (actor.viaApiToken) throw forbidden('An API token cannot change the password: sign in to change it');
  if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
    throw badInput(`newPassword must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, {
      newPassword: [`Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`],
    });
  }
  if (newPassword === currentPassword) {
    throw badInput('newPassword must differ from the current password', { newPassword: ['Choose a password you do not use now'] });
  }
  const now = new Date();
  const keys = throttleKeys(actor.label, ctx.clientAddress);
  const changed = await asSignIn(ctx, async (em) => {
    await countCheck(em, keys, now);
    const user = await em.findOneOrFail(User, { id: actor.userId }, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      audit(em, ctx, {
        action: 'password_change_failure',
        entityType: 'User',
        entityId: user.id,
        details: { reason: 'wrong current password' },
      });
      await em.flush();
      return false;
    }
    await clearCheck(em, keys);
    await em.nativeUpdate(User, { id: user.id }, { passwordHash: await hashPassword(newPassword) });
    const current = ctx.session.token === undefined ? undefined : hashToken(ctx.session.token);
    const ended = await em.nativeUpdate(
      Session,
      { user: user.id, revokedAt: null, ...(current === undefined ? {} : { tokenHash: { $ne: current } }) },
      { revokedAt: now },
    );
    audit(em, ctx, { action: 'password_changed', entityType: 'User', entityId: user.id, details: { sessionsEnded: ended } });
    await em.flush();
    return true;
  });
  if (!changed) throw badInput('The current password is wrong', { currentPassword: ['This is not your current password'] });
  return true;
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
// session also ends once idle for longer than the idle limit ($3 minutes); an API token at its expiry. An
// officer's user works only while its officer record is not INACTIVE. The rows come from the owner's functions
// that answer for one token's hash: the connection's own role may read no table (migration runtime_role).
const CREDENTIAL_COLUMNS = 'c.id, c.last_used_at, u.id as user_id, u.role, u.agency_id, u.officer_id, u.email';
const USABLE_USER = `u.active and not exists (select from sro_officer_by_token($1) o where o.status = 'INACTIVE')`;
const SESSION_ACTOR = `select ${CREDENTIAL_COLUMNS} from sro_session_by_token($1) c join sro_user_by_token($1) u on u.id = c.user_id
  where c.token_hash = $1 and c.revoked_at is null and c.expires_at > $2 and ${USABLE_USER}
    and c.last_used_at >= $2::timestamptz - make_interval(mins => $3::int)`;
const API_TOKEN_ACTOR = `select ${CREDENTIAL_COLUMNS} from sro_api_token_by_token($1) c join sro_user_by_token($1) u on u.id = c.user_id
  where c.token_hash = $1 and c.revoked_at is null and c.expires_at > $2 and ${USABLE_USER}`;
// The checks with the request's settings applied from the row: the first statement of every request with a token.
const START_WITH_SESSION = startingFrom(SESSION_ACTOR, 4);
const START_WITH_API_TOKEN = startingFrom(API_TOKEN_ACTOR, 3);

const actorOfRow = (row: CredentialRow, viaApiToken: boolean): Actor => ({
  userId: row.user_id,
  role: row.role,
  agencyId: row.agency_id,
  officerId: row.officer_id,
  label: row.email,
  viaApiToken,
});

/** Whether the credential's last use is due to be recorded: it is written at most once a minute. */
function dueForTouch(row: CredentialRow, now: Date): boolean {
  return row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() > TOUCH_INTERVAL_MS;
}

// Through the owner's function: the last use is the owner's to write.
const touch = (em: EntityManager, isApiToken: boolean, row: CredentialRow, now: Date) =>
  prepared(em, isApiToken ? 'select sro_touch_api_token($1, $2)' : 'select sro_touch_session($1, $2)', [row.id, now]);

/**
 * The row of a session or API token that is valid now, by the one statement that also sets the request's settings
 * (`startingFrom`, whose time limit is the last parameter).
 */
async function credential(em: EntityManager, token: string, settings: SessionSettings, now: Date, timeout: string) {
  const isApiToken = token.startsWith('sra_');
  const values: unknown[] = isApiToken ? [hashToken(token), now] : [hashToken(token), now, settings.idleMinutes];
  const [row] = await prepared<CredentialRow>(em, isApiToken ? START_WITH_API_TOKEN : START_WITH_SESSION, [...values, timeout]);
  return { row, isApiToken };
}

/**
 * The first statement of a signed-in request's transaction: the session or API token checked and, in the same
 * statement, the statement time limit and the actor's row security set (common/row-security.ts). When the token
 * is not valid the request goes on anonymously, with only the time limit set.
 */
async function startSignedIn(
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
  const actor = actorOfRow(row, isApiToken);
  if (dueForTouch(row, now)) {
    // The last use is the owner's to write: out of row security for that one statement.
    await leaveRowSecurity(em);
    await touch(em, isApiToken, row, now);
    await enterRowSecurity(em, actor);
  }
  return actor;
}

/**
 * The first statement of every request's first transaction, /graphql or /export (common/request-pipeline.ts): with a
 * token, `startSignedIn`; without one, only the time limit, and the request acts as the sign-in role.
 */
export async function startRequest(
  em: EntityManager,
  token: string | undefined,
  settings: SessionSettings,
  statementTimeoutMs: number,
): Promise<Actor | null> {
  if (token) return startSignedIn(em, token, settings, statementTimeoutMs);
  await startRequestTransaction(em, null, statementTimeoutMs);
  return null;
}
