import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { fromDatabaseError } from '../common/database-errors';
import { DomainError, ErrorCode, type FieldErrors } from '../common/errors';
import type { Logger } from '../logger';

function fieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = prefix + error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(fields, fieldErrors(error.children, `${path}.`));
  }
  return fields;
}

// Codes that fail the whole HTTP exchange rather than one field: a load balancer or a client library sees them.
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.SERVICE_UNAVAILABLE]: 503 };

/** Adds Apollo's `extensions.http` (taken off before the client sees the error) for the codes that set an HTTP status. */
function withHttpStatus(error: DomainError): DomainError {
  const status = HTTP_STATUS[error.code];
  if (!status || error.extensions.http) return error;
  const { code, ...details } = error.extensions;
  return new DomainError(code as ErrorCode, error.message, { ...details, http: { status } });
}

/**
 * The one place where errors become what the client sees. Domain errors pass as they are; database rule
 * violations become CONFLICT or BAD_USER_INPUT; validation errors list their fields; anything else is
 * logged with the request id and masked.
 */
export function clientError(error: unknown, log: Logger, requestId: string): GraphQLError {
  if (error instanceof ArgumentValidationError) {
    const validationErrors = error.extensions.validationErrors;
    if (!Array.isArray(validationErrors)) {
      // A validator threw instead of answering (validator.js's isEmail on a lone UTF-16 surrogate): the value is unreadable.
      log.warn({ err: validationErrors, requestId }, 'a validator failed on the input');
      return new DomainError(
        ErrorCode.BAD_USER_INPUT,
        'Invalid input: a value contains characters that cannot be read (such as a lone surrogate)',
      );
    }
    const fields = fieldErrors(validationErrors as ValidationError[]);
    const first = Object.values(fields)[0]?.[0];
    return new DomainError(ErrorCode.BAD_USER_INPUT, first ? `Invalid input: ${first}` : 'Invalid input', { fields });
  }
  if (error instanceof DomainError) return withHttpStatus(error);
  const translated = fromDatabaseError(error);
  if (translated?.code === ErrorCode.SERVICE_UNAVAILABLE) log.warn({ err: error, requestId }, 'database unavailable');
  if (translated) return withHttpStatus(translated);
  if (
    error instanceof GraphQLError &&
    typeof error.extensions?.code === 'string' &&
    error.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR
  ) {
    return error;
  }
  log.error({ err: error, requestId }, 'unexpected error');
  return new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error (request ${requestId})`, { requestId });
}

// The request of each error Apollo's pipeline met: its formatError is given the error, not the request.
const requestOfError = new WeakMap<object, string>();

/** Notes the request of every error a GraphQL request meets, so that the masked message of an unexpected one names it. */
export const errorRequestPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) requestOfError.set(error, contextValue.requestId);
      },
    };
  },
};

/**
 * Apollo's last word on every error: nothing unknown reaches the client unmasked, and the masked message names the
 * request (with errorRequestPlugin installed). `onError` sees the code of every error a client receives (the error metrics).
 */
export function formatError(log: Logger, onError: (code: string) => void = () => undefined) {
  const present = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    // Errors from parsing, validation and our resolvers already carry a deliberate code.
    if (original instanceof DomainError || (code && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
      const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = (typeof error === 'object' && error && requestOfError.get(error)) || 'unknown';
    log.error({ err: original, requestId }, 'unexpected error outside a resolver');
    return {
      message: `Internal server error (request ${requestId})`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const presented = present(formatted, error);
    onError(String(presented.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
    return presented;
  };
}
