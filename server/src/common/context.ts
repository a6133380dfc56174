import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor';
import { Loaders } from './loaders';

/** What the HTTP layer lets resolvers do to the response: the console's session cookie. */
export interface SessionCookie {
  /** The token the request came with (cookie or bearer), if any. */
  token: string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/**
 * What the request log and the metrics say about a request, filled in as it runs: the signed-in user when the
 * context is built, the GraphQL operation once Apollo has resolved it. One object per request, shared by
 * reference (Apollo runs the operation on a shallow copy of the context).
 */
export interface RequestSummary {
  userId?: number;
  operationName?: string;
  operationType?: string;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Everything a request carries through the resolvers and services. One per request, never shared. */
export class RequestContext {
  readonly loaders: Loaders;

  // Shared with the shallow copy of this context that Apollo Server runs each operation on, and with the loaders.
  private readonly operation: { selection?: ReadonlyMap<string, ReadonlySet<string>> } = {};

  /**
   * The fields the request's GraphQL operation asks of each type, once known (db/read-path/selected-fields.ts): the
   * read paths select only the columns behind them. Unknown (an export, say): every column.
   */
  get selection(): ReadonlyMap<string, ReadonlySet<string>> | undefined {
    return this.operation.selection;
  }

  set selection(selection: ReadonlyMap<string, ReadonlySet<string>>) {
    this.operation.selection = selection;
  }

  constructor(
    /** A fork of the ORM's EntityManager for this request only. */
    readonly em: EntityManager,
    /**
     * Who is asking, or null when nobody signed in. Every request, /graphql or /export, learns it in the first
     * statement of its first transaction (common/request-pipeline.ts), before any resolver runs.
     */
    public actor: Actor | null,
    readonly requestId: string,
    /** Today's calendar date in the program's time zone, fixed for the whole request. */
    readonly today: string,
    /** The client's address, for the audit trail and throttling. */
    readonly clientAddress: string,
    readonly session: SessionCookie,
    readonly summary: RequestSummary = {},
  ) {
    this.loaders = new Loaders(em, (entity) => this.fieldsOf(entity));
  }

  /** The fields the operation asks of an entity's type (named as its class), or undefined for all of them. */
  fieldsOf(entity: { name: string }): ReadonlySet<string> | undefined {
    return this.selection === undefined ? undefined : (this.selection.get(entity.name) ?? EMPTY);
  }
}
