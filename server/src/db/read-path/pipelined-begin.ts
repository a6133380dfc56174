import type { Writable } from 'node:stream';
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

interface Unanswered {
  answer: Promise<unknown>;
  /** The connection's socket, corked since the BEGIN: BEGIN leaves in one write with the statement after it. */
  socket: Writable;
}

/** BEGINs written to a connection whose answer nobody has waited for yet. */
const unanswered = new WeakMap<Client, Unanswered>();

/**
 * A transaction whose BEGIN goes out without waiting for its answer, in one write with the statement after it (the
 * connection pipelines them): one round trip fewer for every request. That next statement waits for the answer
 * (`beginOf`) before its own result counts: nothing the transaction reads is used unless BEGIN succeeded.
 */
class PipelinedTransaction extends KnexPgTransaction {
  begin(connection: Client): Promise<unknown> {
    if (this.isolationLevel || this.readOnly) return super.begin(connection);
    this.trxClient.emit('query', { sql: 'BEGIN;', bindings: [] });
    const socket = (connection as unknown as { connection: { stream: Writable } }).connection.stream;
    socket.cork();
    let answer: Promise<unknown>;
    try {
      answer = connection.query('BEGIN;');
    } catch (error) {
      socket.uncork();
      throw error;
    }
    // Observed by the next statement; kept from counting as unhandled before then.
    answer.catch(() => undefined);
    unanswered.set(connection, { answer, socket });
    return Promise.resolve();
  }
}

/**
 * The answer to the BEGIN last written on `connection` if no statement has waited for it yet, taken: a statement
 * sent after it waits for it too (and fails with it). Sends what was written since the BEGIN with it.
 */
export function beginOf(connection: Client): Promise<unknown> | undefined {
  const begin = unanswered.get(connection);
  if (!begin) return undefined;
  unanswered.delete(connection);
  begin.socket.uncork();
  return begin.answer;
}

/** MikroORM's PostgreSQL dialect for knex, with transactions that pipeline their BEGIN. */
export class PipelinedBeginDialect extends PostgreSqlKnexDialect {
  transaction(...args: unknown[]) {
    return new PipelinedTransaction(this, ...args) as never;
  }

  // A statement sent through knex first waits for the BEGIN before it (the statements of prepared.ts are
  // written right behind it and wait for its answer with theirs).
  query(connection: Client, queryParam: unknown) {
    const begin = beginOf(connection);
    return begin ? begin.then(() => super.query(connection, queryParam)) : super.query(connection, queryParam);
  }
}
