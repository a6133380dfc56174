import { MikroORM } from '@mikro-orm/postgresql';
import { RUNTIME_ROLE } from '../../server/src/common/row-security';
import { ormConfig } from '../../server/src/db/orm.config';

export interface TestDatabaseOptions {
  /** Connections in the pool; more than one only on a PostgreSQL server (concurrency tests). */
  poolSize?: number;
  /** Another URL for the same database, such as a proxy in front of it (fault tests). */
  clientUrl?: string;
}

export const usingEmbeddedDatabase = () => process.env.TEST_DATABASE_EMBEDDED === '1';

/**
 * The URL of the runtime's login for `ownerUrl` (docs/deployment.md): TEST_RUNTIME_DATABASE_URL's user and
 * password when set, else `sro_runtime` without a password (trust authentication on 127.0.0.1).
 */
export function runtimeUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const login = process.env.TEST_RUNTIME_DATABASE_URL ? new URL(process.env.TEST_RUNTIME_DATABASE_URL) : undefined;
  url.username = login?.username ?? RUNTIME_ROLE;
  url.password = login?.password ?? '';
  return url.toString();
}

/**
 * An ORM on the run's test database (see global-setup.ts), as its owner: fixtures and checks. One connection by
 * default: the embedded server serialises them anyway.
 */
export function openTestDatabase({ poolSize = 1, clientUrl }: TestDatabaseOptions = {}): Promise<MikroORM> {
  return MikroORM.init(
    ormConfig({
      clientUrl: clientUrl ?? process.env.TEST_DATABASE_URL!,
      host: clientUrl ? undefined : process.env.TEST_DATABASE_HOST || undefined,
      poolSize,
    }),
  );
}

/**
 * An ORM that logs in as the server's runtime, `sro_runtime`, on a PostgreSQL server. The embedded database has
 * one session for every connection, which the fixtures' connection shares: there `owner` itself serves, and the
 * requests act as their roles within their transactions only (docs/deployment.md).
 */
export function openRuntimeTestDatabase(owner: MikroORM, { poolSize = 1, clientUrl }: TestDatabaseOptions = {}): Promise<MikroORM> {
  if (usingEmbeddedDatabase()) return Promise.resolve(owner);
  return MikroORM.init(ormConfig({ clientUrl: runtimeUrl(clientUrl ?? process.env.TEST_DATABASE_URL!), poolSize }));
}
