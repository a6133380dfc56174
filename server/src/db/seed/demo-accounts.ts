import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { Agency } from '../../modules/agency/agency.entity';
import { hashPassword } from '../../modules/auth/passwords';
import { Officer } from '../../modules/officer/officer.entity';
import { User } from '../../modules/user/user.entity';

/** The demo's sign-ins, one per role and a chief for two agencies; README.md lists them. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@sro-hub.example', displayName: 'Morgan Ellis (district administrator)', role: Role.ADMIN },
  {
    email: 'chief@harlowfalls-pd.example',
    displayName: 'Chief Dana Okafor',
    role: Role.AGENCY_CHIEF,
    agency: 'Harlow Falls Police Department',
  },
  {
    email: 'sheriff@juniper-so.example',
    displayName: 'Sheriff Walt Brennan',
    role: Role.AGENCY_CHIEF,
    agency: "Juniper County Sheriff's Office",
  },
  { email: 'analyst@sro-hub.example', displayName: 'Riley Park (program analyst)', role: Role.ANALYST },
  {
    email: 'officer@harlowfalls-pd.example',
    displayName: 'Officer Elena Marsh',
    role: Role.OFFICER,
    officer: { firstName: 'Elena', lastName: 'Marsh' },
  },
] as const;

/** A password for the demo accounts: DEMO_PASSWORD, or a new random one that the caller prints once. */
export function demoPassword(configured: string | undefined): { password: string; generated: boolean } {
  return configured ? { password: configured, generated: false } : { password: randomBytes(12).toString('base64url'), generated: true };
}

/** Creates the demo accounts, all with one password (hashed once: the hash is salted, so sharing it is harmless). */
export async function seedDemoAccounts(em: EntityManager, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await em.transactional(async (transaction) => {
    for (const account of DEMO_ACCOUNTS) {
      const agency = 'agency' in account ? await transaction.findOneOrFail(Agency, { name: account.agency }) : null;
      const officer = 'officer' in account ? await transaction.findOneOrFail(Officer, account.officer) : null;
      transaction.create(User, {
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        agency: agency ?? officer?.agency ?? null,
        officer,
        passwordHash,
      });
    }
    await transaction.flush();
  });
}
