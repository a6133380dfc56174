import { Role } from '../../server/src/common/actor';
import { DomainError, ERROR_STATUS, ErrorCode } from '../../server/src/common/errors';
import { RequestPipeline } from '../../server/src/common/request-pipeline';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { TcpProxy } from '../support/tcp-proxy';

interface Answer {
  status: number;
  code: string | undefined;
  authenticate: string | null;
  retryAfter: string | null;
}

/** The answer expected of a failure: its status and code, and the headers that say how to authenticate or when to retry. */
const failure = (status: number, code: string, { authenticate = null as string | null, retryAfter = null as string | null } = {}) => ({
  status,
  code,
  authenticate,
  retryAfter,
});

/**
 * One request pipeline (common/request-pipeline.ts): the same failure is the same code and the same HTTP status on
 * /graphql and on an /export route, because both present errors through one mapping and one table (ERROR_STATUS).
 */
describe('the request pipeline: one error-to-status map for /graphql and /export', () => {
  let app: TestApp;
  let admin: string;
  let chief: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
  });
  afterAll(() => app.stop());

  /** A GraphQL request that asks for `application/graphql-response+json`, whose failures have HTTP statuses (GraphQL over HTTP). */
  async function graphql(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
    url = app.url,
    accept = 'application/graphql-response+json',
  ): Promise<Answer> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    return {
      status: response.status,
      code: body.errors?.[0]?.extensions.code,
      authenticate: response.headers.get('www-authenticate'),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  async function download(path: string, token?: string, url = app.url): Promise<Answer> {
    const response = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const text = await response.text();
    const code = response.headers.get('content-type')?.startsWith('application/json')
      ? (JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code
      : undefined;
    return {
      status: response.status,
      code,
      authenticate: response.headers.get('www-authenticate'),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  const ACTIVITIES = `query($filter: ActivityFilter) { activities(filter: $filter, perPage: 1) { totalCount } }`;

  it('answers a caller who is not signed in, or whose token is unknown, 401 UNAUTHENTICATED on both', async () => {
    for (const token of [undefined, 'srs_not-a-real-token']) {
      const expected = failure(401, 'UNAUTHENTICATED', { authenticate: 'Bearer' });
      expect(await graphql(ACTIVITIES, {}, token)).toEqual(expected);
      expect(await download('/export/activities.csv', token)).toEqual(expected);
    }
  });

  it('answers a role the list is not for 403 FORBIDDEN on both', async () => {
    const expected = failure(403, 'FORBIDDEN');
    expect(await graphql('{ users(perPage: 1) { totalCount } }', {}, chief)).toEqual(expected);
    expect(await download('/export/users.csv', chief)).toEqual(expected);
  });

  it('answers a filter that breaks a validation rule 400 BAD_USER_INPUT on both', async () => {
    const filter = { q: 'x'.repeat(201) };
    const expected = failure(400, 'BAD_USER_INPUT');
    expect(await graphql(ACTIVITIES, { filter }, admin)).toEqual(expected);
    expect(await download(`/export/activities.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`, admin)).toEqual(expected);
  });

  it('keeps 200 for an answer with data: a partial result is GraphQL’s, not a failed request', async () => {
    const answer = await graphql('{ me { id } agency(id: "not-an-id") { id } }', {}, admin);
    expect(answer).toEqual(failure(200, 'BAD_USER_INPUT'));
  });

  it('keeps 200 in application/json for an operation that ran and failed, as GraphQL over HTTP asks and the console expects', async () => {
    expect(await graphql(ACTIVITIES, {}, undefined, app.url, 'application/json')).toEqual(failure(200, 'UNAUTHENTICATED'));
    expect(await graphql('{ users(perPage: 1) { totalCount } }', {}, chief, app.url, '*/*')).toEqual(failure(200, 'FORBIDDEN'));
    // A tie is JSON, as Apollo Server chooses its media type; a preference for the GraphQL media type has the status.
    const tie = 'application/json, application/graphql-response+json';
    expect(await graphql(ACTIVITIES, {}, undefined, app.url, tie)).toEqual(failure(200, 'UNAUTHENTICATED'));
    const preferred = 'application/json;q=0.9, application/graphql-response+json';
    expect(await graphql(ACTIVITIES, {}, undefined, app.url, preferred)).toEqual(
      failure(401, 'UNAUTHENTICATED', { authenticate: 'Bearer' }),
    );
  });

  it('answers a throttled sign-in 429 RATE_LIMITED, the status an export gives the same error', async () => {
    const email = `throttled-${Date.now()}@example.org`;
    const login = `mutation($email: String!) { login(email: $email, password: "not the password") { token } }`;
    const attempts: Answer[] = [];
    for (let attempt = 0; attempt < 6; attempt++) attempts.push(await graphql(login, { email }, undefined));
    expect(attempts.slice(0, 5).map((answer) => answer.code)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(attempts[5]).toEqual(failure(429, 'RATE_LIMITED', { retryAfter: expect.stringMatching(/^\d+$/) }));
    // No export signs anyone in: the same error, met at the pipeline's first step, is presented the same way.
    const spy = jest
      .spyOn(RequestPipeline.prototype, 'begin')
      .mockRejectedValue(
        new DomainError(ErrorCode.RATE_LIMITED, 'Too many failed sign-ins: try again in 15 minutes', { retryAfterSeconds: 900 }),
      );
    try {
      expect(await download('/export/activities.csv', admin)).toEqual(failure(429, 'RATE_LIMITED', { retryAfter: '900' }));
    } finally {
      spy.mockRestore();
    }
  });

  // Every code of the table, and an unexpected error (masked as INTERNAL_SERVER_ERROR), met at the first step.
  const FAILURES: [string, unknown, string, number][] = [
    ...Object.entries(ERROR_STATUS).map(([code, status]): [string, unknown, string, number] => [
      code,
      new DomainError(code as ErrorCode, `a ${code} failure`),
      code,
      status,
    ]),
    ['an unexpected error', new Error('a bug'), 'INTERNAL_SERVER_ERROR', 500],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'SERVICE_UNAVAILABLE',
      503,
    ],
  ];
  it.each(FAILURES)('answers %s the same on /graphql, a list export and a report export', async (_failure, error, code, status) => {
    const spy = jest.spyOn(RequestPipeline.prototype, 'begin').mockRejectedValue(error);
    try {
      const answers = [
        await graphql(ACTIVITIES, {}, admin),
        await download('/export/activities.csv', admin),
        await download('/export/coverage.csv', admin),
      ];
      expect(answers.map((answer) => [answer.status, answer.code])).toEqual(Array(3).fill([status, code]));
    } finally {
      spy.mockRestore();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE on both while the database is unreachable', async () => {
    const proxy = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    const cut = await TestApp.start({}, { database: { clientUrl: proxy.url(process.env.TEST_DATABASE_URL!), poolSize: 1 } });
    try {
      proxy.cut();
      const expected = failure(503, 'SERVICE_UNAVAILABLE');
      expect(await graphql(ACTIVITIES, {}, admin, cut.url)).toEqual(expected);
      expect(await download('/export/activities.csv', admin, cut.url)).toEqual(expected);
      expect(await download('/export/staffing.csv', admin, cut.url)).toEqual(expected);
    } finally {
      proxy.restore();
      await cut.stop();
      await proxy.close();
    }
  });
});
