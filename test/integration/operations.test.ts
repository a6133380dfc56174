import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { Role } from '../../server/src/common/actor';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { migrate, openDatabase } from '../../server/src/db/database';
import { inputTextPlugin } from '../../server/src/graphql/input-text.plugin';
import { createLogger } from '../../server/src/logger';
import { Metrics } from '../../server/src/monitoring/metrics';
import { ensureAdmin } from '../../server/src/modules/user/first-admin';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** Captures a logger's JSON lines. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    lines,
    log: createLogger({ logLevel: 'debug' }, stream),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, any>),
  };
}

/** Health, readiness, metrics and the request log: what operators watch. */
describe('operations', () => {
  describe('/healthz and /readyz', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start();
    });
    afterAll(() => app.stop());

    it('answers /healthz with 200 and /readyz with 200 when the database answers and every migration is applied', async () => {
      const health = await fetch(`${app.url}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${app.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    });

    it('answers /readyz with 503 while migrations are pending, and 200 once they are applied', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-readyz-'));
      const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dataDir });
      const unmigrated = await createApp(config, database, createLogger(config));
      const server = unmigrated.express.listen(0, '127.0.0.1');
      try {
        await new Promise((resolve) => server.once('listening', resolve));
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const pending = await fetch(`${url}/readyz`);
        expect(pending.status).toBe(503);
        expect(await pending.json()).toMatchObject({
          status: 'migrations pending',
          pending: expect.arrayContaining([expect.stringMatching(/^Migration/)]),
        });
        await migrate(database.orm);
        expect((await fetch(`${url}/readyz`)).status).toBe(200);
      } finally {
        await new Promise((resolve) => server.close(resolve));
        await unmigrated.stop();
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  });

  describe('/metrics', () => {
    let app: TestApp;
    let admin: string;
    beforeAll(async () => {
      app = await TestApp.start();
      admin = (await new Factory(app.orm).user(Role.ADMIN)).token;
    });
    afterAll(() => app.stop());

    const scrape = async () => {
      const response = await fetch(`${app.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    };
    /** The value of one series, 0 when it is absent. */
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
      return line ? Number(line.slice(series.length + 1)) : 0;
    };

    it('counts requests and their latency by GraphQL operation, and errors by code', async () => {
      const before = await scrape();
      const requests = 'sro_http_requests_total{method="POST",route="/graphql",operation="SchoolCount",status="200"}';
      const unauthenticated = 'sro_graphql_errors_total{code="UNAUTHENTICATED"}';
      const invalid = 'sro_graphql_errors_total{code="GRAPHQL_PARSE_FAILED"}';
      await app.graphql(`query SchoolCount { schools(perPage: 1) { totalCount } }`, {}, admin);
      await app.graphql(`query SchoolCount { schools(perPage: 1) { totalCount } }`, {}, admin);
      await app.graphql(`query SchoolCount { schools(perPage: 1) { totalCount } }`);
      await app.graphql(`query { schools( }`, {}, admin);
      const after = await scrape();
      // A GraphQL error is still an HTTP 200: the unauthenticated one counts here too, and under its code below.
      expect(value(after, requests) - value(before, requests)).toBe(3);
      expect(value(after, 'sro_http_request_duration_seconds_count{route="/graphql",operation="SchoolCount"}')).toBeGreaterThanOrEqual(3);
      expect(after).toMatch(/^sro_http_request_duration_seconds_bucket\{le="0\.1",route="\/graphql",operation="SchoolCount"\} \d+$/m);
      expect(value(after, unauthenticated) - value(before, unauthenticated)).toBe(1);
      expect(value(after, invalid) - value(before, invalid)).toBe(1);
      expect(after).toMatch(/^sro_http_requests_total\{method="POST",route="\/graphql",operation="invalid",status="400"\} \d+$/m);
    });

    it('counts other routes by their path, with a bounded set of labels', async () => {
      await fetch(`${app.url}/healthz`);
      await fetch(`${app.url}/no/such/page/${unique('x').replace(/\W/g, '')}`, { method: 'POST' });
      const text = await scrape();
      expect(value(text, 'sro_http_requests_total{method="GET",route="/healthz",operation="",status="200"}')).toBeGreaterThanOrEqual(1);
      expect(value(text, 'sro_http_requests_total{method="POST",route="other",operation="",status="404"}')).toBeGreaterThanOrEqual(1);
      expect(text).not.toMatch(/no\/such\/page/);
    });

    it('reports the database pool and the process', async () => {
      const text = await scrape();
      expect(text).toMatch(/^sro_db_pool_connections\{state="used"\} \d+$/m);
      expect(text).toMatch(/^sro_db_pool_connections\{state="free"\} \d+$/m);
      expect(text).toMatch(/^sro_db_pool_pending_acquires \d+$/m);
      expect(value(text, 'sro_db_pool_max')).toBe(1);
      expect(text).toMatch(/^process_cpu_user_seconds_total [\d.e+-]+$/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds [\d.e+-]+$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    });

    it('counts at most 200 distinct operation names, then "other": clients cannot grow the metrics without end', async () => {
      const metrics = new Metrics(app.orm);
      for (let index = 0; index < 250; index++) {
        metrics.observe({ method: 'POST', route: '/graphql', operation: `Operation${index}`, status: 200, seconds: 0.01 });
      }
      const { body } = await metrics.render();
      const names = new Set([...body.matchAll(/^sro_http_requests_total\{[^}]*operation="([^"]*)"/gm)].map((match) => match[1]));
      expect(names.size).toBe(201);
      expect(names).toContain('other');
      expect(value(body, 'sro_http_requests_total{method="POST",route="/graphql",operation="other",status="200"}')).toBe(50);
    });

    it('asks for the bearer token when METRICS_TOKEN is set', async () => {
      const guarded = await TestApp.start({ METRICS_TOKEN: 'a-metrics-token-0123456789' });
      try {
        const anonymous = await fetch(`${guarded.url}/metrics`);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await anonymous.text()).not.toMatch(/sro_/);
        const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-0123456780' } });
        expect(wrong.status).toBe(401);
        const right = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-0123456789' } });
        expect(right.status).toBe(200);
        expect(await right.text()).toMatch(/^sro_http_requests_total/m);
      } finally {
        await guarded.stop();
      }
    });
  });

  describe('the request log', () => {
    it('writes one JSON line per request with request id, user, operation, status and duration, and never a password or a token', async () => {
      const capture = logCapture();
      const app = await TestApp.start({}, { log: capture.log });
      try {
        const email = `${unique('log').replace(/\W/g, '.')}@example.org`;
        const password = `Pw-${unique('secret').replace(/\W/g, '')}`;
        await ensureAdmin(app.orm.em.fork(), email, password);
        const apiToken = (await new Factory(app.orm).user(Role.ANALYST)).token;

        const wrong = await app.graphql(
          `mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
          {
            email,
            password: `${password}-wrong`,
          },
        );
        expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
        const signedIn = await app.graphql<{ login: { token: string; user: { id: string } } }>(
          `mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`,
          { email, password },
        );
        const sessionToken = signedIn.data!.login.token;
        const me = await app.graphql(`query WhoAmI { me { id } }`, {}, sessionToken);
        expect(me.errors).toBeUndefined();
        await app.graphql(`query Lists { schools(perPage: 1) { totalCount } }`, {}, apiToken);
        // A password in a URL (GraphQL over GET) must not reach the log either.
        await fetch(
          `${app.url}/graphql?query=${encodeURIComponent(`mutation { login(email: "${email}", password: "${password}") { token } }`)}`,
        );
        await fetch(`${app.url}/healthz`, { headers: { authorization: `Bearer ${sessionToken}`, cookie: `sro_session=${sessionToken}` } });

        const everything = capture.lines.join('\n');
        expect(everything).not.toContain(password);
        expect(everything).not.toContain(sessionToken);
        expect(everything).not.toContain(apiToken);

        const requests = capture.entries().filter((entry) => entry.msg === 'request');
        const whoAmI = requests.find((entry) => entry.operation === 'WhoAmI');
        expect(whoAmI).toEqual(
          expect.objectContaining({
            level: 30,
            requestId: me.headers.get('x-request-id'),
            userId: Number(signedIn.data!.login.user.id),
            operation: 'WhoAmI',
            operationType: 'query',
            method: 'POST',
            route: '/graphql',
            status: 200,
            durationMs: expect.any(Number),
          }),
        );
        expect(requests.filter((entry) => entry.operation === 'SignIn').map((entry) => entry.userId)).toEqual([null, null]);
        expect(requests.find((entry) => entry.route === '/healthz')).toMatchObject({ level: 20, status: 200 });
      } finally {
        await app.stop();
      }
    });

    it('names the request id in the masked message of an unexpected error outside a resolver, and logs the error under it', async () => {
      const capture = logCapture();
      const app = await TestApp.start({}, { log: capture.log });
      // A bug in a plugin: an error no resolver saw, masked by Apollo's formatError.
      const spy = jest.spyOn(inputTextPlugin, 'requestDidStart').mockResolvedValue({
        didResolveOperation: async () => {
          throw new Error('a bug in a plugin');
        },
      });
      try {
        const response = await app.graphql(`{ __typename }`);
        const requestId = response.headers.get('x-request-id');
        expect(response.status).toBe(500);
        expect(response.errors).toEqual([
          { message: `Internal server error (request ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } },
        ]);
        const logged = capture.entries().find((entry) => entry.msg === 'unexpected error outside a resolver');
        expect(logged).toMatchObject({ requestId, err: { message: 'a bug in a plugin' } });
      } finally {
        spy.mockRestore();
        await app.stop();
      }
    });
  });
});
