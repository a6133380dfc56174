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

    const { officer: read } = await app.query(`query($id: ID!) { officer(id: $id) { version } }`, { id: String(officer.id) }, admin);
    await app.query(
      `mutation($id: ID!, $input: UpdateOfficerInput!) { updateOfficer(id: $id, input: $input) { id } }`,
      { id: String(officer.id), input: { version: read.version, agencyId: String(second.id) } },
      admin,
    );

    expect(await agencyOf(before.id)).toBe(String(first.id));
    // Logged after the move: yesterday's work is still the first agency's, today's the second's.
    expect((await logActivity(officer.id, yesterday)).agency.id).toBe(String(first.id));
    expect((await logActivity(officer.id, databaseToday)).agency.id).toBe(String(second.id));
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
