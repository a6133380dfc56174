import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** School years and closures: ADMIN writes them, every signed-in role reads them, and the rules hold in PostgreSQL. */
describe('school calendar', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let chief: string;
  let officer: string;
  // School years are district-wide and never overlap: this file's lie far from any other file's (and from past runs').
  const base = 3000 + (process.pid % 1000) * 3;
  const tag = unique('calendar');

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const agency = await factory.agency();
    admin = (await factory.user(Role.ADMIN)).token;
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    officer = (await factory.user(Role.OFFICER, { officer: await factory.officer(agency) })).token;
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`delete from school_year where first_day between ? and ?`, [`${base}-01-01`, `${base + 2}-12-31`]);
  });
  afterAll(async () => {
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`delete from school_year where name like ?`, [`${tag}%`]);
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`delete from school_closure where reason like ?`, [`${tag}%`]);
    await app.stop();
  });

  const createYear = (input: Record<string, unknown>, token = admin) =>
    app.graphql(
      `mutation($input: CreateSchoolYearInput!) { createSchoolYear(input: $input) { id name firstDay lastDay } }`,
      { input },
      token,
    );
  const createClosure = (input: Record<string, unknown>, token = admin) =>
    app.graphql(
      `mutation($input: CreateSchoolClosureInput!) { createSchoolClosure(input: $input) { id startDate endDate reason districtWide school { id } } }`,
      { input },
      token,
    );

  it('creates a school year that every role reads, and refuses one that overlaps with CONFLICT naming it', async () => {
    const created = await createYear({ name: `${tag} A`, firstDay: `${base}-08-17`, lastDay: `${base + 1}-06-11` });
    expect(created.errors).toBeUndefined();
    const overlap = await createYear({ name: `${tag} B`, firstDay: `${base + 1}-06-01`, lastDay: `${base + 2}-06-10` });
    expect(overlap.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'school_year_no_overlap',
      clashingSchoolYearId: created.data!.createSchoolYear.id,
    });
    for (const token of [admin, chief, officer]) {
      const { schoolYears } = await app.query(
        `query($day: Date) { schoolYears(filter: { includes: $day }) { items { name } totalCount } }`,
        { day: `${base}-12-01` },
        token,
      );
      expect(schoolYears.items).toEqual([{ name: `${tag} A` }]);
    }
  });

  it('refuses a last day before the first with BAD_USER_INPUT, and writes by anyone but ADMIN with FORBIDDEN', async () => {
    const backwards = await createYear({ name: `${tag} C`, firstDay: `${base + 2}-08-17`, lastDay: `${base + 2}-08-16` });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { lastDay: expect.any(Array) } });
    const byChief = await createYear({ name: `${tag} D`, firstDay: `${base + 2}-08-17`, lastDay: `${base + 2}-12-16` }, chief);
    expect(byChief.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const closure = await createClosure({ startDate: `${base}-11-26`, endDate: `${base}-11-27`, reason: `${tag} Thanksgiving` }, officer);
    expect(closure.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('holds school years apart in PostgreSQL for writes that bypass the API', async () => {
    const connection = app.orm.em.fork().getConnection();
    await connection.execute(`insert into school_year (name, first_day, last_day) values (?, ?, ?)`, [
      `${tag} E`,
      `${base + 2}-01-05`,
      `${base + 2}-01-09`,
    ]);
    await expect(
      connection.execute(`insert into school_year (name, first_day, last_day) values (?, ?, ?)`, [
        `${tag} F`,
        `${base + 2}-01-09`,
        `${base + 2}-01-20`,
      ]),
    ).rejects.toThrow(/school_year_no_overlap/);
  });

  it('closes every school or one, and lists the closures that close a school', async () => {
    const school = await factory.school();
    const other = await factory.school();
    const everywhere = await createClosure({ startDate: `${base}-12-21`, endDate: `${base + 1}-01-02`, reason: `${tag} Winter break` });
    expect(everywhere.data!.createSchoolClosure).toMatchObject({ districtWide: true, school: null });
    const one = await createClosure({
      startDate: `${base + 1}-02-03`,
      endDate: `${base + 1}-02-03`,
      schoolId: String(school.id),
      reason: `${tag} Water main`,
    });
    expect(one.data!.createSchoolClosure).toMatchObject({ districtWide: false, school: { id: String(school.id) } });
    const backwards = await createClosure({ startDate: `${base + 1}-02-04`, endDate: `${base + 1}-02-03`, reason: `${tag} Snow` });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { endDate: expect.any(Array) } });
    const closing = async (schoolId: number) =>
      (
        await app.query(
          `query($filter: SchoolClosureFilter) { schoolClosures(filter: $filter, sort: { field: START_DATE }) { items { reason } } }`,
          { filter: { closesSchoolId: String(schoolId), q: tag } },
          officer,
        )
      ).schoolClosures.items.map((closure: { reason: string }) => closure.reason);
    expect(await closing(school.id)).toEqual([`${tag} Winter break`, `${tag} Water main`]);
    expect(await closing(other.id)).toEqual([`${tag} Winter break`]);
  });
});
