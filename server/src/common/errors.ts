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

/**
 * The HTTP status of each code, for /graphql and every /export route alike (common/request-pipeline.ts): the one
 * table. TIMEOUT is a 4xx: the request asked more than the time limit allows (ask for less), and the console takes
 * a 5xx for the server being unreachable.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.QUERY_TOO_LARGE]: 400,
  [ErrorCode.QUERY_TOO_DEEP]: 400,
  [ErrorCode.TOO_MANY_ALIASES]: 400,
  [ErrorCode.TOO_MANY_DIRECTIVES]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.TIMEOUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** The status of a code of the table, or undefined for a code it does not know (GraphQL's own, such as GRAPHQL_PARSE_FAILED). */
export const statusOfCode = (code: unknown): number | undefined =>
  typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code) ? ERROR_STATUS[code as ErrorCode] : undefined;

/** A failure the client caused and may act on; mapped to what the client sees in one place (common/client-error.ts). */
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
