import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/context';

/** Names the GraphQL operation in the request's summary, for the request log and the metrics (never its variables). */
export const operationPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName, operation }) {
        // Only operations that parsed and validated get here, so the name is a GraphQL name; keep it short.
        contextValue.summary.operationName = operationName?.slice(0, 100) ?? undefined;
        contextValue.summary.operationType = operation?.operation;
      },
    };
  },
};
