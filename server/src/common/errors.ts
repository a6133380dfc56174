import { GraphQLError } from 'graphql';

/** The codes a client can see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database cannot be reached right now; the request may succeed in a moment (reload before repeating a change). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The database cancelled the request's statement: it ran longer than REQUEST_TIMEOUT_MS. */
  TIMEOUT = 'TIMEOUT',
  /** A request the HTTP layer cannot take: not JSON, a wrong content type or charset, a batch, a CSRF suspect. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body is larger than REQUEST_BODY_LIMIT_KB (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  // Query limits (graphql/limits.ts), each refused with HTTP 400 before anything runs.
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/** A failure the client caused and may act on; mapped to a GraphQL error in one place (graphql/errors.ts). */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

/** Per-field messages, keyed by the input field name such as `fte` (nested fields joined with dots). */
export type FieldErrors = Record<string, string[]>;

export const badInput = (message: string, fields: FieldErrors = {}) => new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields });

export const notFound = (entity: string, id: number | string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} does not exist`, { entity, id: String(id) });

export const conflict = (message: string, details: Record<string, unknown> = {}) => new DomainError(ErrorCode.CONFLICT, message, details);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);

export const unauthenticated = (message = 'Sign in first') => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const unavailable = (message = 'The service cannot reach its database right now: try again in a moment') =>
  new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message);

export const timedOut = () =>
  new DomainError(ErrorCode.TIMEOUT, 'The request took longer than the time limit and was cancelled: ask for less, or try again later');
