import 'reflect-metadata';
import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { MIN_PASSWORD_LENGTH } from '../modules/auth/passwords';
import { ensureAdmin } from '../modules/user/first-admin';

/** `npm run create-admin -- <email> <password>` (or ADMIN_EMAIL / ADMIN_PASSWORD): creates an administrator. */
async function main(): Promise<number> {
  const config = loadConfig();
  const email = process.argv[2] ?? config.adminEmail;
  const password = process.argv[3] ?? config.adminPassword;
  if (!email || !password || password.length < MIN_PASSWORD_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error(`usage: npm run create-admin -- <email> <password of at least ${MIN_PASSWORD_LENGTH} characters>`);
    return 2;
  }
  const database = await openDatabase(config);
  try {
    await migrate(database.orm);
    const outcome = await ensureAdmin(database.orm.em.fork(), email, password);
    console.log(outcome === 'created' ? `created administrator ${email}` : `${email} already exists: nothing changed`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`create-admin failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
