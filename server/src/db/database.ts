import { MikroORM } from '@mikro-orm/postgresql';
import { RUNTIME_ROLE } from '../common/row-security';
import type { Config } from '../config';
import { startEmbedded, type EmbeddedDatabase } from './embedded';
import { ormConfig, type OrmOptions } from './orm.config';

/** The open database: the ORM, plus the embedded server when there is no DATABASE_URL. */
export interface Database {
  orm: MikroORM;
  embedded: boolean;
  close(): Promise<void>;
}

type DatabaseConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'> & Partial<Pick<Config, 'migrationDatabaseUrl'>>;

/** Who connects: the owner (MIGRATION_DATABASE_URL) or the runtime (DATABASE_URL). */
function connection(config: DatabaseConfig, embedded: EmbeddedDatabase | undefined, owner: boolean): OrmOptions {
  // The embedded server runs one statement at a time: one connection keeps transactions apart.
  if (embedded) return { clientUrl: embedded.url, host: embedded.host, poolSize: 1 };
  const clientUrl = owner ? (config.migrationDatabaseUrl ?? config.databaseUrl!) : config.databaseUrl!;
  return { clientUrl, poolSize: config.databasePoolSize };
}

async function withEmbedded(
  config: DatabaseConfig,
  open: (embedded: EmbeddedDatabase | undefined) => Promise<MikroORM>,
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  if (config.databaseUrl === undefined) embedded = await startEmbedded(config.dataDir);
  try {
    const orm = await open(embedded);
    return {
      orm,
      embedded: embedded !== undefined,
      async close() {
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The database as its owner: migrations, the demo program, administrators (command-line tools, tests). */
export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return withEmbedded(config, (embedded) => MikroORM.init(ormConfig(connection(config, embedded, true))));
}

/**
 * The database for serving requests: `prepare` runs first as the owner (migrations, the demo program), on its own
 * connection, closed before the runtime's open, which act as `sro_runtime` (docs/deployment.md). On the embedded
 * database every connection shares PGlite's one session, so the owner must be done before the runtime switches it.
 */
export function openRuntimeDatabase(config: DatabaseConfig, prepare: (owner: MikroORM) => Promise<void>): Promise<Database> {
  return withEmbedded(config, async (embedded) => {
    const owner = await MikroORM.init(ormConfig(connection(config, embedded, true)));
    try {
      await prepare(owner);
    } finally {
      await owner.close();
    }
    return MikroORM.init(ormConfig({ ...connection(config, embedded, false), actAs: RUNTIME_ROLE }));
  });
}

/**
 * Why the runtime's login is not the one docs/deployment.md asks for, or null: a superuser, or the owner of
 * tables, could undo `SET ROLE` (an injected `RESET ROLE`) and then bypass row security.
 */
export async function runtimeLoginProblem(orm: MikroORM): Promise<string | null> {
  const [login] = await orm.em
    .fork()
    .getConnection()
    .execute<{ name: string; superuser: boolean; owner: boolean }[]>(
      `select r.rolname as name, r.rolsuper as superuser,
       exists (select 1 from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owner
     from pg_roles r where r.rolname = session_user`,
    );
  if (!login.superuser && !login.owner) return null;
  return `DATABASE_URL logs in as ${login.name}, ${login.superuser ? 'a superuser' : 'the owner of the tables'}: requests act as ${RUNTIME_ROLE} by SET ROLE, which an injected RESET ROLE would undo; log in as ${RUNTIME_ROLE} and migrate with MIGRATION_DATABASE_URL (docs/deployment.md)`;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
