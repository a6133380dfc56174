import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { openRuntimeDatabase, runtimeLoginProblem } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/database';
import { Session } from '../../server/src/modules/auth/session.entity';
import { hashToken } from '../../server/src/modules/auth/tokens';
import { ensureAdmin } from '../../server/src/modules/user/first-admin';
import { TestApp } from '../support/app';
import { runtimeUrl, usingEmbeddedDatabase } from '../support/database';
import { Factory, unique } from '../support/factories';

// An injected statement gets PostgreSQL's "permission denied" (insufficient_privilege).
const REFUSED = '42501';

/** The roles a request's transaction acts as (common/row-security.ts), and their group. */
const REACHABLE = ['sro_admin', 'sro_analyst', 'sro_app', 'sro_chief', 'sro_officer', 'sro_signin'];

/** What an injection would try against the audit trail and row security, whatever role it acts as. */
const AGAINST_ANY_ROLE = [
  'truncate audit_event',
  'delete from audit_event',
  'update audit_event set action = action',
  'alter table audit_event disable trigger audit_event_append_only',
  'alter table app_user disable row level security',
  'drop table audit_event',
  `copy (select 1) to program 'true'`,
];

/** Runs `statements` in a transaction that is rolled back, on one of `orm`'s connections; returns the SQLSTATE, or 'ok'. */
async function attempt(orm: MikroORM, statements: string): Promise<string> {
  const knex = orm.em.getConnection().getKnex();
  try {
    await knex.transaction(async (transaction) => {
      await transaction.raw(statements);
      throw new Error('ok');
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return code ?? message;
  }
  return 'no answer';
}

async function rows<T>(orm: MikroORM, sql: string): Promise<T[]> {
  return orm.em.fork().getConnection().execute<T[]>(sql);
}

// The embedded database has only its superuser's session (docs/deployment.md); its runtime is tested below.
(usingEmbeddedDatabase() ? describe.skip : describe)('the runtime login on a PostgreSQL server', () => {
  let app: TestApp;
  let owner: string;

  beforeAll(async () => {
    // Small cells shown, so that a chief's district-wide figures of one officer are there to compare.
    app = await TestApp.start({ SMALL_CELL_MIN_OFFICERS: '1', SMALL_CELL_MIN_ACTIVITIES: '1' });
    [{ owner }] = await rows<{ owner: string }>(app.orm, 'select current_user as owner');
  });
  afterAll(() => app.stop());

  it('is a login that is no superuser, has no attribute to bypass row security, owns nothing and inherits nothing', async () => {
    const [login] = await rows<Record<string, unknown>>(
      app.runtimeOrm,
      `select session_user::text as name, r.rolsuper, r.rolbypassrls, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
         (select count(*)::int from pg_class c where c.relowner = r.oid) as owned,
         (select d.datdba = r.oid from pg_database d where d.datname = current_database()) as owns_database
       from pg_roles r where r.rolname = session_user`,
    );
    expect(login).toEqual({
      name: 'sro_runtime',
      rolsuper: false,
      rolbypassrls: false,
      rolinherit: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      owned: 0,
      owns_database: false,
    });
    expect(await runtimeLoginProblem(app.runtimeOrm)).toBeNull();
    // The owner's login, still allowed for compatibility, is named at start as the problem it is.
    expect(await runtimeLoginProblem(app.orm)).toMatch(/^DATABASE_URL logs in as .+: requests act as sro_runtime by SET ROLE/);
  });

  it('opens the server as the owner for migrations, then as the runtime; an owner DATABASE_URL alone switches to sro_runtime', async () => {
    const config = { dataDir: '', databasePoolSize: 1 };
    const ownerUrl = process.env.TEST_DATABASE_URL!;
    const logins = async (databaseUrl: string, migrationDatabaseUrl: string) => {
      let migrating = '';
      const database = await openRuntimeDatabase({ ...config, databaseUrl, migrationDatabaseUrl }, async (orm) => {
        [{ migrating }] = await rows<{ migrating: string }>(orm, 'select current_user as migrating');
      });
      try {
        const [serving] = await rows<{ current_user: string; session_user: string }>(database.orm, 'select current_user, session_user');
        return { migrating, ...serving, refused: await attempt(database.orm, 'select password_hash from app_user') };
      } finally {
        await database.close();
      }
    };
    expect(await logins(runtimeUrl(ownerUrl), ownerUrl)).toEqual({
      migrating: owner,
      current_user: 'sro_runtime',
      session_user: 'sro_runtime',
      refused: REFUSED,
    });
    expect(await logins(ownerUrl, ownerUrl)).toEqual({
      migrating: owner,
      current_user: 'sro_runtime',
      session_user: owner,
      refused: REFUSED,
    });
  });

  it('may act only as the request roles and the sign-in role (and sro_app, their group)', async () => {
    const roles = await rows<{ rolname: string }>(
      app.runtimeOrm,
      `select rolname from pg_roles where rolname <> session_user and pg_has_role(session_user, oid, 'MEMBER') order by rolname`,
    );
    expect(roles.map((role) => role.rolname)).toEqual(REACHABLE);
  });

  it('holds no privilege of its own on any table but the list of migrations, column or sequence, and may run only the credential functions', async () => {
    const [held] = await rows<{ tables: string[] | null; sequences: string[] | null; functions: string[] }>(
      app.runtimeOrm,
      `select
         (select array_agg(c.relname::text order by c.relname) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v', 'm', 'p')
            and (has_table_privilege(session_user, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
              or has_any_column_privilege(session_user, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))) as tables,
         (select array_agg(c.relname::text order by c.relname) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
            and has_sequence_privilege(session_user, c.oid, 'USAGE, SELECT, UPDATE')) as sequences,
         (select array_agg(p.proname::text order by p.proname) from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef
            and has_function_privilege(session_user, p.oid, 'EXECUTE')) as functions`,
    );
    expect(held).toEqual({
      // Read by /readyz; nothing else.
      tables: ['mikro_orm_migrations'],
      sequences: null,
      functions: [
        'sro_api_token_by_token',
        'sro_officer_by_token',
        'sro_session_by_token',
        'sro_touch_api_token',
        'sro_touch_session',
        'sro_user_by_token',
      ],
    });
  });

  it.each([
    'select password_hash from app_user',
    'select token_hash from session',
    'select count(*) from audit_event',
    "insert into audit_event (actor_label, action, request_id) values ('injected', 'injected', 'injected')",
    ...AGAINST_ANY_ROLE,
  ])('refuses, at rest and after RESET ROLE in a request: %s', async (statement) => {
    expect(await attempt(app.runtimeOrm, statement)).toBe(REFUSED);
    const inRequest = `select set_config('role', 'sro_admin', true), set_config('sro.role', 'ADMIN', true); reset role; ${statement}`;
    expect(await attempt(app.runtimeOrm, inRequest)).toBe(REFUSED);
  });

  it('cannot become the owner or another login', async () => {
    expect(await attempt(app.runtimeOrm, `set role "${owner}"`)).toBe(REFUSED);
    expect(await attempt(app.runtimeOrm, `set session authorization "${owner}"`)).toBe(REFUSED);
    expect(await attempt(app.runtimeOrm, `select set_config('role', '${owner}', true)`)).toBe(REFUSED);
    expect(await attempt(app.runtimeOrm, `set role sro_admin; set role "${owner}"`)).toBe(REFUSED);
  });

  it.each(REACHABLE.flatMap((role) => AGAINST_ANY_ROLE.map((statement) => [role, statement])))(
    'refuses, acting as %s: %s',
    async (role, statement) => {
      expect(await attempt(app.runtimeOrm, `set local role ${role}; ${statement}`)).toBe(REFUSED);
      // The same role reads the trail (its policies choose the rows): the refusal is the statement's.
      expect(await attempt(app.runtimeOrm, `set local role ${role}; select count(*) from audit_event`)).toBe('ok');
    },
  );

  it('serves requests: sign-in, reads, writes with their audit events, a CSV export and its last use, a chief district-wide', async () => {
    const factory = new Factory(app.orm);
    const email = `${unique('admin').replace(/\s/g, '.')}@example.org`;
    await ensureAdmin(app.orm.em.fork(), email, 'a long runtime password');
    const { token } = (
      await app.query(`mutation($email: String!) { login(email: $email, password: "a long runtime password") { token } }`, { email })
    ).login;
    const name = unique('Runtime Police Department');
    const created = await app.query(
      `mutation($name: String!) { createAgency(input: { name: $name, kind: MUNICIPAL_POLICE }) { id name } }`,
      { name },
      token,
    );
    expect(created.createAgency.name).toBe(name);
    const [{ n }] = await rows<{ n: number }>(
      app.orm,
      `select count(*)::int as n from audit_event where action = 'create' and entity_type = 'Agency' and entity_id = '${created.createAgency.id}'`,
    );
    expect(n).toBe(1);

    // A chief reads other agencies' activity only as district-wide figures, which run as sro_analyst.
    const [own, other] = [await factory.agency(), await factory.agency()];
    const [ownOfficer, otherOfficer] = [await factory.officer(own), await factory.officer(other)];
    await factory.activity(ownOfficer, null, { date: '2026-09-15' });
    await factory.activity(otherOfficer, null, { date: '2026-09-15' });
    await factory.activity(otherOfficer, null, { date: '2026-09-16' });
    const chief = await factory.user(Role.AGENCY_CHIEF, { agency: own });
    const report = await app.query(
      `{ activityReport(from: "2026-09-01", to: "2026-09-30") { totals { activities } byAgency { agency { id } activities } } }`,
      {},
      chief.token,
    );
    const byAgency = Object.fromEntries(
      report.activityReport.byAgency.map((row: { agency: { id: string }; activities: number }) => [row.agency.id, row.activities]),
    );
    expect(report.activityReport.totals.activities).toBe(1);
    expect([byAgency[own.id], byAgency[other.id]]).toEqual([1, 2]);

    // A CSV export checks its token outside any transaction, as sro_runtime itself, and records its last use.
    await app.orm.em
      .fork()
      .nativeUpdate(Session, { tokenHash: hashToken(chief.token) }, { lastUsedAt: new Date(Date.now() - 10 * 60_000) });
    const csv = await fetch(`${app.url}/export/activity.csv?from=2026-09-01&to=2026-09-30`, {
      headers: { authorization: `Bearer ${chief.token}` },
    });
    expect(csv.status).toBe(200);
    await csv.text();
    const session = await app.orm.em.fork().findOneOrFail(Session, { tokenHash: hashToken(chief.token) });
    expect(Date.now() - session.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });
});

/**
 * The embedded database (PGlite) is PostgreSQL in single-user mode: its one session is the superuser's, whatever
 * user a connection names. The runtime acts as sro_runtime by SET ROLE, so the application's own statements get
 * the same privileges as on a server, but RESET ROLE returns to the superuser (docs/deployment.md).
 */
describe('the runtime on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-runtime-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates as the owner, then acts as sro_runtime, which may read nothing; RESET ROLE is the documented limit', async () => {
    const database = await openRuntimeDatabase({ databaseUrl: undefined, dataDir, databasePoolSize: 1 }, async (owner) => {
      expect((await migrate(owner)).length).toBeGreaterThan(0);
    });
    try {
      const [who] = await rows<{ current_user: string; session_user: string }>(database.orm, 'select current_user, session_user');
      expect(who).toEqual({ current_user: 'sro_runtime', session_user: 'postgres' });
      for (const statement of ['select password_hash from app_user', ...AGAINST_ANY_ROLE]) {
        expect([statement, await attempt(database.orm, statement)]).toEqual([statement, REFUSED]);
      }
      // What a server's non-superuser login would refuse, PGlite's superuser session allows.
      expect(await attempt(database.orm, 'reset role; select count(*) from app_user')).toBe('ok');
    } finally {
      await database.close();
    }
  });
});
