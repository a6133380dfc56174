import fs from 'node:fs';
import path from 'node:path';
import { type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { entities } from './entities';
import { PipelinedBeginDialect } from './read-path';

const runningTypeScript = __filename.endsWith('.ts');
const repositoryRoot = path.resolve(__dirname, runningTypeScript ? '../../..' : '../../../..');
/** Migration sources live in the repository; the compiled build runs their JavaScript twins in dist/. */
export const migrationsSourceDir = path.join(repositoryRoot, 'migrations');
const migrationsRuntimeDir = runningTypeScript ? migrationsSourceDir : path.join(repositoryRoot, 'dist', 'migrations');

/**
 * Migrations are listed by `require`, not discovered by MikroORM's dynamic `import()`: that way the same
 * list works for the compiled server and for TypeScript run by jest.
 */
function migrationsList(): MigrationObject[] {
  const extension = runningTypeScript ? '.ts' : '.js';
  if (!fs.existsSync(migrationsRuntimeDir)) return [];
  return fs
    .readdirSync(migrationsRuntimeDir)
    .filter((file) => file.startsWith('Migration') && file.endsWith(extension) && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => {
      const name = path.basename(file, extension);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path.join(migrationsRuntimeDir, file)) as Record<string, MigrationObject['class']>;
      return { name, class: module[name] };
    });
}

export interface OrmOptions {
  clientUrl: string;
  /** Overrides the URL's host: a Unix socket folder for the embedded database. */
  host?: string;
  poolSize: number;
  /**
   * A role each new connection switches to (`SET ROLE`) for its whole life: the runtime's `sro_runtime` where the
   * URL logs in as another role (the owner, for compatibility) or on the embedded database, whose one session is
   * the superuser's (docs/deployment.md).
   */
  actAs?: string;
}

export function ormConfig({ clientUrl, host, poolSize, actAs }: OrmOptions) {
  return defineConfig({
    clientUrl,
    host,
    entities,
    extensions: [Migrator],
    pool: {
      min: 0,
      max: poolSize,
      ...(actAs && {
        afterCreate: (connection: Client, done: (error: Error | undefined, connection: Client) => void) =>
          connection.query(`set role ${actAs}`).then(
            () => done(undefined, connection),
            (error: Error) => done(error, connection),
          ),
      }),
    },
    // Statements sent at once are pipelined on the connection (pg's pipeline mode), and so is each BEGIN with the
    // statement after it (db/read-path/pipelined-begin.ts).
    driverOptions: { client: PipelinedBeginDialect, connection: { pipeline: true } },
    forceUtcTimezone: true,
    // Never create a database because a URL has a typo: a missing database is a configuration error.
    ensureDatabase: false,
    // Entities are plain data here; the request context forks a fresh EntityManager, never the global one.
    allowGlobalContext: false,
    migrations: {
      path: migrationsSourceDir,
      pathTs: migrationsSourceDir,
      migrationsList: migrationsList(),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      silent: true,
      allOrNothing: true,
      // No snapshot file: new migrations are diffed against a migrated database, which also holds what the
      // entities cannot describe (see the expression indexes on Assignment).
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp: string, name?: string) => `Migration${timestamp}${name ? `_${name}` : ''}`,
    },
    discovery: { warnWhenNoEntities: true },
  });
}
