import { getIntrospectionQuery } from 'graphql';
import { Role } from '../../server/src/common/actor';
import { TestApp, type GraphQLResponse } from '../support/app';
import { Factory, unique } from '../support/factories';

/** Query limits (graphql-armor in server/src/graphql/armor.ts, the cost in graphql/limits.ts): each one refuses with HTTP 400 and its own code, never a 500. */
describe('query limits', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const refusedWith = (response: GraphQLResponse, code: string) => {
    expect({ status: response.status, code: response.errors?.[0]?.extensions.code }).toEqual({ status: 400, code });
    expect(response.data).toBeUndefined();
  };

  /** `{ officers { items { agency { officers { items { agency ... } } } } } }`, `depth` levels of fields, one row per page. */
  const nested = (depth: number) => {
    const levels: string[] = [];
    for (let level = 0; levels.length < depth - 1; level++)
      levels.push(...(level % 2 === 0 ? ['officers(perPage: 1)', 'items'] : ['agency']));
    const path = levels.slice(0, depth - 1);
    return `{ ${path.map((field) => `${field} {`).join(' ')} id ${'}'.repeat(path.length)} }`;
  };

  describe('what the console and GraphiQL send still passes', () => {
    it('the standard introspection query, as GraphiQL sends it (introspection fields do not count for depth)', async () => {
      const query = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      });
      const response = await app.graphql(query, {}, admin);
      expect(response.status).toBe(200);
      expect(response.errors).toBeUndefined();
      expect(response.data!.__schema.types.length).toBeGreaterThan(50);
    });

    it("the console's largest list: 500 activities with their officer, agency and school", async () => {
      const response = await app.graphql(
        `query($perPage: Int!) { activities(perPage: $perPage) { totalCount items { id date category topic durationMinutes studentsReached staffReached notes createdAt updatedAt version
           officer { id firstName lastName rank agency { id name } } school { id name } } } }`,
        { perPage: 500 },
        admin,
      );
      expect(response.errors).toBeUndefined();
    });

    it('a query exactly at the depth limit (12)', async () => {
      expect((await app.graphql(nested(12), {}, admin)).errors).toBeUndefined();
    });
  });

  it('refuses a query nested deeper than 12 levels: QUERY_TOO_DEEP', async () => {
    const response = await app.graphql(nested(13), {}, admin);
    refusedWith(response, 'QUERY_TOO_DEEP');
    expect(response.errors![0].message).toBe('The query nests fields 13 levels deep; the limit is 12.');
    expect(response.errors![0].extensions).toMatchObject({ limit: 12, actual: 13 });
  });

  it('refuses a deep query on every path: again after a refusal (never cached as valid), and over GET', async () => {
    refusedWith(await app.graphql(nested(13), {}, admin), 'QUERY_TOO_DEEP');
    refusedWith(await app.graphql(nested(13), {}, admin), 'QUERY_TOO_DEEP');
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent(nested(13))}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect({ status: response.status, code: body.errors[0].extensions.code, data: body.data }).toEqual({
      status: 400,
      code: 'QUERY_TOO_DEEP',
      data: undefined,
    });
  });

  it('counts depth through fragments', async () => {
    const response = await app.graphql(`{ ...Deep } fragment Deep on Query { ${nested(13).slice(1, -1)} }`, {}, admin);
    refusedWith(response, 'QUERY_TOO_DEEP');
  });

  it('refuses more than 30 aliases, even through a fragment spread twice: TOO_MANY_ALIASES, and runs none of them', async () => {
    const aliases = (count: number, prefix = 'a') => Array.from({ length: count }, (_, index) => `${prefix}${index}: me { id }`).join(' ');
    expect((await app.graphql(`{ ${aliases(30)} }`, {}, admin)).errors).toBeUndefined();
    refusedWith(await app.graphql(`{ ${aliases(31)} }`, {}, admin), 'TOO_MANY_ALIASES');
    refusedWith(await app.graphql(`{ ...F ...F } fragment F on Query { ${aliases(16)} }`, {}, admin), 'TOO_MANY_ALIASES');

    // 31 changes in one request: refused before any of them runs.
    const name = unique('Aliased agency');
    const creates = Array.from(
      { length: 31 },
      (_, index) => `a${index}: createAgency(input: { name: "${name} ${index}", kind: OTHER }) { id }`,
    ).join(' ');
    refusedWith(await app.graphql(`mutation { ${creates} }`, {}, admin), 'TOO_MANY_ALIASES');
    const created = await app.query(`query($q: String) { agencies(filter: { q: $q }) { totalCount } }`, { q: name }, admin);
    expect(created.agencies.totalCount).toBe(0);
  });

  it('refuses more than 20 directives: TOO_MANY_DIRECTIVES', async () => {
    const fields = (count: number) => Array.from({ length: count }, () => 'id @include(if: true)').join(' ');
    expect((await app.graphql(`{ me { ${fields(20)} } }`, {}, admin)).errors).toBeUndefined();
    refusedWith(await app.graphql(`{ me { ${fields(21)} } }`, {}, admin), 'TOO_MANY_DIRECTIVES');
  });

  it('refuses more than 2,000 tokens before parsing: QUERY_TOO_LARGE', async () => {
    const response = await app.graphql(`{ me { ${'id '.repeat(2_000)} } }`, {}, admin);
    refusedWith(response, 'QUERY_TOO_LARGE');
    expect(response.errors![0].message).toMatch(/more than 2000 tokens/);
  });

  it('refuses more than 20,000 characters, comments included: QUERY_TOO_LARGE', async () => {
    const query = `${'# padding\n'.repeat(2_001)}{ me { id } }`;
    const response = await app.graphql(query, {}, admin);
    refusedWith(response, 'QUERY_TOO_LARGE');
    expect(response.errors![0].extensions).toMatchObject({ limit: 20_000, actual: query.length });
  });

  describe('cost, with list sizes from perPage', () => {
    it('refuses 500 schools x 500 assignments x 500 activities: QUERY_TOO_COMPLEX', async () => {
      const response = await app.graphql(
        `{ schools(perPage: 500) { items { assignments(perPage: 500) { items { officer { activities(perPage: 500) { items { id } } } } } } } }`,
        {},
        admin,
      );
      refusedWith(response, 'QUERY_TOO_COMPLEX');
      expect(response.errors![0].message).toMatch(
        /^The query could return about \d+ fields; the limit is 200000\. Ask for fewer rows per page/,
      );
      expect(response.errors![0].extensions.actual).toBeGreaterThan(125_000_000);
    });

    it('reads perPage from variables, and from the default (25) when left out', async () => {
      const query = `query($perPage: Int!) { schools(perPage: $perPage) { items { name assignments(perPage: $perPage) { items { id role fte } } } } }`;
      refusedWith(await app.graphql(query, { perPage: 500 }, admin), 'QUERY_TOO_COMPLEX');
      expect((await app.graphql(query, { perPage: 20 }, admin)).errors).toBeUndefined();
      const defaults = `{ schools { items { assignments { items { officer { activities { items { id } } } } } } } }`;
      expect((await app.graphql(defaults, {}, admin)).errors).toBeUndefined();
      refusedWith(await app.graphql(defaults.replace('schools', 'schools(perPage: 500)'), {}, admin), 'QUERY_TOO_COMPLEX');
    });

    it('walks each fragment once: fragments that spread each other twice, 40 levels down, are refused at once', async () => {
      const fragments = Array.from(
        { length: 40 },
        (_, index) => `fragment F${index} on Query { ${index === 39 ? 'me { id }' : `...F${index + 1} ...F${index + 1}`} }`,
      );
      const started = Date.now();
      const response = await app.graphql(`{ ...F0 } ${fragments.join(' ')}`, {}, admin);
      refusedWith(response, 'QUERY_TOO_COMPLEX');
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });

  it('caps perPage at 500 on lists and on nested edges: BAD_USER_INPUT', async () => {
    await factory.officer(await factory.agency());
    const list = await app.graphql(`{ schools(perPage: 501) { totalCount } }`, {}, admin);
    expect(list.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const edge = await app.graphql(`{ officers(perPage: 1) { items { activities(perPage: 501) { totalCount } } } }`, {}, admin);
    expect(edge.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a batch (an array of operations) with 400', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } });
  });

  it('takes its limits from the configuration', async () => {
    const strict = await TestApp.start({
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_ALIASES: '1',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_MAX_TOKENS: '200',
    });
    try {
      expect((await strict.graphql(`{ schools { items { name } } }`, {}, admin)).errors).toBeUndefined();
      refusedWith(await strict.graphql(`{ schools { items { officers: assignments { totalCount } } } }`, {}, admin), 'QUERY_TOO_DEEP');
      refusedWith(await strict.graphql(`{ a: me { id } b: me { id } }`, {}, admin), 'TOO_MANY_ALIASES');
      refusedWith(
        await strict.graphql(
          `{ schools(perPage: 100) { items { id name level locale address enrollment principalName phone active createdAt } } }`,
          {},
          admin,
        ),
        'QUERY_TOO_COMPLEX',
      );
      refusedWith(await strict.graphql(`{ me { ${'id '.repeat(200)} } }`, {}, admin), 'QUERY_TOO_LARGE');
    } finally {
      await strict.stop();
    }
  });
});
