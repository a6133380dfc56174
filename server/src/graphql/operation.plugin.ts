import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import type { RequestContext } from '../common/context';
import { DomainError, ErrorCode } from '../common/errors';

/** Why no operation of the document was chosen: several and no operationName, or an operationName naming none. */
function unresolvedOperation(document: DocumentNode, operationName: string | null | undefined): DomainError {
  const names = document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(anonymous)'] : [],
  );
  const message = operationName
    ? `The document has no operation named ${JSON.stringify(operationName.slice(0, 100))}: its operations are ${names.join(', ')}`
    : `The document has ${names.length} operations (${names.join(', ')}): name the one to run in operationName`;
  // HTTP 400 from the pipeline's one table (common/errors.ts, ERROR_STATUS).
  return new DomainError(ErrorCode.BAD_REQUEST, message);
}

/**
 * Names the GraphQL operation in the request's summary, for the request log and the metrics (never its variables),
 * and refuses a request whose document names no single operation to run, before anything else looks at it.
 */
export const operationPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName, operation, document, request }) {
        if (!operation) throw unresolvedOperation(document, request.operationName);
        // Only operations that parsed and validated get here, so the name is a GraphQL name; keep it short.
        contextValue.summary.operationName = operationName?.slice(0, 100) ?? undefined;
        contextValue.summary.operationType = operation.operation;
      },
    };
  },
};
