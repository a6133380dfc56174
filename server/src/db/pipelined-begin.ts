import { PostgreSqlKnexDialect } from '@mikro-orm/knex';
import type { Client } from 'pg';

interface KnexPgTransaction {
  isolationLevel?: string;
  readOnly?: boolean;
  trxClient: { emit(event: 'query', query: { sql: string; bindings: unknown[] }): void };
  begin(connection: Client): Promise<unknown>;
}

// knex's own transaction class for PostgreSQL: the one whose `begin` sends BEGIN (not in knex's typed API).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const KnexPgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction') as new (...args: unknown[]) => KnexPgTransaction;

/** BEGINs written to a connection whose answer nobody has waited for yet. */
const unanswered = new WeakMap<Client, Promise<unknown>>();

/**
 * A transaction whose BEGIN goes out without waiting for its answer: the connection pipelines it with the
 * statement after it, one round trip fewer for every request. The answer is waited for by that next statement
 * (`beginOf`), before its own result counts: nothing the transaction reads is used unless BEGIN succeeded.
 */
class PipelinedTransaction extends KnexPgTransaction {
  begin(connection: Client): Promise<unknown> {
    if (this.isolationLevel || this.readOnly) return super.begin(connection);
    this.trxClient.emit('query', { sql: 'BEGIN;', bindings: [] });
    const answer = connection.query('BEGIN;');
    // Observed by the next statement; kept from counting as unhandled before then.
    answer.catch(() => undefined);
    unanswered.set(connection, answer);
    return Promise.resolve();
  }
}

/**
 * The answer to the BEGIN last written on `connection` if no statement has waited for it yet, taken: a statement
 * sent after it waits for it too (and fails with it).
 */
export function beginOf(connection: Client): Promise<unknown> | undefined {
  const answer = unanswered.get(connection);
  if (answer) unanswered.delete(connection);
  return answer;
}

/** MikroORM's PostgreSQL dialect for knex, with transactions that pipeline their BEGIN. */
export class PipelinedBeginDialect extends PostgreSqlKnexDialect {
  transaction(...args: unknown[]) {
    return new PipelinedTransaction(this, ...args) as never;
  }

  // A statement sent through knex first waits for the BEGIN before it (the statements of common/prepared.ts are
  // written right behind it and wait for its answer with theirs).
  async query(connection: Client, queryParam: unknown) {
    const begin = beginOf(connection);
    if (begin) await begin;
    return super.query(connection, queryParam);
  }
}
