import { Role } from '../../server/src/common/actor';
import { addDays } from '../../server/src/common/dates';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/** An activity keeps the agency its officer served on its date: set by PostgreSQL, unmoved by a later transfer. */
describe("an activity's agency", () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let databaseToday: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    // The day the database starts a move (its current_date).
    const [row] = await app.orm.em.fork().getConnection().execute(`select to_char(current_date, 'YYYY-MM-DD') as today`);
    databaseToday = row.today;
  });
  afterAll(() => app.stop());

  const logActivity = async (officerId: number, date: string) =>
    (
      await app.query(
        `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id agency { id } } }`,
        { input: { officerId: String(officerId), date, category: 'MENTORING', durationMinutes: 30 } },
        admin,
      )
    ).createActivity as { id: string; agency: { id: string } };
  const agencyOf = async (activityId: string) =>
    (await app.query(`query($id: ID!) { activity(id: $id) { agency { id } } }`, { id: activityId }, admin)).activity.agency.id;

  it("stays with the officer's agency on its date when the officer moves to another agency", async () => {
    const first = await factory.agency();
    const second = await factory.agency();
    const officer = await factory.officer(first);
    const yesterday = addDays(databaseToday, -1);
    const before = await logActivity(officer.id, yesterday);
    expect(before.agency.id).toBe(String(first.id));

    await moveOfficer(officer.id, second.id);

    expect(await agencyOf(before.id)).toBe(String(first.id));
    // Logged after the move: yesterday's work is still the first agency's, today's the second's.
    expect((await logActivity(officer.id, yesterday)).agency.id).toBe(String(first.id));
    expect((await logActivity(officer.id, databaseToday)).agency.id).toBe(String(second.id));
  });

  const moveOfficer = async (officerId: number, agencyId: number) => {
    const { officer: read } = await app.query(`query($id: ID!) { officer(id: $id) { version } }`, { id: String(officerId) }, admin);
    await app.query(
      `mutation($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { id } }`,
      { id: String(officerId), input: { version: read.version, agencyId: String(agencyId) } },
      admin,
    );
  };

  it("leaves last quarter's byAgency unchanged after a move, and each chief keeps the work done for its agency", async () => {
    const first = await factory.agency();
    const second = await factory.agency();
    const officer = await factory.officer(first);
    await logActivity(officer.id, '2026-07-14');
    await logActivity(officer.id, '2026-09-02');
    const report = async (token: string) =>
      (
        await app.query(
          `query($filter: ActivityReportFilter) { activityReport(from: "2026-07-01", to: "2026-09-30", filter: $filter) {
             byAgency { agency { id } activities minutes } totals { activities } } }`,
          { filter: { officerId: String(officer.id) } },
          token,
        )
      ).activityReport;
    const listed = async (token: string) =>
      (
        await app.query(
          `query($filter: ActivityFilter) { activities(filter: $filter) { totalCount } }`,
          { filter: { officerId: String(officer.id) } },
          token,
        )
      ).activities.totalCount;
    const firstChief = (await factory.user(Role.AGENCY_CHIEF, { agency: first })).token;
    const secondChief = (await factory.user(Role.AGENCY_CHIEF, { agency: second })).token;
    const before = await report(admin);
    expect(before.byAgency).toEqual([{ agency: { id: String(first.id) }, activities: 2, minutes: 60 }]);

    await moveOfficer(officer.id, second.id);

    expect(await report(admin)).toEqual(before);
    expect(await listed(firstChief)).toBe(2);
    expect(await listed(secondChief)).toBe(0);
    expect(
      (await app.query(`query { activities(filter: { agencyId: "${first.id}" }) { totalCount } }`, {}, admin)).activities.totalCount,
    ).toBe(2);
  });

  const transfer = (officerId: number, agencyId: number, effectiveDate: string, token = admin) =>
    app.graphql(
      `mutation($id: ID!, $input: TransferOfficerInput!) { transferOfficer(id: $id, input: $input) { id agency { id } } }`,
      { id: String(officerId), input: { agencyId: String(agencyId), effectiveDate } },
      token,
    );

  it('transferOfficer: dated, re-credits the activities on and after its date, audited, and refuses what it cannot date', async () => {
    const first = await factory.agency();
    const second = await factory.agency();
    const third = await factory.agency();
    const officer = await factory.officer(first);
    const before = await logActivity(officer.id, '2026-08-31');
    const onTheDay = await logActivity(officer.id, '2026-09-01');
    const after = await logActivity(officer.id, '2026-10-15');

    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency: first })).token;
    expect((await transfer(officer.id, second.id, '2026-09-01', chief)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await transfer(officer.id, second.id, addDays(databaseToday, 1))).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await transfer(officer.id, first.id, '2026-09-01')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const moved = await transfer(officer.id, second.id, '2026-09-01');
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transferOfficer.agency.id).toBe(String(second.id));
    expect(await agencyOf(before.id)).toBe(String(first.id));
    expect(await agencyOf(onTheDay.id)).toBe(String(second.id));
    expect(await agencyOf(after.id)).toBe(String(second.id));
    const periods = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select agency_id, start_date::text as start_date, end_date::text as end_date
           from officer_agency_period where officer_id = ? order by start_date`,
        [officer.id],
      );
    expect(periods).toEqual([
      { agency_id: first.id, start_date: '-infinity', end_date: '2026-08-31' },
      { agency_id: second.id, start_date: '2026-09-01', end_date: null },
    ]);
    const { auditEvents } = await app.query(
      `query($filter: AuditEventFilter) { auditEvents(filter: $filter) { items { details changes } } }`,
      { filter: { action: 'transfer', entityType: 'Officer', entityId: String(officer.id) } },
      admin,
    );
    expect(auditEvents.items).toEqual([
      {
        details: { effectiveDate: '2026-09-01', fromAgencyId: first.id, toAgencyId: second.id, activitiesCredited: 2 },
        changes: { agency: { before: first.id, after: second.id } },
      },
    ]);

    // Before the last move: history before it stays as it was.
    const clash = await transfer(officer.id, third.id, '2026-08-15');
    expect(clash.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await agencyOf(before.id)).toBe(String(first.id));
  });

  it('is set by the database whatever a writer sends', async () => {
    const home = await factory.agency();
    const elsewhere = await factory.agency();
    const officer = await factory.officer(home);
    const connection = app.orm.em.fork().getConnection();
    const [inserted] = await connection.execute(
      `insert into activity (officer_id, date, category, duration_minutes, agency_id) values (?, '2026-09-15', 'MENTORING', 30, ?) returning id, agency_id`,
      [officer.id, elsewhere.id],
    );
    expect(inserted.agency_id).toBe(home.id);
    const [updated] = await connection.execute(`update activity set agency_id = ? where id = ? returning agency_id`, [
      elsewhere.id,
      inserted.id,
    ]);
    expect(updated.agency_id).toBe(home.id);
  });
});
