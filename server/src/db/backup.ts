import fs from 'node:fs';
import path from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { openPGlite, pgDataDir } from './embedded';

/**
 * Backup and restore of the embedded database: the whole PostgreSQL data folder as one gzipped tarball
 * (PGlite's `dumpDataDir`, loadable with its `loadDataDir`). Both need the server stopped: they hold DATA_DIR's
 * lock, so they refuse while a server runs there and a server refuses to start while they run.
 */

export class BackupError extends Error {}

// The table every migrated database has; a tarball without it is not an SRO Hub database.
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

async function migrationsApplied(pgDir: string): Promise<number> {
  const db = await openPGlite(pgDir);
  try {
    const { rows } = await db.query<{ applied: number }>(
      `select count(*)::int as applied from information_schema.tables where table_schema = 'public' and table_name = $1`,
      [MIGRATIONS_TABLE],
    );
    if (!rows[0].applied) return 0;
    const count = await db.query<{ n: number }>(`select count(*)::int as n from ${MIGRATIONS_TABLE}`);
    return count.rows[0].n;
  } finally {
    await db.close();
  }
}

/** Writes DATA_DIR's database to `file` (which must not exist yet); returns its size in bytes. */
export async function backupDataDir(dataDir: string, file: string): Promise<number> {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists: choose a new file name`);
  const lock = lockDataDir(dataDir);
  try {
    const pgDir = pgDataDir(dataDir);
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no database to back up`);
    const db = await openPGlite(pgDir);
    let tarball: Blob;
    try {
      // A checkpoint first, so that the copy needs no WAL replay when it is loaded.
      await db.exec('checkpoint');
      tarball = await db.dumpDataDir('gzip');
    } finally {
      await db.close();
    }
    // Written beside the target and renamed: a backup file is either complete or absent.
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    fs.renameSync(partial, target);
    return fs.statSync(target).size;
  } finally {
    lock.release();
  }
}

export interface Restored {
  /** Migrations recorded in the restored database. */
  migrations: number;
  /** Where the database that was replaced now lives (delete it once the restore is checked), if there was one. */
  previous: string | undefined;
}

/**
 * Replaces DATA_DIR's database with the one in `file`. The backup is loaded into a new folder and checked first;
 * only then is the current database moved aside (kept, not deleted) and the new one moved in.
 */
export async function restoreDataDir(dataDir: string, file: string): Promise<Restored> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist`);
  const lock = lockDataDir(dataDir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const incoming = path.join(dataDir, `pgdata.restoring-${stamp}`);
  try {
    const tarball = new Blob([fs.readFileSync(source)]);
    try {
      const db = await openPGlite(incoming, { loadDataDir: tarball });
      await db.close();
    } catch (error) {
      throw new BackupError(`${source} is not a backup of an SRO Hub database: ${error instanceof Error ? error.message : String(error)}`);
    }
    const migrations = await migrationsApplied(incoming);
    if (!migrations) throw new BackupError(`${source} is not a backup of an SRO Hub database: it has no ${MIGRATIONS_TABLE} table`);
    const current = pgDataDir(dataDir);
    let previous: string | undefined;
    if (fs.existsSync(current)) {
      previous = path.join(dataDir, `pgdata.before-restore-${stamp}`);
      fs.renameSync(current, previous);
    }
    fs.renameSync(incoming, current);
    return { migrations, previous };
  } finally {
    fs.rmSync(incoming, { recursive: true, force: true });
    lock.release();
  }
}
