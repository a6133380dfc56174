import { GraphQLError } from 'graphql';

/** The codes a client can see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
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
