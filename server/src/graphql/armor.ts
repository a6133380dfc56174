import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../common/errors';
import { QueryLimitError } from './limits';

/** What one GraphQL document may ask for (config.ts reads them from GRAPHQL_MAX_*). */
export interface QueryLimits {
  /** Nesting of fields: `{ schools { items { name } } }` is 3 deep. Fields under `__schema` are not counted. */
  maxDepth: number;
  /** Aliased fields in an operation, counted through fragments. */
  maxAliases: number;
  /** Directives (`@include`, `@skip`...) in an operation, counted through fragments. */
  maxDirectives: number;
  /** Lexical tokens of the query text (names, punctuation, values; comments are free). */
  maxTokens: number;
  /** Characters of the query text. */
  maxQueryLength: number;
  /** Estimated fields returned (limits.ts, `operationCost`). */
  maxCost: number;
}

/** The end of armor's rejection message with its limits exposed: "... limit of 12 exceeded, found 13." (test/unit/armor.test.ts). */
const FOUND = /found (\d+)\.$/;

type Describe = (actual: number, limit: number) => string;

/**
 * Armor's rules report through this instead of throwing (which graphql-js would pass on, and Apollo answer with
 * 500): a QueryLimitError with our code, our wording and `actual`, read from armor's message.
 */
function reportAs(code: ErrorCode, limit: number, describe: Describe) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = FOUND.exec(error.message);
    const actual = found ? Number(found[1]) : undefined;
    const message = actual === undefined ? error.message.replace(/^Syntax Error: /, '') : describe(actual, limit);
    context?.reportError(new QueryLimitError(code, message, { limit, ...(actual === undefined ? {} : { actual }) }));
  };
}

/**
 * Depth, aliases and directives, checked by graphql-armor's validation rules while Apollo validates a new document.
 * A document is cached only once valid, so every operation that runs (graphql-jit or graphql-js) passed them.
 */
export function queryShapeRules(limits: QueryLimits): ValidationRule[] {
  const rejection = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      ...rejection,
      n: limits.maxDepth,
      // A fragment is not a level of the answer: `{ ...F } fragment F on Query { me { id } }` is 2 deep.
      flattenFragments: true,
      ignoreIntrospection: true,
      onReject: [
        reportAs(
          ErrorCode.QUERY_TOO_DEEP,
          limits.maxDepth,
          (actual, limit) => `The query nests fields ${actual} levels deep; the limit is ${limit}.`,
        ),
      ],
    }),
    maxAliasesRule({
      ...rejection,
      n: limits.maxAliases,
      // Armor lets `__typename` aliases through by default; every alias is one more resolver call, so all count.
      allowList: [],
      onReject: [
        reportAs(
          ErrorCode.TOO_MANY_ALIASES,
          limits.maxAliases,
          (actual, limit) => `The query uses ${actual} aliases; the limit is ${limit}.`,
        ),
      ],
    }),
    maxDirectivesRule({
      ...rejection,
      n: limits.maxDirectives,
      onReject: [
        reportAs(
          ErrorCode.TOO_MANY_DIRECTIVES,
          limits.maxDirectives,
          (actual, limit) => `The query uses ${actual} directives; the limit is ${limit}.`,
        ),
      ],
    }),
  ];
}

const tooLarge = (what: string, actual: number | undefined, limit: number) =>
  new QueryLimitError(
    ErrorCode.QUERY_TOO_LARGE,
    `The query is too large: ${actual === undefined ? `more than ${limit}` : actual} ${what}, the limit is ${limit}. Send a smaller query.`,
    { limit, ...(actual === undefined ? {} : { actual }) },
  );

/**
 * The checks on the query text, in the HTTP layer before Apollo parses it: characters, then tokens (armor's
 * counting parser, which stops at the limit). Comments are not tokens, which is why the character limit exists too.
 * A syntax error is left to Apollo's parser, which reports it with its code. The characters are one comparison:
 * armor's Apollo plugin for them throws from `requestDidStart`, which Apollo Server 5 answers with a 500.
 */
export function checkQuerySize(query: string, limits: QueryLimits): QueryLimitError | undefined {
  if (query.length > limits.maxQueryLength) return tooLarge('characters', query.length, limits.maxQueryLength);
  // Every token takes at least one character: a short text needs no count (nor a parse on every request).
  if (query.length <= limits.maxTokens) return undefined;
  let overLimit = false;
  try {
    const parser = new MaxTokensParserWLexer(query, {
      n: limits.maxTokens,
      onReject: [() => (overLimit = true)],
      propagateOnRejection: true,
    });
    parser.parseDocument();
  } catch {
    // Over the limit (armor stops the parse) or a syntax error (left to Apollo).
  }
  return overLimit ? tooLarge('tokens', undefined, limits.maxTokens) : undefined;
}

/**
 * Apollo answers a failed validation with GRAPHQL_VALIDATION_FAILED whatever the rule reported; it keeps the rule's
 * error as `originalError`, whose code, message and `limit`/`actual` the client gets instead. Composed before
 * graphql/errors.ts's formatError.
 */
export function presentQueryLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (!(original instanceof QueryLimitError)) return formatted;
  return { message: original.message, extensions: original.extensions };
}
