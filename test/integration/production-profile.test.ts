import net from 'node:net';
import { Role } from '../../server/src/common/actor';
import { schoolPolicy } from '../../server/src/modules/school/school.policy';
import { TestApp } from '../support/app';
import { usingEmbeddedDatabase } from '../support/database';
import { Factory, unique } from '../support/factories';

const ALLOWED_ORIGIN = 'https://dashboard.district.example';

/** What NODE_ENV=production changes, and the HTTP protections every profile has. */
describe('production profile', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start({ NODE_ENV: 'production', CORS_ORIGINS: `${ALLOWED_ORIGIN},http://127.0.0.1:5173` });
    admin = (await new Factory(app.orm).user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
      body,
    });

  describe('introspection', () => {
    it('is off: __schema and __type are refused, __typename still answers', async () => {
      for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "School") { name } }']) {
        const response = await app.graphql(query, {}, admin);
        expect(response.status).toBe(400);
        expect(response.errors?.[0]).toMatchObject({
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          message: expect.stringMatching(/introspection is not allowed/),
        });
      }
      expect((await app.graphql('{ __typename }', {}, admin)).data).toEqual({ __typename: 'Query' });
    });

    it('is on again with GRAPHQL_INTROSPECTION=true', async () => {
      const open = await TestApp.start({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
      try {
        expect((await open.graphql('{ __schema { queryType { name } } }', {}, admin)).data).toEqual({
          __schema: { queryType: { name: 'Query' } },
        });
      } finally {
        await open.stop();
      }
    });
  });

  describe('no schema hints in error messages ("Did you mean ...?")', () => {
    const misspelt = [
      ['a field', '{ schoolz { totalCount } }', {}],
      [
        'an enum value in a variable',
        'mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }',
        { input: { name: 'x', level: 'HIHG', locale: 'CITY', enrollment: 1 } },
      ],
      [
        'an input field in a variable',
        'mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }',
        { input: { nmae: 'x', level: 'HIGH', locale: 'CITY', enrollment: 1 } },
      ],
      ['an argument', '{ schools(perPag: 5) { totalCount } }', {}],
    ] as const;

    it.each(misspelt)('for %s', async (_what, query, variables) => {
      const response = await app.graphql(query, variables, admin);
      expect(response.status).toBe(400);
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors!) expect(error.message).not.toMatch(/did you mean/i);
    });

    it('while development still suggests (the same requests, the other profile)', async () => {
      const development = await TestApp.start({ NODE_ENV: 'development' });
      try {
        for (const [, query, variables] of misspelt) {
          const response = await development.graphql(query, variables, admin);
          expect(response.errors?.map((error) => error.message).join('\n')).toMatch(/Did you mean/);
        }
      } finally {
        await development.stop();
      }
    });
  });

  describe('no stack traces, no internals', () => {
    afterEach(() => jest.restoreAllMocks());

    it('in a masked internal error', async () => {
      jest.spyOn(schoolPolicy, 'readable').mockImplementation(() => {
        throw new Error('secret internals at /srv/app/server.js:12');
      });
      const response = await app.graphql('{ schools { totalCount } }', {}, admin);
      expect(response.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Internal server error \(request [\w-]+\)$/),
        path: ['schools'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(response)).not.toMatch(/secret internals|stacktrace|server\.js/);
    });

    it.each([
      ['a syntax error', JSON.stringify({ query: '{ schools { ' })],
      ['a validation error', JSON.stringify({ query: '{ nothing }' })],
      ['a body that is not JSON', '{"query": '],
    ])('in %s', async (_what, body) => {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await response.text();
      expect(JSON.parse(text).errors[0].extensions.code).toEqual(expect.any(String));
      expect(text).not.toMatch(/stacktrace|\n\s+at |node_modules/);
    });
  });

  describe('CSRF prevention', () => {
    it("lets the console's POST with content-type application/json through", async () => {
      expect((await post(JSON.stringify({ query: '{ me { id } }' }))).status).toBe(200);
    });

    it.each([
      [
        'a GET without a preflight header',
        () => fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { authorization: `Bearer ${admin}` } }),
      ],
      [
        'a POST as text/plain (a form or a "simple" cross-site request)',
        () => post(JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'text/plain' }),
      ],
      ['a POST as a form', () => post('query=%7B%20me%20%7B%20id%20%7D%20%7D', { 'content-type': 'application/x-www-form-urlencoded' })],
    ])('refuses %s with 400', async (_what, send) => {
      const response = await send();
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({
        extensions: { code: 'BAD_REQUEST' },
        message: expect.stringMatching(/Cross-Site Request Forgery/),
      });
    });

    it('answers a GET that carries a preflight header (only a same-origin or CORS-approved page can send one)', async () => {
      const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
        headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(200);
    });
  });

  describe('security headers', () => {
    it.each(['/healthz', '/graphql'])('on %s', async (path) => {
      const response = await fetch(
        `${app.url}${path}`,
        path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } : {},
      );
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('CORS allow-list from CORS_ORIGINS', () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });

    it('answers a preflight from a listed origin', async () => {
      const response = await preflight(ALLOWED_ORIGIN);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization, Content-Type/);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      expect(response.headers.get('vary')).toMatch(/Origin/);
    });

    it('sends no CORS header at all to another origin', async () => {
      for (const origin of ['https://evil.example', 'https://dashboard.district.example.evil.example', 'null']) {
        const response = await preflight(origin);
        expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
        const call = await post(JSON.stringify({ query: '{ __typename }' }), { origin });
        expect(call.headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('marks the answer to a listed origin', async () => {
      const call = await post(JSON.stringify({ query: '{ __typename }' }), { origin: ALLOWED_ORIGIN });
      expect(call.status).toBe(200);
      expect(call.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(call.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    });
  });

  describe('request body size limit (REQUEST_BODY_LIMIT_KB, 100 kB)', () => {
    it('refuses a larger body with 413 and a JSON error, before anything runs', async () => {
      const name = unique('Oversized');
      const body = JSON.stringify({
        query: 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { id } }',
        variables: { input: { name, kind: 'OTHER', address: 'x'.repeat(101 * 1024) } },
      });
      const response = await post(body);
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        errors: [
          { message: 'The request body is larger than the limit of 100 kB.', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 102_400 } },
        ],
      });
      expect(
        (await app.query('query($q: String) { agencies(filter: { q: $q }) { totalCount } }', { q: name }, admin)).agencies.totalCount,
      ).toBe(0);
    });

    it('takes a body just under the limit', async () => {
      const response = await post(JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(99 * 1024) } }));
      expect(response.status).toBe(200);
    });
  });

  describe('REQUEST_TIMEOUT_MS and REQUEST_BODY_LIMIT_KB', () => {
    let slow: TestApp;
    beforeAll(async () => {
      slow = await TestApp.start({ NODE_ENV: 'production', REQUEST_TIMEOUT_MS: '1000', REQUEST_BODY_LIMIT_KB: '8' });
    });
    afterAll(() => slow.stop());

    it('takes the body limit from REQUEST_BODY_LIMIT_KB', async () => {
      const send = (kb: number) =>
        fetch(`${slow.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(kb * 1024) } }),
        });
      expect((await send(7)).status).toBe(200);
      const refused = await send(9);
      expect(refused.status).toBe(413);
      expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
    });

    it('closes a connection whose request does not arrive in time with 408 (a slow client cannot hold it)', async () => {
      const { port } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write(
            'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
          );
        });
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    // PGlite runs PostgreSQL without timer signals: statement_timeout only holds on a PostgreSQL server (CI runs both).
    (usingEmbeddedDatabase() ? it.skip : it)(
      'cancels a statement that runs longer in the database: TIMEOUT, nothing written, and the next request works',
      async () => {
        const name = unique('Slow agency');
        await app.orm.em.getConnection().execute(`
        create or replace function test_slow_insert() returns trigger language plpgsql as $$
        begin if new.name like 'Slow agency%' then perform pg_sleep(3); end if; return new; end $$;
        drop trigger if exists test_slow_insert on agency;
        create trigger test_slow_insert before insert on agency for each row execute function test_slow_insert();`);
        try {
          const started = Date.now();
          const response = await slow.graphql(
            'mutation($name: String!) { createAgency(input: { name: $name, kind: OTHER }) { id } }',
            { name },
            admin,
          );
          expect(Date.now() - started).toBeLessThan(2_500);
          expect(response.status).toBeLessThan(500);
          expect(response.errors?.[0]).toMatchObject({
            extensions: { code: 'TIMEOUT' },
            message: expect.stringMatching(/took longer than the time limit/),
          });
          expect(
            (await slow.query('query($q: String) { agencies(filter: { q: $q }) { totalCount } }', { q: name }, admin)).agencies.totalCount,
          ).toBe(0);
        } finally {
          await app.orm.em
            .getConnection()
            .execute('drop trigger if exists test_slow_insert on agency; drop function if exists test_slow_insert();');
        }
      },
    );
  });
});
