import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/**
 * Property-based tests (fast-check, fixed seed): arbitrary and hostile input to every mutation, and queries
 * generated from the schema run as every role. Never a 5xx, always a code a client can act on, nothing written
 * when the answer is an error, and nobody receives another agency's hidden fields.
 */
const SEED = 20_260_914;
const MUTATION_RUNS = 20;
const QUERY_RUNS = 30;

/** The codes a client may get for bad input; INTERNAL_SERVER_ERROR is never one of them. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'CONFLICT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_COMPLEX',
]);

// Mutations that change who is signed in are left to auth.test.ts and credentials.test.ts: fuzzing `login` or
// `changePassword` would throttle the test run's client address (and audit each wrong password), and `logout`
// would end the session the fuzzing runs under.
const SESSION_MUTATIONS = new Set(['login', 'logout', 'changePassword']);
const committedSchema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8'));
const MUTATIONS = Object.keys(committedSchema.getMutationType()!.getFields()).filter((name) => !SESSION_MUTATIONS.has(name));

/** Tables a failed mutation must leave exactly as they were (sessions are touched by every request; throttling by sign-in). */
const TABLES = ['agency', 'officer', 'school', 'assignment', 'activity', 'app_user', 'api_token', 'audit_event'];

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

// Strings that have broken servers: control characters, NUL (PostgreSQL refuses it in text), injections, bidi
// overrides, combining marks, lone surrogates, astral-plane characters, and values of the wrong kind.
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  "'; drop table agency; --",
  'Robert"); --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%n%x',
  '../../etc/passwd',
  '\u202Egnp.exe',
  '🚓👮🏽‍♀️',
  'Ünïcödé ñ',
  'e\u0301',
  '\uFEFF',
  '\uD800',
  '𝕊ℝ𝕆',
  'NaN',
  'null',
  '-1',
  '1e309',
  '2026-02-30',
  'CO0010000',
  'a@b.c',
  '123456789012',
];
const HOSTILE_IDS = ['abc', '-1', '0', '00', '99999999999', '1.5', '', ' 1', '1e3', '2147483648', '0x1F', '١٢', '1 OR 1=1'];
const HOSTILE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2024-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-01-01',
  '9999-12-31',
  '9999-12-02',
  '1900-01-01',
  '2026-9-14',
  '2026-09-14T00:00:00Z',
  '20260914',
  '',
  'today',
  '+020260-01-01',
];

const wrongKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 5 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ nested: { deep: [1, 'two'] } }),
  // Deeper than any input nests (the JSON of this test's own runner stops somewhat beyond; fixed cases send 8,000).
  fc.integer({ min: 30, max: 1_500 }).map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 'deep')),
);

const WELL_FORMED: Record<string, fc.Arbitrary<string>> = {
  email: fc.constantFrom('pat@example.org', 'Ünïcödé@exämple.org', "o'brien+sro@district.example", `${'a'.repeat(64)}@example.org`),
  phone: fc.constantFrom('555-0100', '+1 (970) 555-0199 x12', '5550100'),
  ori: fc.constantFrom('CO0010000', 'CO0290300', 'TX1234567'),
  ncesId: fc.constantFrom('080000100001', '000000000000', '999999999999'),
  password: fc.constantFrom(
    'a long enough password',
    'pässwörd with ünïcödé',
    '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000',
  ),
};

const stringValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  // Long, but under the request body limit, so that it reaches validation.
  { weight: 1, arbitrary: fc.integer({ min: 201, max: 30_000 }).map((length) => 'x'.repeat(length)) },
);
const int32Value = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 2_000 }) },
  { weight: 2, arbitrary: fc.constantFrom(-2_147_483_648, -1, 0, 1, 500, 501, 1_440, 1_441, 2_147_483_647) },
);
const intValue = fc.oneof(
  { weight: 6, arbitrary: int32Value },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53 + 1, 1.5, '12', true) },
);
const finiteFloatValue = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 0.01, 0.005, 0.25, 0.5, 0.333, 0.999, 1, 1.0000001, 1e308, -1e-308, 5e-324) },
);
const floatValue = fc.oneof({ weight: 6, arbitrary: finiteFloatValue }, { weight: 1, arbitrary: fc.constantFrom('0.5', true, [0.5]) });
// Mostly well-formed calendar dates, in and far around the program's years, leap days included.
const validDate = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({ min: new Date('2019-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
  },
  { weight: 1, arbitrary: fc.constantFrom('2024-02-29', '1900-01-01', '9999-12-31', '1000-01-01') },
);
const dateValue = fc.oneof(
  { weight: 4, arbitrary: validDate },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 1, arbitrary: wrongKind },
);
const dateTimeValue = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-02-30T00:00:00Z', '2026-09-14', 'yesterday', '', '9999-12-31T23:59:59.999Z'),
);

/** Ids of the rows a mutation may touch; never the signed-in administrator's own user. */
type IdPools = Record<'agency' | 'officer' | 'school' | 'assignment' | 'activity' | 'user' | 'apiToken', string[]>;

function poolFor(mutation: string, field: string, pools: IdPools): string[] {
  const byField: Record<string, keyof IdPools> = { officerId: 'officer', schoolId: 'school', agencyId: 'agency' };
  if (byField[field]) return pools[byField[field]];
  const entity = (['Activit', 'Agenc', 'Assignment', 'Officer', 'School', 'User', 'ApiToken'] as const).find((stem) =>
    mutation.includes(stem),
  );
  const byEntity: Record<string, keyof IdPools> = {
    Activit: 'activity',
    Agenc: 'agency',
    Assignment: 'assignment',
    Officer: 'officer',
    School: 'school',
    User: 'user',
    ApiToken: 'apiToken',
  };
  return entity ? pools[byEntity[entity]] : [];
}

/**
 * An arbitrary value for a GraphQL input type. `typed` values have the right kind (so that they get past GraphQL's
 * coercion into validation, the services and the database) with hostile contents; otherwise a value may also be
 * of the wrong kind, null where null is not allowed, or an object with unknown fields.
 */
function inputValue(type: GraphQLInputType, mutation: string, field: string, pools: IdPools, typed: boolean): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = presentValue(type.ofType, mutation, field, pools, typed);
    return typed ? value : fc.oneof({ weight: 15, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  }
  return fc.oneof(
    { weight: typed ? 12 : 6, arbitrary: presentValue(type, mutation, field, pools, typed) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function presentValue(type: GraphQLInputType, mutation: string, field: string, pools: IdPools, typed: boolean): fc.Arbitrary<unknown> {
  const orWrongKind = (value: fc.Arbitrary<unknown>, weight = 6) =>
    typed ? value : fc.oneof({ weight, arbitrary: value }, { weight: 1, arbitrary: wrongKind });
  if (isNonNullType(type)) return presentValue(type.ofType, mutation, field, pools, typed);
  if (isListType(type)) {
    const item = inputValue(type.ofType, mutation, field, pools, typed);
    return orWrongKind(fc.oneof({ weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: item }));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((inner) => [inner.name, inputValue(inner.type, mutation, inner.name, pools, typed)]));
    const required = fields.filter((inner) => isNonNullType(inner.type) && inner.defaultValue === undefined).map((inner) => inner.name);
    const complete = fc.record(shape, { requiredKeys: required });
    if (typed) return complete;
    return orWrongKind(
      fc.oneof(
        { weight: 8, arbitrary: complete },
        { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        { weight: 1, arbitrary: complete.map((value) => ({ ...value, unexpectedField: 'x' })) },
      ),
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    if (typed) return fc.constantFrom(...values);
    return orWrongKind(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...values) },
        { weight: 1, arbitrary: fc.constantFrom('INVALID', values[0].toLowerCase(), '', ` ${values[0]}`) },
      ),
    );
  }
  switch (type.name) {
    case 'ID': {
      const known = poolFor(mutation, field, pools);
      return fc.oneof(
        { weight: known.length ? 5 : 0, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('1') },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
        // Ids far above any row of the run: valid, and missing.
        { weight: 1, arbitrary: fc.integer({ min: 1_800_000_000, max: 2_147_483_647 }).map(String) },
        { weight: typed ? 0 : 1, arbitrary: fc.constantFrom(1.5, true, -3) },
      );
    }
    case 'Int':
      return field === 'version'
        ? fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: typed ? int32Value : intValue })
        : typed
          ? int32Value
          : intValue;
    case 'Float':
      return typed ? finiteFloatValue : floatValue;
    case 'Boolean':
      return typed
        ? fc.boolean()
        : fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0, 1) });
    case 'Date':
      return typed ? validDate : dateValue;
    case 'DateTime':
      return dateTimeValue;
    case 'JSONObject':
      return fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }));
    default: {
      // Fields with a format get well-formed values most of the time, so that the rest of the input is checked too.
      const wellFormed = WELL_FORMED[field];
      const text = wellFormed ? fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 1, arbitrary: stringValue }) : stringValue;
      return orWrongKind(text, 12);
    }
  }
}

