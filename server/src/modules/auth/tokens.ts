import { createHash, randomBytes } from 'node:crypto';

/** A new secret token: 256 random bits, with a prefix that tells what kind it is. */
export function newToken(prefix: 'srs' | 'sra'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as this hash: a stolen database yields no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
