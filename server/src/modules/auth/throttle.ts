import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode } from '../../common/errors';
import { prepared } from '../../db/read-path';
import { LoginThrottle } from './login-throttle.entity';

/**
 * How password checks are limited, per 15-minute window (docs/sign-in.md; README, "Security"):
 * - an account from one client address (`pair`): 5, then refused until the window ends;
 * - an account from every address together (`account`): 5 free, then each further check waits a delay that
 *   doubles from 1 second up to 60, so that guesses from many addresses are slowed while the owner, at its
 *   own address, is never locked out for longer than a minute;
 * - one client address, whatever the accounts (`address`): 30 free, then the same delays, so that guessing
 *   many accounts from one address is slowed without locking out the others behind that address (a school's
 *   network, a proxy).
 */
const WINDOW_MS = 15 * 60_000;
interface Rule {
  /** Checks allowed in a window; null: no hard limit. */
  limit: number | null;
  /** Checks in a window after which each further one waits a delay; null: no delay. */
  delayAfter: number | null;
}
const RULES = {
  pair: { limit: 5, delayAfter: null },
  address: { limit: null, delayAfter: 30 },
  account: { limit: null, delayAfter: 5 },
} as const satisfies Record<string, Rule>;
const FIRST_DELAY_SECONDS = 1;
const MAX_DELAY_SECONDS = 60;

type Kind = keyof typeof RULES;
export type ThrottleKeys = Record<Kind, string>;

/** The keys of one check, in the order their rows are locked (the same in every request, so no deadlock). */
export function throttleKeys(email: string, address: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${account} ${address}`, account: `account:${account}`, address: `address:${address}` };
}

// One statement per key that counts the check and tests the limit together: concurrent checks queue on the
// key's row, and each sees the count of the ones before it. No row returned: refused, nothing counted.
// $1 key, $2 now, $3 start of the current window, $4 limit, $5 delay after, $6 first delay, $7 largest delay.
const COUNT = `
with counted as (
  insert into login_throttle as throttle (key, failures, window_started_at, locked_until) values ($1, 1, $2, null)
  on conflict (key) do update set
    failures = case when throttle.window_started_at < $3 then 1 else throttle.failures + 1 end,
    window_started_at = case when throttle.window_started_at < $3 then $2 else throttle.window_started_at end,
    locked_until = case
      when throttle.window_started_at >= $3 and throttle.failures + 1 >= $5::int
      then $2::timestamptz + make_interval(secs => least($7::int, $6::int * 2 ^ least(throttle.failures + 1 - $5::int, 16)))
      end
  where throttle.window_started_at < $3
     or (($4::int is null or throttle.failures < $4::int) and (throttle.locked_until is null or throttle.locked_until <= $2))
  returning 1
)
select count(*)::int as admitted from counted`;

/**
 * Counts one password check against every key, before the password is verified; RATE_LIMITED (with
 * `retryAfterSeconds`) when a key is at its limit or in its delay. Call it in a savepoint (`em.transactional`):
 * a refusal rolls back what the keys before counted.
 */
export async function countCheck(em: EntityManager, keys: ThrottleKeys, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  for (const kind of Object.keys(RULES) as Kind[]) {
    const { limit, delayAfter } = RULES[kind];
    const [{ admitted }] = await prepared<{ admitted: number }>(em, COUNT, [
      keys[kind],
      now,
      windowStart,
      limit,
      delayAfter,
      FIRST_DELAY_SECONDS,
      MAX_DELAY_SECONDS,
    ]);
    if (admitted === 0) throw await refusal(em, keys[kind], limit !== null, now);
  }
}

function inWords(seconds: number): string {
  if (seconds >= 120) return `${Math.ceil(seconds / 60)} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

/** RATE_LIMITED until the key's delay ends, or for a key at its hard limit, its window. */
async function refusal(em: EntityManager, key: string, atLimit: boolean, now: Date): Promise<DomainError> {
  const row = await em.findOneOrFail(LoginThrottle, { key });
  const windowEnd = row.windowStartedAt.getTime() + WINDOW_MS;
  const until = Math.max(row.lockedUntil?.getTime() ?? 0, atLimit ? windowEnd : 0);
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  return new DomainError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins: try again in ${inWords(retryAfterSeconds)}`, {
    retryAfterSeconds,
  });
}

/**
 * A right password: its check is taken back. The account and the pair start again from nothing (only the
 * owner gets here); the address keeps its other failures.
 */
export async function clearCheck(em: EntityManager, keys: ThrottleKeys): Promise<void> {
  await em.nativeDelete(LoginThrottle, { key: { $in: [keys.pair, keys.account] } });
  await em.execute(`update login_throttle set failures = greatest(failures - 1, 0) where key = ?`, [keys.address]);
}
