import { loadConfig } from '../config';
import { openDatabase } from '../db/database';

/** `migrate.js up | create [name] | check`: apply, generate or check migrations. */
async function main(command: string | undefined, name: string | undefined): Promise<number> {
  const database = await openDatabase(loadConfig());
  try {
    const migrator = database.orm.getMigrator();
    switch (command) {
      case 'up': {
        const applied = await migrator.up();
        console.log(applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
        return 0;
      }
      case 'create': {
        const result = await migrator.createMigration(undefined, false, false, name);
        console.log(result.fileName ? `created migrations/${result.fileName}` : 'no changes: no migration created');
        return 0;
      }
      case 'check': {
        const needed = await migrator.checkMigrationNeeded();
        const pending = await migrator.getPendingMigrations();
        if (needed) console.error('the entities differ from the last migration: run npm run migration:create');
        if (pending.length) console.error(`pending migrations: ${pending.map((m) => m.name).join(', ')}`);
        if (!needed && !pending.length) console.log('migrations are current');
        return needed || pending.length ? 1 : 0;
      }
      default:
        console.error('usage: migrate.js up | create [name] | check');
        return 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2], process.argv[3]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
