import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../common/actor';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { DomainError, ErrorCode } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { enterRowSecurity, leaveRowSecurity } from '../../common/row-security';
import { User } from '../user/user.entity';
import { ApiToken } from './api-token.entity';
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

/** The actor behind a session or API token, or null when the token is unknown, revoked or expired. */
export async function authenticate(em: EntityManager, token: string, settings: SessionSettings, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  if (token.startsWith('sra_')) {
    const apiToken = await em.findOne(ApiToken, { tokenHash, revokedAt: null }, { populate: ['user'] });
    const user = apiToken?.user.getEntity();
    if (!apiToken || !user?.active) return null;
    if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
    }
    return actorOf(user);
  }
  const session = await em.findOne(Session, { tokenHash, revokedAt: null, expiresAt: { $gt: now } }, { populate: ['user'] });
  const user = session?.user.getEntity();
  if (!session || !user?.active) return null;
  const idleMs = now.getTime() - session.lastUsedAt.getTime();
  if (idleMs > settings.idleMinutes * 60_000) return null;
  if (idleMs > TOUCH_INTERVAL_MS) await em.nativeUpdate(Session, { id: session.id }, { lastUsedAt: now });
  return actorOf(user);
}
