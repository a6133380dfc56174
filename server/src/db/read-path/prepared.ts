import { randomBytes } from 'node:crypto';
import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client, QueryResult, QueryResultRow } from 'pg';
import { beginOf } from './pipelined-begin';
import type { Statement } from './statement-cache';

// A statement's name says which text and which connection: the embedded database's socket server runs every
// connection, of every process, in one PostgreSQL session, where a name used by two connections would collide
// ("prepared statement already exists"). On a PostgreSQL server each connection is a session of its own anyway.
const statements = new Map<string, number>();
const connections = new WeakMap<Client, string>();
const processId = randomBytes(4).toString('hex');
let nextConnection = 1;
/** Statement texts named at most; others (a filter by a list of ids of every length, say) run unnamed. */
const MAX_NAMED = 2_000;

/**
 * Integer ids as one PostgreSQL array literal, for `= any($n)`: what pg would send for the array, without its
 * quoting and escaping of each element (4% of the nested query's allocations went there).
 */
export function idArray(ids: Iterable<number>): string {
  return `{${[...ids].join(',')}}`;
}

/**
 * Runs a statement whose text never changes, only its values (`$1`, `$2`...), as a named prepared statement:
 * PostgreSQL parses and plans it once per connection, and nothing builds or formats SQL for it on each call. For
 * the statements that every request sends (the session check, the row-security settings, records by id, and the
 * read paths' statements kept by db/read-path/statement-cache.ts).
 *
 * Inside the request's transaction it runs on the transaction's connection; outside, on a connection borrowed from
 * the pool for the one statement.
 */
export async function prepared<R extends QueryResultRow>(em: EntityManager, text: string, values: unknown[]): Promise<R[]> {
  const [rows] = await preparedInTurn<R>(em, [{ text, values }]);
  return rows!;
}

/**
 * Runs statements as `prepared` does, written to the connection one right after another in the same turn of the
 * event loop: the connection pipelines them, and no other statement of the request (a sibling field's) can run
 * between two of them. Every statement is answered before this returns; the first refusal is thrown.
 */
export async function preparedInTurn<R extends QueryResultRow>(em: EntityManager, statements: Statement[]): Promise<R[][]> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const knexClient = transaction ? transaction.client : em.getConnection().getKnex().client;
  // Announced like every statement knex runs (its `query` event: query logs, the tests' statement counts).
  for (const { text, values } of statements) knexClient.emit('query', { sql: text, bindings: values });
  try {
    const connection = (await knexClient.acquireConnection()) as Client;
    let prefix = connections.get(connection);
    if (prefix === undefined) connections.set(connection, (prefix = `sro_${processId}_${nextConnection++}`));
    try {
      const sent = statements.map(({ text, values }) => connection.query<R>({ name: nameOf(text, prefix), text, values }));
      // The transaction's BEGIN, when written just before these and not answered yet (pipelined-begin.ts).
      const answers = await Promise.allSettled([beginOf(connection), ...sent]);
      const refused = answers.find((answer) => answer.status === 'rejected');
      if (refused) throw refused.reason;
      return answers.slice(1).map((answer) => (answer as PromiseFulfilledResult<QueryResult<R>>).value.rows);
    } finally {
      if (!transaction) await knexClient.releaseConnection(connection);
    }
  } catch (error) {
    // PostgreSQL's refusals (a SQLSTATE) as the ORM's exceptions; the pool's and the network's errors as they are.
    const code = (error as { code?: unknown }).code;
    throw typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? em.getDriver().convertException(error as Error) : error;
  }
}

/** The connection's name for a statement text, or none past MAX_NAMED texts (it then runs unnamed). */
function nameOf(text: string, prefix: string): string | undefined {
  let statement = statements.get(text);
  if (statement === undefined && statements.size < MAX_NAMED) statements.set(text, (statement = statements.size + 1));
  return statement === undefined ? undefined : `${prefix}_${statement}`;
}

/**
 * `text` with its `?` placeholders numbered `$1`, `$2`... as pg takes them (for `prepared` and `preparedInTurn`),
 * written by knex's own `positionBindings`, the one that numbers every statement the ORM sends (not in knex's
 * typed API; test/unit/library-internals.test.ts pins it).
 */
export function positionalParameters(em: EntityManager, text: string): string {
  return (em.getKnex().client as unknown as { positionBindings(sql: string): string }).positionBindings(text);
}
