import { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import { startEmbedded, type EmbeddedDatabase } from './embedded';
import { ormConfig } from './orm.config';

/** The open database: the ORM, plus the embedded server when there is no DATABASE_URL. */
export interface Database {
  orm: MikroORM;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  if (config.databaseUrl === undefined) embedded = await startEmbedded(config.dataDir);
  try {
    const orm = await MikroORM.init(
      ormConfig(
        embedded
          ? // The embedded server runs one statement at a time: one connection keeps transactions apart.
            { clientUrl: embedded.url, host: embedded.host, poolSize: 1 }
          : { clientUrl: config.databaseUrl!, poolSize: config.databasePoolSize },
      ),
    );
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

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
