import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorCode } from '../common/errors';
import type { Logger } from '../logger';

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
