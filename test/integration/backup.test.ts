import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupError, backupDataDir, restoreDataDir } from '../../server/src/db/backup';
import { DataDirInUseError } from '../../server/src/db/data-dir-lock';
import { migrate, openDatabase } from '../../server/src/db/database';
import { Agency, AgencyKind } from '../../server/src/modules/agency/agency.entity';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/** Runs `backup.ts` or `restore.ts` as `npm run backup -- <file>` would (from the sources, see register-ts.cjs). */
function cli(script: 'backup' | 'restore', file: string, env: Record<string, string>) {
  return run(process.execPath, ['-r', './test/support/register-ts.cjs', `server/src/cli/${script}.ts`, file], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** The embedded database to a file and back: what was backed up is what comes back, whatever changed since. */
describe('backup and restore of the embedded database', () => {
  const folders: string[] = [];
  const folder = (label: string) => {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), `sro-${label}-`));
    folders.push(created);
    return created;
  };
  afterAll(() => folders.forEach((created) => fs.rmSync(created, { recursive: true, force: true })));

  const agencyNames = async (dataDir: string) => {
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      return (await database.orm.em.fork().find(Agency, {}, { orderBy: { name: 'asc' } })).map((agency) => agency.name);
    } finally {
      await database.close();
    }
  };

  it('round-trips: seed, back up, change, restore, and the original content is back', async () => {
    const dataDir = folder('data');
    const file = path.join(folder('backups'), 'sro-hub.tgz');
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    await migrate(database.orm);
    const em = database.orm.em.fork();
    em.create(Agency, { name: 'Harlow Falls Police Department', kind: AgencyKind.MUNICIPAL_POLICE });
    em.create(Agency, { name: "Juniper County Sheriff's Office", kind: AgencyKind.COUNTY_SHERIFF });
    await em.flush();
    await database.close();

    expect(await backupDataDir(dataDir, file)).toBeGreaterThan(0);

    // Changes after the backup: a row added, a row renamed, a row deleted.
    const changed = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    const connection = changed.orm.em.getConnection();
    await connection.execute(`insert into agency (name, kind) values ('Added After The Backup', 'OTHER')`);
    await connection.execute(`update agency set name = 'Renamed After The Backup' where name = 'Harlow Falls Police Department'`);
    await connection.execute(`delete from agency where name = 'Juniper County Sheriff''s Office'`);
    await changed.close();
    expect(await agencyNames(dataDir)).toEqual(['Added After The Backup', 'Renamed After The Backup']);

    const { migrations, previous } = await restoreDataDir(dataDir, file);
    expect(migrations).toBeGreaterThan(0);
    expect(await agencyNames(dataDir)).toEqual(['Harlow Falls Police Department', "Juniper County Sheriff's Office"]);
    // The replaced database is kept aside, not deleted.
    expect(fs.existsSync(path.join(previous!, 'PG_VERSION'))).toBe(true);
    // The restored database is a working, migrated one.
    const restored = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      expect(await migrate(restored.orm)).toEqual([]);
      expect(await restored.orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await restored.close();
    }
  }, 120_000);

  it('refuses to back up or restore while the database is open, and leaves it as it was', async () => {
    const dataDir = folder('data');
    const file = path.join(folder('backups'), 'sro-hub.tgz');
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      await migrate(database.orm);
      await expect(backupDataDir(dataDir, file)).rejects.toThrow(DataDirInUseError);
      expect(fs.existsSync(file)).toBe(false);
      fs.writeFileSync(file, 'not a backup');
      await expect(restoreDataDir(dataDir, file)).rejects.toThrow(/in use by process/);
      expect(await database.orm.getMigrator().getPendingMigrations()).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a file that is not a backup, and never overwrites an existing backup', async () => {
    const dataDir = folder('data');
    const backups = folder('backups');
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    await migrate(database.orm);
    await database.close();
    const junk = path.join(backups, 'junk.tgz');
    fs.writeFileSync(junk, 'not a backup');
    await expect(restoreDataDir(dataDir, junk)).rejects.toThrow(BackupError);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['pgdata']);
    await expect(backupDataDir(dataDir, junk)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(junk, 'utf8')).toBe('not a backup');
  }, 120_000);

  it('runs as `npm run backup -- <file>` and `npm run restore -- <file>`, and refuses a PostgreSQL server', async () => {
    const dataDir = folder('data');
    const file = path.join(folder('backups'), 'cli.tgz');
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    await migrate(database.orm);
    const em = database.orm.em.fork();
    em.create(Agency, { name: 'Backed Up By The CLI', kind: AgencyKind.OTHER });
    await em.flush();
    await database.close();

    const backup = await cli('backup', file, { DATA_DIR: dataDir });
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`backed up ${dataDir} to ${file}`) });
    const again = await cli('backup', file, { DATA_DIR: dataDir });
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    const restore = await cli('restore', file, { DATA_DIR: dataDir });
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('the database it replaced is kept in') });
    expect(await agencyNames(dataDir)).toEqual(['Backed Up By The CLI']);
    const server = await cli('backup', file, { DATABASE_URL: 'postgres://root@127.0.0.1:5432/sro' });
    expect(server).toMatchObject({ code: 2, stderr: expect.stringContaining('pg_dump') });
  }, 120_000);
});