/** The leaf fields of a type that need no argument: what a mutation's answer is asked to show. */
function leafSelection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const leaves = Object.values(named.getFields()).filter(
    (field) => isLeafType(getNamedType(field.type)) && field.args.every((arg) => !isNonNullType(arg.type)),
  );
  return `{ __typename ${leaves.map((field) => field.name).join(' ')} }`;
}

const operationFor = (kind: 'mutation' | 'query', field: GraphQLField<unknown, unknown>, selection: string) => {
  const variables = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
};

describe('bad input and hidden data, property-based', () => {
  let app: TestApp;
  let factory: Factory;
  let schema: GraphQLSchema;
  const tokens = {} as Record<Caller, string | undefined>;
  const pools = {} as IdPools;
  const markerIds = {} as Record<string, string>;

  async function send(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<Answer> {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // A body that is not JSON fails the "clear code" check below.
    }
    return { status: response.status, text, body };
  }

  /** Row counts and a digest of every row, per table: equal before and after means nothing was written. */
  async function snapshot(): Promise<string> {
    const sql = TABLES.map(
      (table) =>
        `select '${table}' as name, count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as digest from "${table}" t`,
    ).join(' union all ');
    return JSON.stringify(await app.orm.em.getConnection().execute(sql));
  }

  /** Every error carries a code a client can act on, and the HTTP status is never a 5xx. */
  function expectClientAnswer(answer: Answer, context: string): void {
    if (answer.status >= 500) throw new Error(`${context}: HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
    if (!answer.body.data && !answer.body.errors?.length)
      throw new Error(`${context}: neither data nor errors: ${answer.text.slice(0, 500)}`);
    for (const error of answer.body.errors ?? []) {
      if (!CLIENT_CODES.has(error.extensions?.code ?? '') || !error.message) {
        throw new Error(`${context}: unexpected error ${JSON.stringify(error)}`);
      }
    }
  }

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const introspection = await app.query<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(introspection);

    // Rows the mutations may change or delete: fresh ones, so that other test files' rows are never touched.
    const agencies = [await factory.agency(), await factory.agency(), await factory.agency()];
    const officers = [
      await factory.officer(agencies[0]),
      await factory.officer(agencies[1]),
      await factory.officer(agencies[1], { status: 'INACTIVE' as never }),
    ];
    const schools = [await factory.school(), await factory.school(), await factory.school({ active: false })];
    const assignments = [
      await factory.assignment(officers[0], schools[0], { role: 'BACKUP' as never, fte: 0.2 }),
      await factory.assignment(officers[1], schools[1], { startDate: '2026-01-05', endDate: '2026-06-30' }),
    ];
    const today = new Date().toISOString().slice(0, 10);
    const activities = [
      await factory.activity(officers[0], schools[0], { date: today }),
      await factory.activity(officers[1], null, { date: '2025-10-01' }),
    ];
    const users = [(await factory.user(Role.ANALYST)).user, (await factory.user(Role.AGENCY_CHIEF, { agency: agencies[2] })).user];
    tokens.admin = (await factory.user(Role.ADMIN)).token;
    const apiTokens = [];
    for (let index = 0; index < 2; index++) {
      apiTokens.push(
        (
          await app.query(
            `mutation($name: String!) { createApiToken(name: $name) { apiToken { id } } }`,
            { name: unique('fuzz') },
            tokens.admin,
          )
        ).createApiToken.apiToken.id as string,
      );
    }
    Object.assign(pools, {
      agency: agencies.map((row) => String(row.id)),
      officer: officers.map((row) => String(row.id)),
      school: schools.map((row) => String(row.id)),
      assignment: assignments.map((row) => String(row.id)),
      activity: activities.map((row) => String(row.id)),
      user: users.map((row) => String(row.id)),
      apiToken: apiTokens,
    });

    await seedHiddenData();
  });
  afterAll(() => app.stop());

  describe('every mutation, with arbitrary and hostile input, as ADMIN', () => {
    it('covers every mutation of the schema but sign-in and sign-out', () => {
      const live = Object.keys(schema.getMutationType()!.getFields()).filter((name) => !SESSION_MUTATIONS.has(name));
      expect(live.sort()).toEqual([...MUTATIONS].sort());
    });

    it.each(MUTATIONS)('%s: never a 5xx, always a client code, and nothing written when refused', async (name) => {
      const field = schema.getMutationType()!.getFields()[name];
      const document = operationFor('mutation', field, leafSelection(field.type));
      const required = field.args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name);
      const shape = (typed: boolean) =>
        Object.fromEntries(field.args.map((arg) => [arg.name, inputValue(arg.type, name, arg.name, pools, typed)]));
      const variables = fc.oneof(
        { weight: 7, arbitrary: fc.record(shape(true), { requiredKeys: required }) },
        { weight: 3, arbitrary: fc.record(shape(false), { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(shape(false), { requiredKeys: [] }) },
      );

      await fc.assert(
        fc.asyncProperty(variables, async (values) => {
          const before = await snapshot();
          const answer = await send(document, values, tokens.admin);
          const context = `${name}(${JSON.stringify(values).slice(0, 300)})`;
          expectClientAnswer(answer, context);
          if (answer.body.errors?.length && !answer.body.data?.[name]) {
            const after = await snapshot();
            if (after !== before)
              throw new Error(`${context}: refused with ${answer.body.errors[0].extensions?.code}, yet the database changed`);
          }
        }),
        { seed: SEED, numRuns: MUTATION_RUNS, endOnFailure: true },
      );
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  // Fixed cases: inputs that once answered 500, each now refused with a code, in the GraphQL shape.

  describe('inputs that once answered 500', () => {
    async function post(body: string | Buffer, headers: Record<string, string> = {}, token = tokens.admin): Promise<Answer> {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body,
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
    }
    async function download(path: string): Promise<Answer> {
      const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
      const text = await response.text();
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
    }
    const expectRefused = (answer: Answer, status: number, code: string) => {
      expectClientAnswer(answer, answer.text);
      expect([answer.status, answer.body.errors?.[0].extensions?.code]).toEqual([status, code]);
    };
    const nested = (depth: number) => `${'['.repeat(depth)}"1"${']'.repeat(depth)}`;

    it('a document of two operations without operationName, or naming none of them: 400 BAD_REQUEST', async () => {
      const query = 'query First { __typename } query Second { me { id } }';
      expectRefused(await post(JSON.stringify({ query })), 400, 'BAD_REQUEST');
      const unknown = await post(JSON.stringify({ query, operationName: 'Third' }), { accept: 'application/graphql-response+json' });
      expectRefused(unknown, 400, 'BAD_REQUEST');
      expect(unknown.body.errors?.[0].message).toContain('"Third"');
      // Naming one still runs it.
      expect((await post(JSON.stringify({ query, operationName: 'First' }))).body).toEqual({ data: { __typename: 'Query' } });
    });

    it('variables nested 8,000 lists deep, in a query and a mutation: 400 BAD_USER_INPUT', async () => {
      const query = 'query($ids: [ID!]) { schools(filter: { ids: $ids }) { totalCount } }';
      expectRefused(await post(`{"query":${JSON.stringify(query)},"variables":{"ids":${nested(8_000)}}}`), 400, 'BAD_USER_INPUT');
      const mutation = 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }';
      const input = `{"name":"Deep","kind":"OTHER","extra":${nested(8_000)}}`;
      expectRefused(await post(`{"query":${JSON.stringify(mutation)},"variables":{"input":${input}}}`), 400, 'BAD_USER_INPUT');
    });

    it('sign-in with an e-mail longer than any account has: BAD_USER_INPUT, nothing written', async () => {
      const before = await snapshot();
      const answer = await post(
        JSON.stringify({
          query: 'mutation($email: String!) { login(email: $email, password: "a long enough password") { token } }',
          variables: { email: `${'a'.repeat(300)}@example.org` },
        }),
        {},
        undefined,
      );
      expectClientAnswer(answer, answer.text);
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: [expect.any(String)] } });
      expect(await snapshot()).toBe(before);
    });

    it('dates whose arithmetic passes 9999-12-31: BAD_USER_INPUT, in the API and the CSV', async () => {
      const staffing = await send('{ staffingReport(date: "9999-12-02") { totals { activeOfficers } } }', {}, tokens.admin);
      expectClientAnswer(staffing, staffing.text);
      expect(staffing.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(staffing.body.errors?.[0].message).toContain('9999-12-31');
      expectRefused(await download('/export/staffing.csv?date=9999-12-31'), 400, 'BAD_USER_INPUT');
      // A short period near the end of the calendar is a short period.
      const activity = await send(
        '{ activityReport(from: "9997-01-01", to: "9997-01-31") { period { days } previous { period { from to } } } }',
        {},
        tokens.admin,
      );
      expect(activity.body).toEqual({
        data: { activityReport: { period: { days: 31 }, previous: { period: { from: '9996-12-01', to: '9996-12-31' } } } },
      });
    });

    it('an unknown export answers JSON 404 NOT_FOUND', async () => {
      expectRefused(await download('/export/nothing.csv'), 404, 'NOT_FOUND');
      expectRefused(await download('/export/'), 404, 'NOT_FOUND');
    });

    it('a body in another encoding than UTF-8: 415 BAD_REQUEST', async () => {
      const body = JSON.stringify({ query: '{ __typename }' });
      expectRefused(await post(Buffer.from(body, 'utf16le'), { 'content-type': 'application/json; charset=utf-16le' }), 415, 'BAD_REQUEST');
      expectRefused(
        await post(Buffer.from(body, 'latin1'), { 'content-type': 'application/json; charset=iso-8859-1' }),
        415,
        'BAD_REQUEST',
      );
      // Latin-1 bytes sent as UTF-8 (é as the single byte 0xE9).
      const latin1 = Buffer.from('{"query":"{ __typename }","variables":{"name":"Caf\u00e9"}}', 'latin1');
      expectRefused(await post(latin1), 415, 'BAD_REQUEST');
      expect((await post(Buffer.from(body, 'utf8'), { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
    });
  });

  // ---------------------------------------------------------------------------------------------------------
  // Hidden data: agency B's officer contact fields and notes, its activities and its chief's account carry
  // distinctive markers; a caller who may not see them must never receive them, whatever the query.

  type Caller = 'anonymous' | 'admin' | 'chiefA' | 'chiefB' | 'analyst' | 'officer';
  const CALLERS: Caller[] = ['anonymous', 'admin', 'chiefA', 'chiefB', 'analyst', 'officer'];

  const MARKERS = {
    officerAEmail: 'zq7-officer-a@hidden.example',
    officerAPhone: 'zq7-phone-a',
    officerANotes: 'zq7-officer-a-notes',
    officerABadge: 'zq7-badge-a',
    activityANotes: 'zq7-activity-a-notes',
    officerBEmail: 'zq7-officer-b@hidden.example',
    officerBPhone: 'zq7-phone-b',
    officerBNotes: 'zq7-officer-b-notes',
    officerBBadge: 'zq7-badge-b',
    activityBNotes: 'zq7-activity-b-notes',
    assignmentBNotes: 'zq7-assignment-b-notes',
    agencyBEmail: 'zq7-agency-b@hidden.example',
    chiefAName: 'zq7-user-chief-a',
    chiefBName: 'zq7-user-chief-b',
  } as const;
  type Marker = keyof typeof MARKERS;
  const officerA: Marker[] = ['officerAEmail', 'officerAPhone', 'officerANotes', 'officerABadge', 'activityANotes'];
  const officerB: Marker[] = ['officerBEmail', 'officerBPhone', 'officerBNotes', 'officerBBadge', 'activityBNotes'];

  /** SPEC.md's table: what each caller must never receive. */
  const HIDDEN: Record<Caller, Marker[]> = {
    anonymous: Object.keys(MARKERS) as Marker[],
    admin: [],
    chiefA: [...officerB, 'assignmentBNotes', 'chiefBName'],
    chiefB: [...officerA, 'chiefAName'],
    analyst: ['officerAEmail', 'officerAPhone', 'officerBEmail', 'officerBPhone', 'assignmentBNotes', 'chiefAName', 'chiefBName'],
    officer: [...officerB, 'assignmentBNotes', 'agencyBEmail', 'chiefAName', 'chiefBName'],
  };

  async function seedHiddenData(): Promise<void> {
    const agencyA = await factory.agency();
    const agencyB = await factory.agency({ email: MARKERS.agencyBEmail });
    const shared = await factory.school();
    const schoolB = await factory.school();
    const officerARow = await factory.officer(agencyA, {
      email: MARKERS.officerAEmail,
      phone: MARKERS.officerAPhone,
      notes: MARKERS.officerANotes,
      badgeNumber: MARKERS.officerABadge,
    });
    const officerBRow = await factory.officer(agencyB, {
      email: MARKERS.officerBEmail,
      phone: MARKERS.officerBPhone,
      notes: MARKERS.officerBNotes,
      badgeNumber: MARKERS.officerBBadge,
    });
    const today = new Date().toISOString().slice(0, 10);
    await factory.assignment(officerARow, shared, { startDate: '2025-08-01', role: 'PRIMARY' as never, fte: 0.5 });
    await factory.assignment(officerBRow, shared, {
      startDate: '2025-08-01',
      role: 'SECONDARY' as never,
      fte: 0.5,
      notes: MARKERS.assignmentBNotes,
    });
    await factory.assignment(officerBRow, schoolB, { startDate: '2025-08-01', role: 'PRIMARY' as never, fte: 0.5 });
    await factory.activity(officerARow, shared, { date: today, notes: MARKERS.activityANotes });
    await factory.activity(officerBRow, shared, { date: today, notes: MARKERS.activityBNotes });
    await factory.activity(officerBRow, schoolB, {
      date: today,
      notes: MARKERS.activityBNotes,
      category: 'CLASSROOM_INSTRUCTION' as never,
      topic: 'SOCIAL_MEDIA' as never,
    });

    const chiefA = await factory.user(Role.AGENCY_CHIEF, { agency: agencyA });
    const chiefB = await factory.user(Role.AGENCY_CHIEF, { agency: agencyB });
    await app.orm.em.getConnection().execute('update app_user set display_name = ? where id = ?', [MARKERS.chiefAName, chiefA.user.id]);
    await app.orm.em.getConnection().execute('update app_user set display_name = ? where id = ?', [MARKERS.chiefBName, chiefB.user.id]);
    Object.assign(tokens, {
      anonymous: undefined,
      chiefA: chiefA.token,
      chiefB: chiefB.token,
      analyst: (await factory.user(Role.ANALYST)).token,
      officer: (await factory.user(Role.OFFICER, { officer: officerARow })).token,
    });
    Object.assign(markerIds, {
      agencyA: String(agencyA.id),
      agencyB: String(agencyB.id),
      shared: String(shared.id),
      schoolB: String(schoolB.id),
      officerA: String(officerARow.id),
      officerB: String(officerBRow.id),
      chiefA: String(chiefA.user.id),
      chiefB: String(chiefB.user.id),
    });
  }

  /** A plausible argument value: ids of the seeded rows (hidden ones included), small pages, dates around today. */
  function queryArgument(g: fc.GeneratorValue, type: GraphQLInputType, name: string, depth: number): unknown {
    if (isNonNullType(type)) return queryArgument(g, type.ofType, name, depth);
    if (isListType(type))
      return Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () => queryArgument(g, type.ofType, name, depth));
    if (isInputObjectType(type)) {
      const value: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type) && field.defaultValue === undefined;
        if (required || (depth > 0 && g(fc.integer, { min: 0, max: 3 }) === 0))
          value[field.name] = queryArgument(g, field.type, field.name, depth - 1);
      }
      return value;
    }
    if (isEnumType(type)) return g(fc.constantFrom, ...type.getValues().map((value) => value.name));
    switch ((type as GraphQLNamedType).name) {
      case 'ID':
        return g(fc.constantFrom, ...Object.values(markerIds), 'abc', '99999999');
      case 'Int':
        if (name === 'perPage') return g(fc.integer, { min: 1, max: 3 });
        if (name === 'page') return g(fc.integer, { min: 1, max: 2 });
        return g(fc.integer, { min: 0, max: 40 });
      case 'Float':
        return g(fc.constantFrom, 0.5, 1);
      case 'Boolean':
        return g(fc.boolean);
      case 'Date':
        return g(
          fc.constantFrom,
          new Date().toISOString().slice(0, 10),
          '2025-09-15',
          '2026-01-10',
          '2026-02-30',
          '9999-12-02',
          '9999-12-31',
        );
      case 'DateTime':
        return g(fc.constantFrom, '2025-01-01T00:00:00Z', new Date().toISOString());
      default:
        return g(fc.constantFrom, '', 'a', 'Pat', 'Officer', 'zz');
    }
  }

  /** A random selection of a type's fields, nesting object fields `depth` levels more; arguments become variables. */
  function selection(
    g: fc.GeneratorValue,
    type: GraphQLObjectType,
    depth: number,
    variables: Map<string, { type: string; value: unknown }>,
  ): string {
    const parts: string[] = [];
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const leaf = isLeafType(named);
      if (leaf ? g(fc.integer, { min: 0, max: 9 }) >= 7 : depth <= 0 || g(fc.integer, { min: 0, max: 9 }) >= 3) continue;
      const args: string[] = [];
      for (const arg of field.args) {
        if (!isNonNullType(arg.type) && g(fc.boolean)) continue;
        const variable = `v${variables.size}`;
        variables.set(variable, { type: String(arg.type), value: queryArgument(g, arg.type, arg.name, 2) });
        args.push(`${arg.name}: $${variable}`);
      }
      const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
      parts.push(leaf ? call : `${call} { ${selection(g, named as GraphQLObjectType, depth - 1, variables)} }`);
    }
    return parts.length ? parts.join(' ') : '__typename';
  }

  const generatedQuery = fc.gen().map((g) => {
    const variables = new Map<string, { type: string; value: unknown }>();
    const body = selection(g, schema.getQueryType()!, g(fc.integer, { min: 2, max: 4 }), variables);
    const declarations = [...variables].map(([name, { type }]) => `$${name}: ${type}`).join(', ');
    return {
      query: `query Generated${declarations ? `(${declarations})` : ''} { ${body} }`,
      variables: Object.fromEntries([...variables].map(([name, { value }]) => [name, value])),
    };
  });

  /** Checks one answer for one caller; returns the markers it (rightly) contains. */
  function checkVisibility(caller: Caller, answer: Answer, context: string): Marker[] {
    expectClientAnswer(answer, `${caller}: ${context}`);
    const leaked = HIDDEN[caller].filter((marker) => answer.text.includes(MARKERS[marker]));
    if (leaked.length) throw new Error(`${caller} received ${leaked.join(', ')} from ${context}`);
    return (Object.keys(MARKERS) as Marker[]).filter((marker) => answer.text.includes(MARKERS[marker]));
  }

  describe('queries generated from the schema, as every role', () => {
    const seenByAdmin = new Set<Marker>();

    it("never a 5xx, never another agency's hidden data", async () => {
      await fc.assert(
        fc.asyncProperty(generatedQuery, async ({ query, variables }) => {
          for (const caller of CALLERS) {
            const answer = await send(query, variables, tokens[caller]);
            const seen = checkVisibility(caller, answer, `${query} ${JSON.stringify(variables)}`);
            if (caller === 'admin') seen.forEach((marker) => seenByAdmin.add(marker));
          }
        }),
        { seed: SEED, numRuns: QUERY_RUNS, endOnFailure: true },
      );
    });

    // Every path to the hidden fields, asked outright: the generated queries' reach, made certain.
    const probes: [string, (ids: Record<string, string>) => Record<string, unknown>][] = [
      ['{ officers(perPage: 500) { items { email phone notes badgeNumber status sroSince } } }', () => ({})],
      [
        'query($id: ID!) { officer(id: $id) { email phone notes badgeNumber activities(perPage: 50) { items { notes } } assignments { items { notes } } } }',
        (ids) => ({ id: ids.officerB }),
      ],
      [
        'query($id: ID!) { officer(id: $id) { email phone notes badgeNumber activities(perPage: 50) { items { notes } } } }',
        (ids) => ({ id: ids.officerA }),
      ],
      [
        'query($id: ID!) { agency(id: $id) { email officers { items { email phone notes badgeNumber } } } }',
        (ids) => ({ id: ids.agencyB }),
      ],
      ['query($id: ID!) { agency(id: $id) { officers { items { email phone notes badgeNumber } } } }', (ids) => ({ id: ids.agencyA })],
      [
        'query($id: ID!) { school(id: $id) { activities(perPage: 50) { items { notes officer { email phone notes } } } assignments { items { notes officer { email phone notes badgeNumber } } } assignmentsOn { notes officer { email phone } } } }',
        (ids) => ({ id: ids.shared }),
      ],
      ['{ activities(perPage: 500) { items { notes officer { email phone badgeNumber } } } }', () => ({})],
      ['{ assignments(perPage: 500) { items { notes officer { email phone notes badgeNumber agency { email } } } } }', () => ({})],
      ['{ agencies(perPage: 500) { items { email } } }', () => ({})],
      ['{ users(perPage: 500) { items { displayName } } me { displayName } }', () => ({})],
      ['{ auditEvents(perPage: 500) { items { changes details actorLabel } } }', () => ({})],
      ['{ coverageReport { schools { officers { officer { email phone notes badgeNumber } } } } }', () => ({})],
      [
        '{ staffingReport(filter: { endingWithinDays: 400 }) { unassignedOfficers { email phone notes } endingAssignments { notes officer { email phone notes } } } }',
        () => ({}),
      ],
      ['{ activityReport(preset: CURRENT_QUARTER) { byOfficer { officer { email phone notes badgeNumber } } } }', () => ({})],
    ];

    it.each(CALLERS)('the probes of every hidden field, as %s', async (caller) => {
      for (const [query, variables] of probes) {
        const answer = await send(query, variables(markerIds), tokens[caller]);
        const seen = checkVisibility(caller, answer, query);
        if (caller === 'admin') seen.forEach((marker) => seenByAdmin.add(marker));
      }
    });

    it('is not vacuous: ADMIN received every marker', () => {
      expect([...seenByAdmin].sort()).toEqual((Object.keys(MARKERS) as Marker[]).sort());
    });
  });
});
