import fs from 'node:fs';
import path from 'node:path';
import { PostgreSqlKnexDialect } from '@mikro-orm/knex';
import { GraphQLError, parse, type OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { GraphQLError as JitError } from 'graphql-jit/dist/error';
import knex from 'knex';
import { Client } from 'pg';
import { getMetadataStorage } from 'type-graphql';
import { PipelinedBeginDialect } from '../../server/src/db/read-path';
import { buildApiSchema } from '../../server/src/graphql/schema';

/**
 * The read path (server/src/db/read-path) leans on parts of its libraries that are not their public API. Each is
 * pinned here: when an upgrade changes one, this fails naming the library, its version and the internal, and the
 * file that relies on it, rather than the read path misbehaving quietly.
 */
const versionOf = (library: string) =>
  (JSON.parse(fs.readFileSync(path.join(__dirname, '../../node_modules', library, 'package.json'), 'utf8')) as { version: string }).version;

function pin(library: string, internal: string, reliedOnBy: string, holds: () => boolean): void {
  let ok = false;
  let reason = '';
  try {
    ok = holds();
  } catch (error) {
    reason = ` (${(error as Error).message})`;
  }
  if (!ok)
    throw new Error(
      `${library} ${versionOf(library)} changed ${internal}${reason}: ${reliedOnBy} relies on it; adapt it or pin the earlier version`,
    );
}

const isFunction = (value: unknown) => typeof value === 'function';

/** The knex client MikroORM runs with (db/orm.config.ts), made without connecting. */
const dialectClient = () => knex({ client: PipelinedBeginDialect as never }).client as unknown;

describe('library internals the read path relies on', () => {
  it("knex: the PostgreSQL transaction class at knex/lib/dialects/postgres/execution/pg-transaction, and its 'begin'", () => {
    pin('knex', 'lib/dialects/postgres/execution/pg-transaction', 'db/read-path/pipelined-begin.ts', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Transaction = require('knex/lib/dialects/postgres/execution/pg-transaction') as { prototype: Record<string, unknown> };
      // `begin(connection)` sends BEGIN through the transaction's `query`; the subclass replaces it.
      return isFunction(Transaction.prototype.begin) && /BEGIN/.test(String(Transaction.prototype.begin));
    });
    pin('knex', 'Client#transaction and Client#query(connection, query)', 'db/read-path/pipelined-begin.ts', () => {
      const client = dialectClient() as unknown as Record<string, (...args: unknown[]) => unknown>;
      const base = PostgreSqlKnexDialect.prototype as unknown as Record<string, unknown>;
      return isFunction(base.query) && (base.query as () => unknown).length === 2 && isFunction(client.transaction);
    });
  });

  it("knex: Client#positionBindings numbers a statement's ? as $1, $2...", () => {
    pin('knex', 'Client#positionBindings', 'db/read-path/prepared.ts#positionalParameters', () => {
      const client = dialectClient() as unknown as { positionBindings(sql: string): string };
      return client.positionBindings('select ?, ? where a = ?') === 'select $1, $2 where a = $3';
    });
  });

  it("knex: Client#acquireConnection, #releaseConnection and the 'query' event", () => {
    pin('knex', 'Client#acquireConnection, #releaseConnection, #emit', 'db/read-path/prepared.ts', () => {
      const client = dialectClient() as unknown as Record<string, unknown>;
      return isFunction(client.acquireConnection) && isFunction(client.releaseConnection) && isFunction(client.emit);
    });
  });

  it("pg: a client's socket at connection.stream, which can be corked", () => {
    pin('pg', 'Client#connection.stream', 'db/read-path/pipelined-begin.ts', () => {
      const stream = (new Client() as unknown as { connection: { stream: { cork?: unknown; uncork?: unknown } } }).connection.stream;
      return isFunction(stream.cork) && isFunction(stream.uncork);
    });
  });

  it('graphql: getVariableValues from graphql/execution/values coerces, or answers errors', async () => {
    const schema = await buildApiSchema({
      session: { idleMinutes: 30, absoluteHours: 8 },
      reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
      apiTokens: { defaultDays: 365, maxDays: 365 },
    });
    const operation = parse('query($page: Int) { agencies(page: $page) { totalCount } }').definitions[0] as OperationDefinitionNode;
    pin('graphql', 'execution/values#getVariableValues', 'db/read-path/compiled-queries.ts', () => {
      const good = getVariableValues(schema, operation.variableDefinitions!, { page: 2 });
      const bad = getVariableValues(schema, operation.variableDefinitions!, { page: 'two' });
      return good.coerced?.page === 2 && good.errors === undefined && bad.coerced === undefined && bad.errors?.[0] instanceof GraphQLError;
    });
  });

  it('graphql-jit: the GraphQLError of graphql-jit/dist/error takes (message, locations, path, originalError)', () => {
    pin('graphql-jit', 'dist/error#GraphQLError', 'db/read-path/compiled-queries.ts', () => {
      const original = new Error('inner');
      const error = new (JitError as unknown as new (...args: unknown[]) => GraphQLError)(
        'shown',
        [{ line: 1, column: 2 }],
        ['a', 0],
        original,
      );
      return (
        error.message === 'shown' &&
        error.path?.join('.') === 'a.0' &&
        error.locations?.[0].column === 2 &&
        error.originalError === original
      );
    });
  });

  it("type-graphql: the metadata storage's object types and field resolvers, with their parameters", async () => {
    await buildApiSchema({
      session: { idleMinutes: 30, absoluteHours: 8 },
      reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
      apiTokens: { defaultDays: 365, maxDays: 365 },
    });
    pin(
      'type-graphql',
      'getMetadataStorage() objectTypes and fieldResolvers',
      'db/read-path/direct-field-resolvers.ts and check.ts',
      () => {
        const storage = getMetadataStorage();
        const officer = storage.objectTypes.find((type) => type.name === 'Officer');
        const email = storage.fieldResolvers.find(
          (resolver) => resolver.methodName === 'email' && resolver.getObjectType?.()?.name === 'Officer',
        );
        const params = [...(email?.params ?? [])].sort((a, b) => a.index - b.index);
        return (
          officer !== undefined &&
          (officer.fields ?? []).some((field) => field.name === 'lastName' && field.schemaName === 'lastName') &&
          email?.kind === 'external' &&
          isFunction(email.target) &&
          email.roles === undefined &&
          Array.isArray(email.middlewares) &&
          params.map((param) => param.kind).join(',') === 'root,context'
        );
      },
    );
  });
});
