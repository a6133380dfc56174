import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';
import type { Actor } from './actor';
import { clientError } from './client-error';
import type { RequestContext } from './context';
import { ErrorCode, statusOfCode, unauthenticated } from './errors';
import { startRequestTransaction } from './row-security';

/**
 * The first statement of a request's transaction: checks the session or API token, if any, and sets the statement
 * time limit and, for a valid one, the actor's row security (modules/auth, `startRequest`). Null: nobody signed in.
 */
export type StartRequest = (em: EntityManager, token: string | undefined) => Promise<Actor | null>;

export interface PipelineOptions {
  start: StartRequest;
  /** REQUEST_TIMEOUT_MS: the time limit of every statement of a request. */
  statementTimeoutMs: number;
  log: Logger;
}

/** An error as the client receives it, with its HTTP status from the one table (`ERROR_STATUS`) and its headers. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  error: GraphQLError;
}

/** The headers an error's answer carries: how to authenticate (401), when to try again (429, the throttle's delay). */
export function errorHeaders(status: number, extensions: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  if (status === 429 && typeof extensions?.retryAfterSeconds === 'number') headers['Retry-After'] = String(extensions.retryAfterSeconds);
  return headers;
}

/**
 * Every request, /graphql or /export, passes the same steps: authenticate (in the first statement of its first
 * transaction) -> validate -> run in a transaction under the actor's row security -> present, where any error
 * becomes a code (`clientError`) and an HTTP status (`ERROR_STATUS`). /graphql takes the steps from its Apollo
 * plugin (graphql/transaction.plugin.ts), each /export route through `transaction` and `fail`.
 */
export class RequestPipeline {
  // The requests whose caller is known (or known to be nobody): their next transaction enters its row security without asking again.
  private readonly callerKnown = new WeakSet<RequestContext>();

  constructor(private readonly options: PipelineOptions) {}

  /**
   * Opens a transaction of the request. The request's first one learns who is asking in its first statement; a later
   * one (an export's next part) enters the same actor's row security.
   */
  async begin(context: RequestContext): Promise<void> {
    await context.em.begin();
    try {
      if (this.callerKnown.has(context)) {
        await startRequestTransaction(context.em, context.actor, this.options.statementTimeoutMs);
        return;
      }
      context.actor = await this.options.start(context.em, context.session.token);
      context.summary.userId = context.actor?.userId;
      this.callerKnown.add(context);
    } catch (error) {
      await this.rollback(context);
      throw error;
    }
  }

  /** Commits the open transaction; a failed commit rolls back and throws (what ran did not happen). */
  async commit(context: RequestContext): Promise<void> {
    if (!context.em.isInTransaction()) return;
    try {
      await context.em.commit();
    } catch (error) {
      await this.rollback(context);
      throw error;
    }
  }

  async rollback(context: RequestContext): Promise<void> {
    if (context.em.isInTransaction()) await context.em.rollback().catch(() => undefined);
  }

  /** Runs `work` in a transaction of its own for a signed-in caller (UNAUTHENTICATED otherwise), committed before it returns. */
  async transaction<T>(context: RequestContext, work: () => Promise<T> | T): Promise<T> {
    // No credential at all: the answer is known without asking the database.
    if (!this.callerKnown.has(context) && !context.session.token) throw unauthenticated();
    await this.begin(context);
    try {
      if (!context.actor) throw unauthenticated();
      const result = await work();
      await this.commit(context);
      return result;
    } catch (error) {
      await this.rollback(context);
      throw error;
    }
  }

  /** The one mapping of any error to what the client sees, logging and masking the unexpected. */
  clientError(error: unknown, requestId: string): GraphQLError {
    return clientError(error, this.options.log, requestId);
  }

  /** An error as the client's answer: its code and message, and the HTTP status of its code. */
  answer(error: unknown, requestId: string): ErrorAnswer {
    const client = this.clientError(error, requestId);
    const status = statusOfCode(client.extensions.code) ?? 500;
    return { status, headers: errorHeaders(status, client.extensions), error: client };
  }

  /**
   * The error answer of a route outside GraphQL (an export), in GraphQL's shape (`{ errors: [{ message, extensions:
   * { code } }] }`). Once the first byte has gone, too late for a status: the download is cut short, so that the
   * client sees it is incomplete.
   */
  fail(response: Response, error: unknown): void {
    const requestId = response.locals.requestId as string;
    if (response.headersSent) {
      this.options.log.warn({ err: error, requestId }, 'export interrupted');
      response.destroy();
      return;
    }
    const { status, headers, error: client } = this.answer(error, requestId);
    const { http: _http, ...extensions } = client.extensions;
    response
      .status(status)
      .set(headers)
      .json({ errors: [{ message: client.message, extensions }] });
  }
}

/** How much an Accept header wants `type`: the quality of its most specific range that matches (0 when none does). */
function quality(accept: string, type: string): number {
  let best = { specificity: -1, quality: 0 };
  for (const part of accept.split(',')) {
    const [range, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${type.split('/')[0]}/*` ? 1 : range === '*/*' ? 0 : -1;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    if (specificity > best.specificity) best = { specificity, quality: q ? Number(q.slice(2)) || 0 : 1 };
  }
  return best.quality;
}

/**
 * Whether a GraphQL client asked for `application/graphql-response+json` over `application/json` (a tie is JSON,
 * as Apollo Server chooses): the media type in which a failed operation answers a 4xx (GraphQL over HTTP).
 */
export const wantsGraphqlResponse = (accept: string | undefined): boolean =>
  accept !== undefined && quality(accept, 'application/graphql-response+json') > quality(accept, 'application/json');

/**
 * The HTTP status of a GraphQL answer with errors, from the same table as an export's. A request error (no `data`
 * at all: refused before it ran, or its transaction could not open or commit) and an outage anywhere always have
 * their code's status. An operation that ran and produced nothing (data null, or only null root fields) has it
 * when the client asked for `application/graphql-response+json`; in `application/json` it stays 200, as GraphQL
 * over HTTP asks and the console expects (a refused save is not a failed request in the browser's console). An
 * answer with data is 200: a partial result. A code the table does not know (GraphQL's own) keeps Apollo's status.
 */
export function graphqlAnswerStatus(
  result: { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] },
  graphqlResponse: boolean,
): Omit<ErrorAnswer, 'error'> | undefined {
  const { data, errors } = result;
  if (!errors?.length) return undefined;
  const outage = errors.find((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
  const nothing = data === undefined || (graphqlResponse && (data === null || Object.values(data).every((value) => value === null)));
  const decisive = outage ?? (nothing ? errors[0] : undefined);
  const status = decisive && statusOfCode(decisive.extensions?.code);
  return status === undefined ? undefined : { status, headers: errorHeaders(status, decisive?.extensions) };
}
