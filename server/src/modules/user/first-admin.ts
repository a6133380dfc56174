import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { hashPassword } from '../auth/passwords';
import { User } from './user.entity';

/**
 * Creates the first administrator when there is none with this e-mail. An existing account is left alone:
 * ADMIN_PASSWORD set at every start must not silently reset a password changed since.
 */
export async function ensureAdmin(em: EntityManager, email: string, password: string): Promise<'created' | 'exists'> {
  return em.transactional(async (transaction) => {
    const existing = await transaction.findOne(User, { email: { $ilike: email.replace(/[\\%_]/g, '\\$&') } });
    if (existing) return 'exists';
    transaction.create(User, { email, displayName: 'Administrator', role: Role.ADMIN, passwordHash: await hashPassword(password) });
    await transaction.flush();
    return 'created';
  });
}
