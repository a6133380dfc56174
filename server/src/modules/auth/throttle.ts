import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../common/errors';
import { LoginThrottle } from './login-throttle.entity';

/** How many failures each kind of key may have in a window before it is locked. */
const LIMITS = { account: 5, address: 30 } as const;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export const throttleKeys = (email: string, address: string) => ({
  account: `account:${email.trim().toLowerCase()}`,
  address: `address:${address}`,
});

/** RATE_LIMITED while either the account or the client address is locked. */
export async function assertNotLocked(em: EntityManager, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<void> {
  const rows = await em.find(LoginThrottle, { key: { $in: [keys.account, keys.address] }, lockedUntil: { $gt: now } });
  if (rows.length === 0) return;
  const until = Math.max(...rows.map((row) => row.lockedUntil!.getTime()));
  const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
  throw new DomainError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
    retryAfterSeconds,
  });
}

/** Counts one failure against the account and the address, locking either when it reaches its limit. */
export async function recordFailure(em: EntityManager, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<void> {
  for (const [kind, key] of Object.entries(keys) as [keyof typeof LIMITS, string][]) {
    // One statement per key, so that concurrent failures all count.
    await em.execute(
      `insert into login_throttle (key, failures, window_started_at, locked_until) values (?, 1, ?, null)
       on conflict (key) do update set
         failures = case when login_throttle.window_started_at < ? then 1 else login_throttle.failures + 1 end,
         window_started_at = case when login_throttle.window_started_at < ? then excluded.window_started_at else login_throttle.window_started_at end,
         locked_until = case
           when login_throttle.window_started_at >= ? and login_throttle.failures + 1 >= ? then ?::timestamptz
           else login_throttle.locked_until end`,
      [
        key,
        now,
        new Date(now.getTime() - WINDOW_MS),
        new Date(now.getTime() - WINDOW_MS),
        new Date(now.getTime() - WINDOW_MS),
        LIMITS[kind],
        new Date(now.getTime() + LOCK_MS),
      ],
    );
  }
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccount(em: EntityManager, keys: ReturnType<typeof throttleKeys>): Promise<void> {
  await em.nativeDelete(LoginThrottle, { key: keys.account });
}
