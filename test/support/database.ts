import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../server/src/db/orm.config';

/** An ORM on the run's test database (see global-setup.ts). One connection: the embedded server serialises them anyway. */
export function openTestDatabase(): Promise<MikroORM> {
  return MikroORM.init(
    ormConfig({ clientUrl: process.env.TEST_DATABASE_URL!, host: process.env.TEST_DATABASE_HOST || undefined, poolSize: 1 }),
  );
}

export const usingEmbeddedDatabase = () => process.env.TEST_DATABASE_EMBEDDED === '1';
