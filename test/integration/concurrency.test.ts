import { Role } from '../../server/src/common/actor';
import { hashPassword } from '../../server/src/modules/auth/passwords';
import { User } from '../../server/src/modules/user/user.entity';
import { TestApp, type GraphQLResponse } from '../support/app';
import { usingEmbeddedDatabase } from '../support/database';
import { Factory } from '../support/factories';

const CLIENTS = 20;
// The embedded database runs one statement at a time: real concurrency needs the PostgreSQL server.
const onServer = !usingEmbeddedDatabase();
const describeOnServer = onServer ? describe : describe.skip;

/**
 * Twenty clients at once, each on its own pooled connection: the assignment rules and optimistic locking hold
 * under real concurrency, and the database never ends up in a state the rules forbid.
 */
describeOnServer(`concurrency on the PostgreSQL server${onServer ? '' : ' (skipped: set DATABASE_URL to run it)'}`, () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start({}, { database: { poolSize: CLIENTS } });
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const sql = (query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);

  /** Sends every request at once and waits for all the answers. */
  const atOnce = (requests: (() => Promise<GraphQLResponse>)[]) => Promise.all(requests.map((send) => send()));

  const createAssignment = (input: Record<string, unknown>) =>
    app.graphql(`mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`, { input }, admin);

  const succeeded = (responses: GraphQLResponse[]) => responses.filter((response) => !response.errors && response.status === 200);
  const conflicts = (responses: GraphQLResponse[], reason?: string) =>
    responses.filter(
      (response) => response.errors?.[0].extensions.code === 'CONFLICT' && (!reason || response.errors[0].extensions.reason === reason),
    );

  /** What the rules forbid never exists, for any officer in the database (checked in SQL, not through the API). */
  async function expectRulesHoldInDatabase() {
    // The summed FTE is a step function that peaks on the first day of some assignment: check those days.
    const overloaded = await sql(
      `select days.officer_id, days.day, sum(other.fte) as fte
         from (select distinct officer_id, start_date as day from assignment) days
         join assignment other
           on other.officer_id = days.officer_id and other.start_date <= days.day and (other.end_date is null or other.end_date >= days.day)
        group by days.officer_id, days.day
       having sum(other.fte) > 1`,
    );
    expect(overloaded).toEqual([]);
    const overlapping = await sql(
      `select first.id as first_id, second.id as second_id
         from assignment first
         join assignment second
           on second.officer_id = first.officer_id and second.id > first.id
          and first.role = 'PRIMARY' and second.role = 'PRIMARY'
          and daterange(first.start_date, first.end_date, '[]') && daterange(second.start_date, second.end_date, '[]')`,
    );
    expect(overlapping).toEqual([]);
  }

  async function officerAndSchools() {
    const officer = await factory.officer(await factory.agency());
    const schools = await Promise.all(Array.from({ length: CLIENTS }, () => factory.school()));
    return { officer, schools };
  }

  it('really runs the requests at the same time (the pool opens more than one connection)', async () => {
    const responses = await atOnce(
      Array.from({ length: CLIENTS }, () => () => app.graphql(`{ schools(perPage: 1) { totalCount } }`, {}, admin)),
    );
    expect(succeeded(responses)).toHaveLength(CLIENTS);
    const pool = app.runtimeOrm.em.getConnection().getKnex().client.pool as { numUsed(): number; numFree(): number };
    expect(pool.numUsed() + pool.numFree()).toBeGreaterThan(1);
  });

  it('lets exactly one of 20 overlapping PRIMARY assignments of one officer through; the others get CONFLICT', async () => {
    const { officer, schools } = await officerAndSchools();
    // 20 x 0.05 FTE = 1.00: only the PRIMARY rule can refuse these.
    const responses = await atOnce(
      schools.map(
        (school, index) => () =>
          createAssignment({
            officerId: String(officer.id),
            schoolId: String(school.id),
            role: 'PRIMARY',
            startDate: `2026-09-${String(1 + index).padStart(2, '0')}`,
            fte: 0.05,
          }),
      ),
    );
    expect(succeeded(responses)).toHaveLength(1);
    expect(conflicts(responses, 'assignment_primary_no_overlap')).toHaveLength(CLIENTS - 1);
    expect((await sql(`select count(*)::int as n from assignment where officer_id = ?`, [officer.id]))[0].n).toBe(1);
    await expectRulesHoldInDatabase();
  });

  it('lets exactly one of 20 assignments of 0.60 FTE for one officer through; the others get CONFLICT', async () => {
    const { officer, schools } = await officerAndSchools();
    const responses = await atOnce(
      schools.map(
        (school, index) => () =>
          createAssignment({
            officerId: String(officer.id),
            schoolId: String(school.id),
            role: index % 2 ? 'SECONDARY' : 'BACKUP',
            startDate: '2026-09-01',
            endDate: `2026-10-${String(1 + index).padStart(2, '0')}`,
            fte: 0.6,
          }),
      ),
    );
    expect(succeeded(responses)).toHaveLength(1);
    expect(conflicts(responses, 'assignment_fte_total')).toHaveLength(CLIENTS - 1);
    await expectRulesHoldInDatabase();
  });

  it('adds FTE up exactly under concurrency: four of 20 assignments of 0.25 FTE fit, the other 16 get CONFLICT', async () => {
    const { officer, schools } = await officerAndSchools();
    const responses = await atOnce(
      schools.map(
        (school) => () =>
          createAssignment({
            officerId: String(officer.id),
            schoolId: String(school.id),
            role: 'SECONDARY',
            startDate: '2026-09-01',
            fte: 0.25,
          }),
      ),
    );
    expect(succeeded(responses)).toHaveLength(4);
    expect(conflicts(responses, 'assignment_fte_total')).toHaveLength(CLIENTS - 4);
    const [{ total }] = await sql(`select sum(fte)::float as total from assignment where officer_id = ?`, [officer.id]);
    expect(total).toBe(1);
    await expectRulesHoldInDatabase();
  });

  it('does not make writers for different officers wait for or fail each other', async () => {
    const agency = await factory.agency();
    const officers = await Promise.all(Array.from({ length: CLIENTS }, () => factory.officer(agency)));
    const school = await factory.school();
    const responses = await atOnce(
      officers.map(
        (officer) => () =>
          createAssignment({
            officerId: String(officer.id),
            schoolId: String(school.id),
            role: 'PRIMARY',
            startDate: '2026-09-01',
            fte: 1,
          }),
      ),
    );
    expect(succeeded(responses)).toHaveLength(CLIENTS);
  });

  it('lets exactly one of 20 updates with the same version win; the others get CONFLICT STALE_VERSION', async () => {
    const school = await factory.school();
    const responses = await atOnce(
      Array.from(
        { length: CLIENTS },
        (_, index) => () =>
          app.graphql(
            `mutation($id: ID!, $enrollment: Int!) { updateSchool(id: $id, input: { version: 1, enrollment: $enrollment }) { enrollment version } }`,
            { id: String(school.id), enrollment: 500 + index },
            admin,
          ),
      ),
    );
    const winners = succeeded(responses);
    expect(winners).toHaveLength(1);
    expect(conflicts(responses, 'STALE_VERSION')).toHaveLength(CLIENTS - 1);
    const [row] = await sql(`select enrollment, version from school where id = ?`, [school.id]);
    expect(row).toEqual({ enrollment: winners[0].data!.updateSchool.enrollment, version: 2 });
    const [{ n }] = await sql(
      `select count(*)::int as n from audit_event where entity_type = 'School' and entity_id = ? and action = 'update'`,
      [String(school.id)],
    );
    expect(n).toBe(1);
  });

  it('lets exactly one of 20 assignment updates with the same version win, through the officer lock', async () => {
    const { officer, schools } = await officerAndSchools();
    const assignment = await factory.assignment(officer, schools[0], { role: 'SECONDARY' as never, startDate: '2026-09-01', fte: 0.2 });
    const responses = await atOnce(
      Array.from(
        { length: CLIENTS },
        (_, index) => () =>
          app.graphql(
            `mutation($id: ID!, $fte: Float!) { updateAssignment(id: $id, input: { version: 1, fte: $fte }) { fte version } }`,
            { id: String(assignment.id), fte: (21 + index) / 100 },
            admin,
          ),
      ),
    );
    expect(succeeded(responses)).toHaveLength(1);
    expect(conflicts(responses, 'STALE_VERSION')).toHaveLength(CLIENTS - 1);
    await expectRulesHoldInDatabase();
  });

  it('verifies at most 5 of 25 wrong passwords sent at once for one account on a pool of 20; the others are RATE_LIMITED unverified', async () => {
    const { user } = await factory.user(Role.ANALYST);
    await app.orm.em.fork().nativeUpdate(User, { id: user.id }, { passwordHash: await hashPassword('the right password') });
    const guesses = 25;
    const responses = await atOnce(
      Array.from(
        { length: guesses },
        (_, index) => () =>
          app.graphql(
            `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
            {
              email: user.email,
              password: `wrong guess ${index}`,
            },
            undefined,
            { 'x-forwarded-for': '203.0.113.99' },
          ),
      ),
    );
    const codes = responses.map((response) => response.errors?.[0].extensions.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(guesses - 5);
    const [{ verified }] = await sql(`select count(*)::int as verified from audit_event where action = 'login_failure' and entity_id = ?`, [
      String(user.id),
    ]);
    expect(verified).toBe(5);
  });
});
