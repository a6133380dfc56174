import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../common/context';
import { graphqlAnswerStatus, wantsGraphqlResponse, type RequestPipeline } from '../common/request-pipeline';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** An answer made of one error, presented by the same `formatError` as every other error, with its status from the one table. */
function errorAnswer(
  pipeline: RequestPipeline,
  error: unknown,
  requestId: string,
  formatError: FormatError,
): Pick<GraphQLResponse, 'body'> & { status: number; headers: Record<string, string> } {
  const answer = pipeline.answer(error, requestId);
  const { http: _http, ...extensions } = answer.error.extensions;
  const formatted = formatError({ message: answer.error.message, extensions }, answer.error);
  return { status: answer.status, headers: answer.headers, body: { kind: 'single', singleResult: { errors: [formatted] } } };
}

/**
 * /graphql's steps of the request pipeline (common/request-pipeline.ts): every operation runs in one database
 * transaction whose first statement says who is asking (the session or token check, then row security); reads
 * see one consistent snapshot, each mutation nests its own savepoint inside it (em.transactional), so a failed
 * mutation leaves nothing behind.
 *
 * The transaction is opened in `responseForOperation`, the last hook that may answer instead of executing, and
 * committed before the answer leaves: a database that is unreachable at either end gets SERVICE_UNAVAILABLE
 * (HTTP 503) rather than a masked 500, and a change is acknowledged only once it is committed. The answer's HTTP
 * status comes from the pipeline's one table, as an export's does (`graphqlAnswerStatus`).
 */
export function transactionPlugin(pipeline: RequestPipeline, formatError: FormatError): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ contextValue }) {
          try {
            await pipeline.begin(contextValue);
            return null;
          } catch (error) {
            const { status, headers, body } = errorAnswer(pipeline, error, contextValue.requestId, formatError);
            return { http: { status, headers: new HeaderMap(Object.entries(headers)) }, body };
          }
        },
        async willSendResponse({ contextValue, request, response }) {
          try {
            await pipeline.commit(contextValue);
          } catch (error) {
            // Whatever the resolvers answered did not happen: the client must not take it as done.
            response.body = errorAnswer(pipeline, error, contextValue.requestId, formatError).body;
          }
          if (response.body.kind !== 'single') return;
          const answer = graphqlAnswerStatus(response.body.singleResult, wantsGraphqlResponse(request.http?.headers.get('accept')));
          if (!answer) return;
          response.http.status = answer.status;
          for (const [name, value] of Object.entries(answer.headers)) response.http.headers.set(name.toLowerCase(), value);
        },
      };
    },
  };
}
