import { getIntrospectionQuery, Kind, parse, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { buildApiSchema } from '../../server/src/graphql/schema';
import { operationCost } from '../../server/src/graphql/limits';
import { loadConfig } from '../../server/src/config';

/** The cost model of graphql/limits.ts (the one limit that is project code), on the real schema: the figures docs/security.md's "Query limits" quotes. */
describe('query cost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema({
      session: { idleMinutes: 60, absoluteHours: 12 },
      reports: { programYearStartMonth: 7, smallCells: { minOfficers: 3, minActivities: 10 } },
      apiTokens: { defaultDays: 365, maxDays: 365 },
    });
  });

  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
    const fragments = new Map(
      document.definitions
        .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return operationCost(schema, operation, fragments, variables);
  };

  it('counts each field once per object, lists multiplied by perPage', () => {
    expect(cost('{ schools(perPage: 20) { items { assignments(perPage: 20) { items { id } } } } }')).toBe(442);
    expect(cost('{ schools { totalCount items { id name } } }')).toBe(1 + 1 + 1 + 25 * 2);
    expect(cost('query($n: Int!) { schools(perPage: $n) { items { id } } }', { n: 7 })).toBe(1 + 1 + 7);
    expect(cost('query($n: Int = 9) { schools(perPage: $n) { items { id } } }')).toBe(1 + 1 + 9);
    // Unreadable or over the cap: counted as the cap (the value itself is refused later as BAD_USER_INPUT).
    expect(cost('query($n: Int!) { schools(perPage: $n) { items { id } } }', { n: 'many' })).toBe(1 + 1 + 500);
    expect(cost('{ schools(perPage: 100000) { items { id } } }')).toBe(1 + 1 + 500);
  });

  it('sizes bulk mutations by their ids', () => {
    expect(cost('mutation { deleteSchools(ids: ["1", "2", "3"]) { id name } }')).toBe(1 + 3 * 2);
    expect(cost('mutation($ids: [ID!]!) { deleteSchools(ids: $ids) { id } }', { ids: ['1', '2'] })).toBe(1 + 2);
  });

  it('puts 500 x 500 x 500 far over the limit and the standard introspection query under half the default limit', () => {
    expect(
      cost(
        '{ schools(perPage: 500) { items { assignments(perPage: 500) { items { officer { activities(perPage: 500) { items { id } } } } } } } }',
      ),
    ).toBeGreaterThan(125_000_000);
    const introspection = cost(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      }),
    );
    expect(introspection).toBeGreaterThan(5_000);
    // The introspection answer grows with the schema: each new module's types must leave GraphiQL room under the default limit.
    expect(introspection).toBeLessThan(loadConfig({}).graphqlLimits.maxCost / 2);
  });

  it('reuses a fragment once walked, through inline fragments too', () => {
    const fragments = Array.from(
      { length: 60 },
      (_, index) => `fragment F${index} on Query { ${index === 59 ? 'me { id }' : `...F${index + 1} ... on Query { ...F${index + 1} }`} }`,
    );
    expect(cost(`{ ...F0 } ${fragments.join(' ')}`)).toBe(2 ** 59 * 2);
  });
});
