import { unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
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

/**
 * The one place where errors become what the client sees. Domain errors pass as they are; database rule
 * violations become CONFLICT or BAD_USER_INPUT; validation errors list their fields; anything else is
 * logged with the request id and masked.
 */
export function clientError(error: unknown, log: Logger, requestId: string): GraphQLError {
  if (error instanceof ArgumentValidationError) {
    const fields = fieldErrors(error.extensions.validationErrors as ValidationError[]);
    const first = Object.values(fields)[0]?.[0];
    return new DomainError(ErrorCode.BAD_USER_INPUT, first ? `Invalid input: ${first}` : 'Invalid input', { fields });
  }
  if (error instanceof DomainError) return error;
  const translated = fromDatabaseError(error);
  if (translated) return translated;
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

/** Turns every error a resolver throws into a client error while the request context is at hand. */
export function errorMiddleware(log: Logger): MiddlewareFn<RequestContext> {
  return async ({ context }, next) => {
    try {
      return await next();
    } catch (error) {
      throw clientError(error, log, context.requestId);
    }
  };
}

/** Apollo's last word on every error: nothing unknown reaches the client unmasked. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    // Errors from parsing, validation and our resolvers already carry a deliberate code.
    if (original instanceof DomainError || (code && code !== ErrorCode.INTERNAL_SERVER_ERROR)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = (original as { requestId?: string })?.requestId ?? 'unknown';
    log.error({ err: original }, 'unexpected error outside a resolver');
    return {
      message: `Internal server error (request ${requestId})`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
