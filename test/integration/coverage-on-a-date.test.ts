import { Role } from '../../server/src/common/actor';
import { addDays } from '../../server/src/common/dates';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';
import { parseCsv } from './reports-export-csv';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
/** The first Monday to Friday on or after `date`. */
const schoolDayFrom = (date: string): string => (weekday(date) === 0 || weekday(date) === 6 ? schoolDayFrom(addDays(date, 1)) : date);

/** coverageReport(date) tells what is true on the date: absences, substitutes and the school calendar. */
describe('coverage on a date', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let otherChief: string;
  let officerToken: string;
  let agency: Agency;
  const tag = unique('coverage-calendar');
  // Far from every other test file's dates: school years and district-wide closures are the whole district's.
  const year = 2150 + (process.pid % 400) * 2;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    agency = await factory.agency();
    otherChief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
    officerToken = (await factory.user(Role.OFFICER, { officer: await factory.officer(agency) })).token;
    const connection = app.orm.em.fork().getConnection();
    await connection.execute(`delete from school_year where first_day between ? and ?`, [`${year}-01-01`, `${year + 1}-12-31`]);
  });
  afterAll(async () => {
    const connection = app.orm.em.fork().getConnection();
    await connection.execute(`delete from school_year where name like ?`, [`${tag}%`]);
    await connection.execute(`delete from school_closure where reason like ?`, [`${tag}%`]);
    await app.stop();
  });

  const coverage = async (date: string, token = admin) => {
    const response = await app.graphql(
      `query($date: Date, $filter: CoverageFilter) { coverageReport(date: $date, filter: $filter) {
        summary { officers totalFte byStatus { covered partial uncovered noSchool } }
        schools { school { id } status totalFte
          officers { assignmentId officer { id } substituteFor { id } }
          absent { assignmentId officer { id } substitutedBy { id } } } } }`,
      { date, filter: { agencyId: String(agency.id) } },
      token,
    );
    return response;
  };
  const schoolOn = async (schoolId: number, date: string, token = admin) => {
    const response = await coverage(date, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.coverageReport.schools.find((entry: { school: { id: string } }) => entry.school.id === String(schoolId));
  };
  const absence = (input: Record<string, unknown>) =>
    app.query(`mutation($input: CreateOfficerAbsenceInput!) { createOfficerAbsence(input: $input) { id } }`, { input }, admin);

  it('leaves a school UNCOVERED on the day its PRIMARY officer is away, and COVERED the day after', async () => {
    const officer = await factory.officer(agency);
    const school = await factory.school();
    const assignment = await factory.assignment(officer, school, { startDate: '2140-01-01', endDate: null, fte: 1 });
    await absence({ officerId: String(officer.id), startDate: '2140-03-07', endDate: '2140-03-07', reason: 'COURT' });

    expect(await schoolOn(school.id, '2140-03-07')).toEqual({
      school: { id: String(school.id) },
      status: 'UNCOVERED',
      totalFte: 0,
      officers: [],
      absent: [{ assignmentId: String(assignment.id), officer: { id: String(officer.id) }, substitutedBy: null }],
    });
    expect(await schoolOn(school.id, '2140-03-08')).toMatchObject({
      status: 'COVERED',
      totalFte: 1,
      officers: [{ officer: { id: String(officer.id) }, substituteFor: null }],
      absent: [],
    });
    const status = async (date: string) =>
      (
        await app.query(
          `query($id: ID!, $date: Date) { school(id: $id) { coverageStatus(date: $date) } }`,
          { id: String(school.id), date },
          admin,
        )
      ).school.coverageStatus;
    expect([await status('2140-03-07'), await status('2140-03-08')]).toEqual(['UNCOVERED', 'COVERED']);
    // Coverage is district-wide: a chief of another agency sees the same, though its row security hides the absence.
    expect((await schoolOn(school.id, '2140-03-07', otherChief)).status).toBe('UNCOVERED');
    expect((await coverage('2140-03-07', officerToken)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('has the substitute cover the school in the same role, marked with the absence it fills', async () => {
    const officer = await factory.officer(agency);
    const substitute = await factory.officer(agency);
    const school = await factory.school();
    const assignment = await factory.assignment(officer, school, { startDate: '2140-01-01', endDate: null, fte: 0.5 });
    await absence({
      officerId: String(officer.id),
      startDate: '2140-03-14',
      endDate: '2140-03-15',
      reason: 'TRAINING',
      substituteOfficerId: String(substitute.id),
    });
    expect(await schoolOn(school.id, '2140-03-14')).toEqual({
      school: { id: String(school.id) },
      status: 'COVERED',
      totalFte: 0.5,
      officers: [
        { assignmentId: String(assignment.id), officer: { id: String(substitute.id) }, substituteFor: { id: String(officer.id) } },
      ],
      absent: [{ assignmentId: String(assignment.id), officer: { id: String(officer.id) }, substitutedBy: { id: String(substitute.id) } }],
    });
    const { school: read } = await app.query(
      `query($id: ID!) { school(id: $id) { coverageStatus(date: "2140-03-14") } }`,
      { id: String(school.id) },
      admin,
    );
    expect(read.coverageStatus).toBe('COVERED');
    const { summary } = (await coverage('2140-03-14')).data!.coverageReport;
    expect(summary.officers).toBeGreaterThanOrEqual(1);
  });

  it('answers NO_SCHOOL on a closure day, out of session and on a weekend once a school year is defined', async () => {
    const officer = await factory.officer(agency);
    const school = await factory.school();
    await factory.assignment(officer, school, { startDate: `${year}-01-01`, endDate: null, fte: 1 });
    const closed = schoolDayFrom(`${year}-11-24`);
    const before = schoolDayFrom(`${year}-11-17`);
    const summer = schoolDayFrom(`${year + 1}-07-06`);
    const saturday = addDays(before, 6 - weekday(before));
    // No school year around these dates yet: a weekday out of session is covered, as before.
    expect((await schoolOn(school.id, summer)).status).toBe('COVERED');

    await app.query(
      `mutation($input: CreateSchoolYearInput!) { createSchoolYear(input: $input) { id } }`,
      { input: { name: `${tag} ${year}`, firstDay: `${year}-08-17`, lastDay: `${year + 1}-06-11` } },
      admin,
    );
    await app.query(
      `mutation($input: CreateSchoolClosureInput!) { createSchoolClosure(input: $input) { id } }`,
      { input: { startDate: closed, endDate: closed, schoolId: null, reason: `${tag} Thanksgiving` } },
      admin,
    );
    // Summer is out of session only between two school years (no more than a summer apart): not yet.
    expect((await schoolOn(school.id, summer)).status).toBe('COVERED');
    await app.query(
      `mutation($input: CreateSchoolYearInput!) { createSchoolYear(input: $input) { id } }`,
      { input: { name: `${tag} ${year + 1}`, firstDay: `${year + 1}-08-17`, lastDay: `${year + 2}-06-11` } },
      admin,
    );

    expect((await schoolOn(school.id, closed)).status).toBe('NO_SCHOOL');
    expect((await schoolOn(school.id, before)).status).toBe('COVERED');
    expect((await schoolOn(school.id, summer)).status).toBe('NO_SCHOOL');
    expect((await schoolOn(school.id, saturday)).status).toBe('NO_SCHOOL');
    const { byStatus } = (await coverage(closed)).data!.coverageReport.summary;
    expect(byStatus).toEqual({ covered: 0, partial: 0, uncovered: 0, noSchool: expect.any(Number) });
    expect(byStatus.noSchool).toBeGreaterThanOrEqual(1);

    const response = await fetch(`${app.url}/export/coverage.csv?part=byStatus&date=${closed}&agencyId=${agency.id}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual(['date', 'status', 'schools']);
    expect(rows.find((row) => row[1] === 'NO_SCHOOL')?.[2]).toBe(String(byStatus.noSchool));
  });
});
