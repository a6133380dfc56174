import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbedded, type EmbeddedDatabase } from '../../server/src/db/embedded';
import { ormConfig } from '../../server/src/db/orm.config';

declare global {
  // eslint-disable-next-line no-var
  var embeddedTestDatabase: { database: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * One database for the run: the PostgreSQL server at DATABASE_URL when set, else a fresh embedded
 * database in a temporary folder. Migrations are applied here, once; test files build their own data.
 */
export default async function globalSetup(): Promise<void> {
  let clientUrl = process.env.DATABASE_URL;
  let host: string | undefined;
  if (!clientUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-test-'));
    const database = await startEmbedded(dataDir, { tcp: true });
    globalThis.embeddedTestDatabase = { database, dataDir };
    clientUrl = database.url;
    host = database.host;
  }
  process.env.TEST_DATABASE_URL = clientUrl;
  process.env.TEST_DATABASE_HOST = host ?? '';
  process.env.TEST_DATABASE_EMBEDDED = process.env.DATABASE_URL ? '' : '1';
  const orm = await MikroORM.init(ormConfig({ clientUrl, host, poolSize: 1 }));
  try {
    await orm.getMigrator().up();
    // Sign-in failures of an earlier run on this database would slow this one's sign-ins (all from 127.0.0.1).
    await orm.em.getConnection().execute('delete from login_throttle');
  } finally {
    await orm.close();
  }
  // MikroORM keeps its metadata on globalThis; left here it would leak into the test environment's realm.
  delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];
}
