import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../server/src/db/orm.config';

export interface TestDatabaseOptions {
  /** Connections in the pool; more than one only on a PostgreSQL server (concurrency tests). */
  poolSize?: number;
  /** Another URL for the same database, such as a proxy in front of it (fault tests). */
  clientUrl?: string;
}

/** An ORM on the run's test database (see global-setup.ts). One connection by default: the embedded server serialises them anyway. */
export function openTestDatabase({ poolSize = 1, clientUrl }: TestDatabaseOptions = {}): Promise<MikroORM> {
  return MikroORM.init(
    ormConfig({
      clientUrl: clientUrl ?? process.env.TEST_DATABASE_URL!,
      host: clientUrl ? undefined : process.env.TEST_DATABASE_HOST || undefined,
      poolSize,
    }),
  );
}

export const usingEmbeddedDatabase = () => process.env.TEST_DATABASE_EMBEDDED === '1';
