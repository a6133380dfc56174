import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../../server/src/common/actor';
import { DataDirInUseError } from '../../server/src/db/data-dir-lock';
import { openDatabase } from '../../server/src/db/database';
import { startEmbedded } from '../../server/src/db/embedded';
import { openTestDatabase, usingEmbeddedDatabase } from '../support/database';
import { Factory } from '../support/factories';
import { ServerProcess } from '../support/server-process';

const PASSWORD = 'a-long-test-password';
const onServer = !usingEmbeddedDatabase();

async function login(server: ServerProcess, email: string): Promise<string> {
  const answer = await server.graphql<{ login: { token: string } }>(
    `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
    { email, password: PASSWORD },
  );
  if (!answer.data?.login) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.token;
}

/** What the server process does when it is killed, stopped, restarted, or started twice on one DATA_DIR. */
describe('the server process', () => {
  const dataDirs: string[] = [];
  const servers: ServerProcess[] = [];
  const newDataDir = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-process-'));
    dataDirs.push(dataDir);
    return dataDir;
  };
  const start = async (env: Record<string, string>) => {
    const server = await ServerProcess.start(env);
    servers.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of servers) await server.ensureStopped();
    for (const dataDir of dataDirs) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and no half-made one when killed with SIGKILL during a burst of writes', async () => {
    const dataDir = newDataDir();
    const env = { DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@kill.example', ADMIN_PASSWORD: PASSWORD };
    const first = await start(env);
    const token = await login(first, env.ADMIN_EMAIL);
    const agency = await first.graphql(
      `mutation { createAgency(input: { name: "Burst Police Department", kind: MUNICIPAL_POLICE }) { id } }`,
      {},
      token,
    );
    const officer = await first.graphql(
      `mutation($agencyId: ID!) { createOfficer(input: { agencyId: $agencyId, firstName: "Dana", lastName: "Burst", badgeNumber: "B-1", rank: OFFICER }) { id } }`,
      { agencyId: agency.data!.createAgency.id },
      token,
    );
    const officerId = officer.data!.createOfficer.id as string;

    // Eight clients write activities one after another; the process is killed once 40 writes are acknowledged.
    const TOTAL = 400;
    const CLIENTS = 8;
    const KILL_AFTER = 40;
    const acknowledged: string[] = [];
    const client = async (offset: number) => {
      for (let index = offset; index < TOTAL; index += CLIENTS) {
        try {
          const answer = await first.graphql(
            `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
            { input: { officerId, date: '2025-10-01', category: 'MENTORING', durationMinutes: 30, notes: `burst ${index}` } },
            token,
          );
          if (answer.status === 200 && !answer.errors && answer.data?.createActivity)
            acknowledged.push(answer.data.createActivity.id as string);
        } catch {
          // The connection was refused or cut: the process is gone, and this write was not acknowledged.
        }
        if (acknowledged.length >= KILL_AFTER && first.child.signalCode === null) first.signal('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, offset) => client(offset)));
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(TOTAL);

    // The same DATA_DIR starts again: the dead process's lock is taken over and PostgreSQL replays its WAL.
    const second = await start(env);
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
    const again = await login(second, env.ADMIN_EMAIL);
    const found = await second.graphql(
      `query($ids: [ID!]) { activities(filter: { ids: $ids }, perPage: 500) { totalCount } }`,
      { ids: acknowledged },
      again,
    );
    expect(found.data!.activities.totalCount).toBe(acknowledged.length);
    second.signal('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // No half-made change: every activity of the burst has its audit event, and every audit event its activity.
    const database = await openDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 });
    try {
      const connection = database.orm.em.getConnection();
      const activities = (await connection.execute(`select id::text as id from activity where notes like 'burst %'`)).map(
        (row) => row.id as string,
      );
      const audited = (
        await connection.execute(`select entity_id as id from audit_event where entity_type = 'Activity' and action = 'create'`)
      ).map((row) => row.id as string);
      expect(new Set(activities)).toEqual(new Set(audited));
      expect(activities).toHaveLength(new Set(activities).size);
      expect(activities).toEqual(expect.arrayContaining(acknowledged));
    } finally {
      await database.close();
    }
  }, 180_000);

  it('refuses a second process on a DATA_DIR that a server has open, naming the process', async () => {
    const dataDir = newDataDir();
    const server = await start({ DATA_DIR: dataDir });
    await expect(startEmbedded(dataDir)).rejects.toThrow(DataDirInUseError);
    await expect(startEmbedded(dataDir)).rejects.toThrow(`in use by process ${server.child.pid}`);
    // A second server fails to start with that message, and the first one is undisturbed.
    const second = ServerProcess.start({ DATA_DIR: dataDir });
    await expect(second).rejects.toThrow(`in use by process ${server.child.pid}`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    server.signal('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    // Stopped cleanly, it leaves the folder free.
    const embedded = await startEmbedded(dataDir);
    await embedded.stop();
  }, 120_000);

  (onServer ? it : it.skip)(
    `finishes the requests in flight on SIGTERM (one in the database, one waiting for a connection), accepts no new one, then exits 0${onServer ? '' : ' (skipped: needs the PostgreSQL server, set DATABASE_URL)'}`,
    async () => {
      const orm = await openTestDatabase({ poolSize: 2 });
      const holder = orm.em.fork();
      try {
        const factory = new Factory(orm);
        const admin = (await factory.user(Role.ADMIN)).token;
        const officer = await factory.officer(await factory.agency());
        const school = await factory.school();
        // One connection: a second request waits for the pool, as requests do under load.
        const server = await start({ DATABASE_URL: process.env.TEST_DATABASE_URL!, MIGRATE_ON_START: 'false', DATABASE_POOL_SIZE: '1' });

        // Hold the officer's row from another connection: the server's createAssignment waits for it, in flight.
        await holder.begin();
        await holder.execute(`select id from officer where id = ? for update`, [officer.id]);
        const [{ pid: holderPid }] = await holder.execute(`select pg_backend_pid() as pid`);
        const inFlight = server.graphql(
          `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
          { input: { officerId: String(officer.id), schoolId: String(school.id), role: 'PRIMARY', startDate: '2026-09-01', fte: 1 } },
          admin,
        );
        while (
          (await orm.em.fork().execute(`select pid from pg_stat_activity where ? = any(pg_blocking_pids(pid))`, [holderPid])).length === 0
        ) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const waiting = server.graphql(`{ schools(perPage: 1) { totalCount } }`, {}, admin);
        while (!/^sro_db_pool_pending_acquires 1$/m.test(await (await fetch(`${server.url}/metrics`)).text())) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }

        server.signal('SIGTERM');
        await server.waitFor((line) => line.includes('shutting down'));
        // No new connection is accepted while the request in flight finishes.
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
        await holder.commit();

        const answer = await inFlight;
        expect(answer.errors).toBeUndefined();
        expect(answer.status).toBe(200);
        // The request that was still waiting for a connection is served too, before the pool closes.
        const waited = await waiting;
        expect(waited.errors).toBeUndefined();
        expect(waited.data!.schools.totalCount).toEqual(expect.any(Number));
        expect(await server.exited).toEqual({ code: 0, signal: null });
        const [row] = await orm.em.fork().execute(`select officer_id from assignment where id = ?`, [answer.data!.createAssignment.id]);
        expect(row).toEqual({ officer_id: officer.id });
      } finally {
        if (holder.isInTransaction()) await holder.rollback();
        await orm.close();
      }
    },
    120_000,
  );
});
