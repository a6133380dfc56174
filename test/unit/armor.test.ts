import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { buildSchema, parse, validate, type GraphQLError, type ValidationRule } from 'graphql';
import { checkQuerySize, queryShapeRules, type QueryLimits } from '../../server/src/graphql/armor';
import { QueryLimitError } from '../../server/src/graphql/limits';

/**
 * What SRO Hub relies on in graphql-armor (server/src/graphql/armor.ts), pinned: an upgrade that changes how it
 * counts or words its refusals fails here, by name, rather than as a changed limit in production.
 */
describe('graphql-armor, as the query limits use it', () => {
  const schema = buildSchema(`
    type Query { me: User, node(id: ID): User }
    type User { id: ID, name: String, friends: [User] }
  `);
  const limits: QueryLimits = { maxDepth: 3, maxAliases: 2, maxDirectives: 2, maxTokens: 40, maxQueryLength: 200, maxCost: 100 };
  const refusals = (query: string) =>
    validate(schema, parse(query), queryShapeRules(limits)).map((error) => ({
      limitError: error instanceof QueryLimitError,
      code: error.extensions.code,
      actual: error.extensions.actual,
      message: error.message,
    }));

  it('words its rejections "... limit of N exceeded, found M." (our messages and `actual` are read from them)', () => {
    const raw = (rule: ValidationRule, query: string) => validate(schema, parse(query), [rule]).map((error: GraphQLError) => error.message);
    const refusedBy = (rule: typeof maxDepthRule | typeof maxAliasesRule | typeof maxDirectivesRule, query: string) =>
      raw(rule({ n: 1, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] }), query);
    expect(refusedBy(maxDepthRule, '{ me { id } }')).toEqual(['Syntax Error: Query depth limit of 1 exceeded, found 2.']);
    expect(refusedBy(maxAliasesRule, '{ a: me { id } b: me { id } }')).toEqual(['Syntax Error: Aliases limit of 1 exceeded, found 2.']);
    expect(refusedBy(maxDirectivesRule, '{ me @skip(if: false) { id @skip(if: false) } }')).toEqual([
      'Syntax Error: Directives limit of 1 exceeded, found 2.',
    ]);
  });

  it('reports through the validation context, with our code, wording, limit and actual (never a thrown error)', () => {
    expect(refusals('{ me { friends { friends { id } } } }')).toEqual([
      { limitError: true, code: 'QUERY_TOO_DEEP', actual: 4, message: 'The query nests fields 4 levels deep; the limit is 3.' },
    ]);
    expect(refusals('{ a: me { id } b: me { id } c: me { id } }')).toEqual([
      { limitError: true, code: 'TOO_MANY_ALIASES', actual: 3, message: 'The query uses 3 aliases; the limit is 2.' },
    ]);
    expect(refusals('{ me @skip(if: false) { id @skip(if: false) name @include(if: true) } }')).toEqual([
      { limitError: true, code: 'TOO_MANY_DIRECTIVES', actual: 3, message: 'The query uses 3 directives; the limit is 2.' },
    ]);
  });

  it('counts depth in fields: fragments are not levels, `__schema` is free, `__type` is not', () => {
    expect(refusals('{ me { friends { id } } }')).toEqual([]);
    expect(refusals('{ ...Q } fragment Q on Query { me { ... on User { friends { ...F } } } } fragment F on User { id }')).toEqual([]);
    expect(refusals('{ ...Q } fragment Q on Query { me { friends { friends { id } } } }')[0]).toMatchObject({ actual: 4 });
    expect(refusals('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual([]);
    expect(refusals('{ __type(name: "User") { fields { type { name } } } }')[0]).toMatchObject({ code: 'QUERY_TOO_DEEP', actual: 4 });
  });

  it('counts aliases and directives through fragments, once per spread, `__typename` aliases included', () => {
    expect(refusals('{ ...F ...F } fragment F on Query { a: me { id } }')).toEqual([]);
    expect(refusals('{ ...F ...F ...F } fragment F on Query { a: me { id } }')[0]).toMatchObject({ code: 'TOO_MANY_ALIASES', actual: 3 });
    expect(refusals('{ a: __typename b: __typename c: __typename }')[0]).toMatchObject({ code: 'TOO_MANY_ALIASES', actual: 3 });
    expect(
      refusals('query @skip(if: false) { ...F @skip(if: false) } fragment F on Query @skip(if: false) { me { id } }')[0],
    ).toMatchObject({
      code: 'TOO_MANY_DIRECTIVES',
      actual: 3,
    });
  });

  it("counts tokens with armor's parser, which stops at the limit; comments are free, syntax errors are left to Apollo", () => {
    const rejected: string[] = [];
    const parser = new MaxTokensParserWLexer(`{ me { ${'id '.repeat(100)} } }`, {
      n: 10,
      propagateOnRejection: true,
      onReject: [(_context, error) => rejected.push(error.message)],
    });
    expect(() => parser.parseDocument()).toThrow('Token limit of 10 exceeded.');
    expect(rejected).toEqual(['Syntax Error: Token limit of 10 exceeded.']);

    const small = { ...limits, maxTokens: 10, maxQueryLength: 10_000 };
    expect(checkQuerySize(`{ me { ${'id '.repeat(8)} } }`, small)).toMatchObject({ extensions: { code: 'QUERY_TOO_LARGE', limit: 10 } });
    expect(checkQuerySize(`${'# a comment\n'.repeat(50)}{ me { id } }`, small)).toBeUndefined();
    expect(checkQuerySize(`{ me { id ${'#'.repeat(20)}`, small)).toBeUndefined();
    expect(checkQuerySize('x'.repeat(10_001), small)).toMatchObject({
      message: 'The query is too large: 10001 characters, the limit is 10000. Send a smaller query.',
      extensions: { code: 'QUERY_TOO_LARGE', limit: 10_000, actual: 10_001 },
    });
  });
});
