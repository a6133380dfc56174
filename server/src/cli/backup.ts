import { ConfigError, loadConfig } from '../config';
import { BackupError, backupDataDir, restoreDataDir } from '../db/backup';
import { DataDirInUseError } from '../db/data-dir-lock';

/**
 * `backup.js <file>` and `restore.js <file>` (npm run backup / restore): the embedded database in DATA_DIR to a
 * file and back, with the server stopped. A PostgreSQL server is backed up with pg_dump instead
 * (docs/operations.md, "Backup and restore").
 */
export async function run(command: 'backup' | 'restore', file: string | undefined): Promise<number> {
  if (!file) {
    console.error(`usage: npm run ${command} -- <file>`);
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(`${command} is for the embedded database; with DATABASE_URL use pg_dump and pg_restore (see docs/operations.md)`);
    return 2;
  }
  if (command === 'backup') {
    const bytes = await backupDataDir(config.dataDir, file);
    console.log(`backed up ${config.dataDir} to ${file} (${bytes} bytes)`);
  } else {
    const { migrations, previous } = await restoreDataDir(config.dataDir, file);
    console.log(`restored ${file} into ${config.dataDir} (${migrations} migrations recorded)`);
    if (previous) console.log(`the database it replaced is kept in ${previous}: delete it once you have checked the restore`);
  }
  return 0;
}

export function main(command: 'backup' | 'restore'): void {
  run(command, process.argv[2]).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof BackupError || error instanceof DataDirInUseError || error instanceof ConfigError;
      const message = error instanceof Error ? (known ? error.message : error.stack) : String(error);
      console.error(`${command} failed: ${message}`);
      process.exit(1);
    },
  );
}

if (require.main === module) main('backup');
