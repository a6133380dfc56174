import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../common/context';
import type { Logger } from '../logger';
import { clientError } from './errors';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** An answer made of one error, presented by the same `formatError` as every other error. */
function errorAnswer(error: GraphQLError, formatError: FormatError): Pick<GraphQLResponse, 'body'> & { status: number } {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  const formatted = formatError({ message: error.message, extensions }, error);
  return { status: http?.status ?? 500, body: { kind: 'single', singleResult: { errors: [formatted] } } };
}

/**
 * Every operation runs in one database transaction: reads see one consistent snapshot, each mutation nests its
 * own savepoint inside it (em.transactional), so a failed mutation leaves nothing behind, and a signed-in
 * actor's transaction runs under row-level security.
 *
 * The transaction is opened in `responseForOperation`, the last hook that may answer instead of executing, and
 * committed before the answer leaves: a database that is unreachable at either end gets SERVICE_UNAVAILABLE
 * (HTTP 503) rather than a masked 500, and a change is acknowledged only once it is committed. `start` runs the
 * transaction's first statement, which also says who is asking (the session or token check, then row security).
 */
export function transactionPlugin(
  log: Logger,
  formatError: FormatError,
  start: (context: RequestContext) => Promise<void>,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue }) {
          try {
            await contextValue.em.begin();
            await start(contextValue);
            return null;
          } catch (error) {
            if (contextValue.em.isInTransaction()) await contextValue.em.rollback().catch(() => undefined);
            const { status, body } = errorAnswer(clientError(error, log, contextValue.requestId), formatError);
            return { http: { status, headers: new HeaderMap() }, body };
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.em.isInTransaction()) return;
          try {
            await contextValue.em.commit();
          } catch (error) {
            await contextValue.em.rollback().catch(() => undefined);
            // Whatever the resolvers answered did not happen: the client must not take it as done.
            const answer = errorAnswer(clientError(error, log, contextValue.requestId), formatError);
            response.body = answer.body;
            response.http.status = answer.status;
          }
        },
      };
    },
  };
}
