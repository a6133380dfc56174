import { Role } from '../../server/src/common/actor';
import { addDays } from '../../server/src/common/dates';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { COMING_GAPS } from '../../admin/src/reports/reportQueries';
import { parseCsv } from './reports-export-csv';

/** coveragePeriodReport (SQL over the calendar) against a day-by-day loop of coverageReport over a month. */
describe('coveragePeriodReport', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const FROM = '2031-03-01';
  const TO = '2031-03-31';

  it('matches a day-by-day loop of coverageReport over a month, with absences, a substitute and a closure', async () => {
    const agency = await factory.agency();
    const elsewhere = await factory.agency();
    const [covered, partial, absent] = [await factory.school(), await factory.school(), await factory.school()];
    const [primary, secondary, away, substitute] = [
      await factory.officer(agency),
      await factory.officer(agency),
      await factory.officer(agency),
      await factory.officer(elsewhere),
    ];
    await factory.assignment(primary, covered, { startDate: '2031-01-01', fte: 1 });
    await factory.assignment(secondary, partial, { startDate: '2031-01-01', role: 'SECONDARY' as never, fte: 0.5 });
    await factory.assignment(away, absent, { startDate: '2031-03-10', endDate: '2031-03-25', fte: 1 });
    const absence = async (input: Record<string, unknown>) =>
      app.query(`mutation($input: CreateOfficerAbsenceInput!) { createOfficerAbsence(input: $input) { id } }`, { input }, admin);
    await absence({ officerId: String(away.id), startDate: '2031-03-12', endDate: '2031-03-14', reason: 'TRAINING' });
    await absence({
      officerId: String(away.id),
      startDate: '2031-03-18',
      endDate: '2031-03-19',
      reason: 'COURT',
      substituteOfficerId: String(substitute.id),
    });
    await absence({ officerId: String(primary.id), startDate: '2031-03-20', endDate: '2031-03-20', reason: 'SICK' });
    await app.query(
      `mutation($input: CreateSchoolClosureInput!) { createSchoolClosure(input: $input) { id } }`,
      { input: { startDate: '2031-03-05', endDate: '2031-03-06', schoolId: String(covered.id), reason: 'Water main' } },
      admin,
    );
    const filter = { agencyId: String(agency.id) };

    const daily = new Map<string, string[]>();
    for (let day = FROM; day <= TO; day = addDays(day, 1)) {
      const { coverageReport } = await app.query(
        `query($date: Date, $filter: CoverageFilter) { coverageReport(date: $date, filter: $filter) { schools { school { id } status } } }`,
        { date: day, filter },
        admin,
      );
      for (const entry of coverageReport.schools as { school: { id: string }; status: string }[])
        daily.set(entry.school.id, [...(daily.get(entry.school.id) ?? []), `${day} ${entry.status}`]);
    }
    const expectedSchools = [...daily].map(([schoolId, days]) => {
      const statuses = days.map((entry) => entry.split(' ')[1]).filter((status) => status !== 'NO_SCHOOL');
      const count = (status: string) => statuses.filter((value) => value === status).length;
      let run = 0;
      let longest = 0;
      for (const status of statuses) {
        run = status === 'UNCOVERED' ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      return {
        school: { id: schoolId },
        instructionalDays: statuses.length,
        covered: count('COVERED'),
        partial: count('PARTIAL'),
        uncovered: count('UNCOVERED'),
        shareCovered: statuses.length === 0 ? null : Math.round((count('COVERED') / statuses.length) * 10_000) / 10_000,
        longestUncoveredRun: longest,
      };
    });
    const expectedGaps = [...daily]
      .flatMap(([schoolId, days]) =>
        days.filter((entry) => entry.endsWith(' UNCOVERED')).map((entry) => ({ date: entry.split(' ')[0], school: { id: schoolId } })),
      )
      .sort((one, other) => one.date.localeCompare(other.date) || Number(one.school.id) - Number(other.school.id));

    const { coveragePeriodReport } = await app.query(
      `query($from: Date!, $to: Date!, $filter: CoverageFilter) { coveragePeriodReport(from: $from, to: $to, filter: $filter) {
         schools { school { id } instructionalDays covered partial uncovered shareCovered longestUncoveredRun }
         agencies { agency { id } officerDaysPresent officerDaysAbsent absentByReason { reason days } }
         gaps { date school { id } } } }`,
      { from: FROM, to: TO, filter },
      admin,
    );
    const byId = (one: { school: { id: string } }, other: { school: { id: string } }) => Number(one.school.id) - Number(other.school.id);
    expect([...coveragePeriodReport.schools].sort(byId)).toEqual(expectedSchools.sort(byId));
    expect(expectedSchools.some((school) => school.longestUncoveredRun >= 3)).toBe(true);
    // The period lies ahead: every uncovered school-day is a gap (same school names order aside, by date).
    expect(
      [...coveragePeriodReport.gaps].sort(
        (one: { date: string; school: { id: string } }, other: { date: string; school: { id: string } }) =>
          one.date.localeCompare(other.date) || Number(one.school.id) - Number(other.school.id),
      ),
    ).toEqual(expectedGaps);
    // Its CSV says the same, school by school.
    const response = await fetch(`${app.url}/export/coverage-period.csv?from=${FROM}&to=${TO}&agencyId=${agency.id}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const [header, ...records] = parseCsv(await response.text());
    const column = (record: string[], name: string) => record[header.indexOf(name)];
    expect(
      records
        .filter((record) => column(record, 'section') === 'school')
        .map((record) => ({
          school: { id: column(record, 'school_id') },
          instructionalDays: Number(column(record, 'instructional_days')),
          covered: Number(column(record, 'covered')),
          partial: Number(column(record, 'partial')),
          uncovered: Number(column(record, 'uncovered')),
          shareCovered: column(record, 'share_covered') === '' ? null : Number(column(record, 'share_covered')),
          longestUncoveredRun: Number(column(record, 'longest_uncovered_run')),
        })),
    ).toEqual(coveragePeriodReport.schools);
    expect(records.filter((record) => column(record, 'section') === 'gap')).toHaveLength(expectedGaps.length);

    // The dashboard's card asks the district's gaps: for a school assigned all month, the same as with the filter.
    const { coveragePeriodReport: card } = await app.query(COMING_GAPS, { from: FROM, to: TO }, admin);
    const ofCovered = (gaps: { date: string; school: { id: string } }[]) =>
      gaps.filter((gap) => gap.school.id === String(covered.id)).map((gap) => gap.date);
    expect(ofCovered(card.gaps)).toEqual(ofCovered(expectedGaps));
    expect(ofCovered(expectedGaps).length).toBeGreaterThan(0);

    const home = coveragePeriodReport.agencies.find((entry: { agency: { id: string } }) => entry.agency.id === String(agency.id));
    expect(home.absentByReason).toEqual(
      expect.arrayContaining([
        { reason: 'COURT', days: expect.any(Number) },
        { reason: 'SICK', days: expect.any(Number) },
      ]),
    );
  });

  it('is for ADMIN, ANALYST and chiefs, as coverageReport', async () => {
    const agency = await factory.agency();
    const query = `query { coveragePeriodReport(from: "2031-04-01", to: "2031-04-02") { from } }`;
    for (const role of [Role.ANALYST, Role.AGENCY_CHIEF]) {
      const { token } = await factory.user(role, role === Role.AGENCY_CHIEF ? { agency } : {});
      expect((await app.graphql(query, {}, token)).errors).toBeUndefined();
    }
    const officer = (await factory.user(Role.OFFICER, { officer: await factory.officer(agency) })).token;
    expect((await app.graphql(query, {}, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await app.graphql(`query { coveragePeriodReport(from: "2031-03-02", to: "2031-03-01") { from } }`, {}, admin);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
