import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { openTestDatabase, usingEmbeddedDatabase } from '../support/database';
import { Factory } from '../support/factories';
import { TcpProxy } from '../support/tcp-proxy';

const onServer = !usingEmbeddedDatabase();
// These need a second connection that holds locks and terminates backends: the embedded database has one backend.
const itOnServer = (title: string, test: () => Promise<void>) =>
  onServer ? it(title, test) : it.skip(`${title} (skipped: needs the PostgreSQL server, set DATABASE_URL)`, test);

/**
 * The database going away: the app reaches it through a proxy that the test can cut, so the database itself (which
 * other test files share) is never stopped. A request meets SERVICE_UNAVAILABLE (HTTP 503) with a plain message,
 * /readyz says 503, and once the database is back the same app answers again, without a restart.
 */
describe('the database going away', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_DATABASE_URL!);
    app = await TestApp.start({}, { database: { clientUrl: proxy.url(process.env.TEST_DATABASE_URL!), poolSize: onServer ? 4 : 1 } });
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(async () => {
    await app.stop();
    await proxy.close();
  });
  afterEach(() => proxy.restore());

  const schoolCount = () => app.graphql(`query Schools { schools(perPage: 1) { totalCount } }`, {}, admin);
  const readyz = async () => {
    const response = await fetch(`${app.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { status: string } };
  };

  /** An answer that names the outage in plain words and leaks nothing of the database's own message. */
  function expectCleanUnavailable(response: Awaited<ReturnType<TestApp['graphql']>>) {
    expect(response.status).toBe(503);
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(response.errors![0].message).toMatch(/try again/);
    expect(JSON.stringify(response.errors)).not.toMatch(/select|insert|update|terminat|ECONN|knex|stack/i);
  }

  it('answers /readyz 503 and every GraphQL request SERVICE_UNAVAILABLE while the database is unreachable, and recovers without a restart', async () => {
    expect((await readyz()).status).toBe(200);
    expect((await schoolCount()).errors).toBeUndefined();

    proxy.cut();
    expect(await readyz()).toEqual({ status: 503, body: { status: 'database unreachable' } });
    // The process itself is fine: liveness does not depend on the database.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    // Signed in: the token cannot be checked.
    expectCleanUnavailable(await schoolCount());
    // Not signed in: the transaction cannot be opened.
    expectCleanUnavailable(await app.graphql(`mutation { login(email: "nobody@example.org", password: "not-a-real-password") { token } }`));
    // A CSV export says the same.
    const csv = await fetch(`${app.url}/export/coverage.csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(503);
    expect(((await csv.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    proxy.restore();
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready' } });
    const answer = await schoolCount();
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.schools.totalCount).toEqual(expect.any(Number));
  });

  itOnServer('answers a request whose connection is terminated mid-flight with SERVICE_UNAVAILABLE, then serves the next one', async () => {
    const direct: MikroORM = await openTestDatabase({ poolSize: 2 });
    const holder = direct.em.fork();
    try {
      const school = await factory.school();
      const update = (enrollment: number, version: number) =>
        app.graphql(
          `mutation($id: ID!, $enrollment: Int!, $version: Int!) { updateSchool(id: $id, input: { version: $version, enrollment: $enrollment }) { enrollment version } }`,
          { id: String(school.id), enrollment, version },
          admin,
        );
      // Hold the school's row from another connection, so that the app's update waits inside its transaction.
      await holder.begin();
      await holder.execute(`select id from school where id = ? for update`, [school.id]);
      const [{ pid: holderPid }] = await holder.execute(`select pg_backend_pid() as pid`);
      const pending = update(777, 1);
      let blocked: { pid: number }[] = [];
      while (blocked.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        blocked = await direct.em.fork().execute(`select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))`, [holderPid]);
      }
      // What an administrator, a failover or a crashed server does to the app's connection.
      await direct.em.fork().execute(`select pg_terminate_backend(?)`, [blocked[0].pid]);
      expectCleanUnavailable(await pending);
      await holder.rollback();

      // The pool replaced the broken connection: the same app, unrestarted, does the update now.
      const retried = await update(778, 1);
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.updateSchool).toEqual({ enrollment: 778, version: 2 });
    } finally {
      if (holder.isInTransaction()) await holder.rollback();
      await direct.close();
    }
  });

  itOnServer('serves the next request when the pool’s idle connections were terminated between requests', async () => {
    const direct = await openTestDatabase();
    try {
      expect((await schoolCount()).errors).toBeUndefined();
      const ports = proxy.upstreamPorts();
      expect(ports.length).toBeGreaterThan(0);
      const terminated = await direct.em
        .fork()
        .execute(
          `select pg_terminate_backend(pid) as done from pg_stat_activity where client_port in (${ports.map(() => '?').join(', ')})`,
          ports,
        );
      expect(terminated.length).toBe(ports.length);
      // Wait until the server has ended those backends (their sockets are closed from its side).
      const sql = `select count(*)::int as n from pg_stat_activity where client_port in (${ports.map(() => '?').join(', ')})`;
      while ((await direct.em.fork().execute(sql, ports))[0].n > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      // The first request may meet a connection that died while idle (answered SERVICE_UNAVAILABLE); never worse.
      const first = await schoolCount();
      if (first.errors) expectCleanUnavailable(first);
      const second = await schoolCount();
      expect(second.errors).toBeUndefined();
    } finally {
      await direct.close();
    }
  });
});
