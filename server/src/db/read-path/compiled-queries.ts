import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { GraphQLError as JitError } from 'graphql-jit/dist/error';

type Compiled = CompiledQuery | ExecutionResult;

/**
 * Executes queries with graphql-jit instead of graphql-js (docs/read-path.md): each query is compiled once
 * into a JavaScript function specialised for its selection (no per-field lookups of the schema, no promise
 * per field whose resolver is synchronous), then run for every request that asks it. Mutations run on
 * graphql-js. The resolvers, their authorization checks and middlewares are the same; only the walk over the
 * selection changes.
 *
 * Compiled operations are kept per parsed document: Apollo Server parses each distinct query text once and
 * keeps the document in its bounded document store, so the compiled forms live exactly as long as their
 * documents do. Apollo Server 5 takes a custom executor only through its gateway interface, hence the shape.
 */
export function compiledQueries<TContext>(
  schema: GraphQLSchema,
  /** What a resolver's error becomes for the client, given the request's context. */
  resolverError: (error: Error, context: TContext) => GraphQLError,
  /** False (READ_PATH=orm): queries run on graphql-js too, as mutations do. */
  useJit = true,
): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string | null, Compiled>>();

  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) byName.set(operationName, (query = compileQuery(schema, document, operationName ?? undefined)));
    return query;
  };

  // Resolvers' errors are translated here, once per error, rather than by a middleware wrapped (as one more
  // promise) around every field of every answer; each keeps its place in the answer (locations, path).
  const translated = (result: ExecutionResult, context: TContext, jit: boolean): ExecutionResult =>
    result.errors
      ? {
          ...result,
          errors: result.errors.map((error) => {
            if (!error.originalError) return error;
            const client = resolverError(error.originalError, context);
            return jit
              ? new (JitError as unknown as new (...args: unknown[]) => GraphQLError)(client.message, error.locations, error.path, client)
              : new GraphQLError(client.message, { nodes: error.nodes, path: error.path, originalError: client });
          }),
        }
      : result;

  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    // Variables are coerced by graphql-js: its rules (defaults of input fields, which graphql-jit 0.8 refuses
    // as "not provided") and its refusals, in the words Apollo Server answers as BAD_USER_INPUT with HTTP 400.
    const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (errors) return { errors };
    // Mutations run on graphql-js: their fields one after the other in the document's order, fragments
    // included, which graphql-jit 0.8.7 does not promise (fixed in 0.8.8, whose shared runtime allocates on
    // every field; docs/read-path.md). A change is never where the time goes. `execute` coerces the
    // variables again itself; they passed above.
    if (operation.operation === 'mutation' || !useJit) {
      const result = await execute({ schema, document, operationName, contextValue: context, variableValues: request.variables });
      return translated(result, context as TContext, false);
    }
    const query = compile(document, operationName);
    if (!isCompiledQuery(query)) return query;
    // graphql-jit checks the coerced values again, which they pass unchanged.
    return translated(await query.query(undefined, context, coerced), context as TContext, true);
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
