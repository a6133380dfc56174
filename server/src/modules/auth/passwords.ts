import os from 'node:os';
import argon2 from 'argon2';
import pLimit from 'p-limit';

// OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Hashes run on libuv's threads, each holding its 19 MiB and a core until it ends. One core is left to everything
 * else, so that a burst of sign-ins (or of password guesses) never stalls the other requests, and the memory
 * they take is bounded (the default pool of four threads held 76 MiB on two cores).
 */
export const passwordHashing = pLimit(Math.max(1, os.availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return passwordHashing(() => argon2.hash(password, OPTIONS));
}

// Verified when the e-mail is unknown, so that the answer takes as long as for a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (hash === undefined) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    const decoy = await decoyHash;
    await passwordHashing(() => argon2.verify(decoy, password));
    return false;
  }
  try {
    return await passwordHashing(() => argon2.verify(hash, password));
  } catch {
    return false;
  }
}
