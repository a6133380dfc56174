import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config';
import type { Database } from '../../server/src/db/database';
import { createHttpServer } from '../../server/src/http/security';
import { createLogger, type Logger } from '../../server/src/logger';
import { openRuntimeTestDatabase, openTestDatabase, type TestDatabaseOptions } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions: { code: string; [key: string]: any } }[];
  headers: Headers;
}

/** The real HTTP server on the test database, on a free port. */
export class TestApp {
  /** SQL statements sent since the last `resetStatements()`. */
  statements: string[] = [];

  private constructor(
    /** The database as its owner, for fixtures and checks. */
    readonly orm: MikroORM,
    /** The server's own connections: `sro_runtime` on a PostgreSQL server, `orm` on the embedded database. */
    readonly runtimeOrm: MikroORM,
    readonly url: string,
    readonly config: Config,
    private readonly server: Server,
    private readonly stopApp: () => Promise<void>,
  ) {}

  /** `database` picks the pool size or a proxy URL; `log` replaces the silent logger (log tests). */
  static async start(
    overrides: Record<string, string> = {},
    { database: databaseOptions, log }: { database?: TestDatabaseOptions; log?: Logger } = {},
  ): Promise<TestApp> {
    const orm = await openTestDatabase(databaseOptions);
    const runtimeOrm = await openRuntimeTestDatabase(orm, databaseOptions);
    // READ_PATH=orm runs the suite on plain MikroORM (.ci/run): both read paths must answer alike.
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      READ_PATH: process.env.READ_PATH,
      ...overrides,
    });
    // Closed by stop(), after the server.
    const database: Database = { orm: runtimeOrm, embedded: false, close: async () => undefined };
    const app = await createApp(config, database, log ?? createLogger(config));
    const server = createHttpServer(app.express, config).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const testApp = new TestApp(orm, runtimeOrm, `http://127.0.0.1:${port}`, config, server, app.stop);
    runtimeOrm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => testApp.statements.push(query.sql));
    return testApp;
  }

  resetStatements(): void {
    this.statements = [];
  }

  /** Sends a GraphQL request; `token` is sent as a bearer token; `headers` are added (an X-Forwarded-For, say). */
  async graphql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { ...body, status: response.status, headers: response.headers };
  }

  /** Like graphql(), but fails the test on any error and returns the data. */
  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await this.graphql<T>(query, variables, token);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data!;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
    await this.stopApp();
    if (this.runtimeOrm !== this.orm) await this.runtimeOrm.close();
    await this.orm.close();
  }
}
