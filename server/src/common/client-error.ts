import type { ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from '../logger';
import { fromDatabaseError } from './database-errors';
import { DomainError, ErrorCode, type FieldErrors } from './errors';

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
 * The one place where errors become what the client sees, on /graphql and on every /export route. Domain errors
 * pass as they are; database rule violations become CONFLICT or BAD_USER_INPUT, an outage SERVICE_UNAVAILABLE;
 * validation errors list their fields; anything else is logged with the request id and masked.
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
  if (error instanceof DomainError) return error;
  const translated = fromDatabaseError(error);
  if (translated?.code === ErrorCode.SERVICE_UNAVAILABLE) log.warn({ err: error, requestId }, 'database unavailable');
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
