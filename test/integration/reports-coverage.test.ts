import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { COVERAGE_REPORT, ROUNDING, expectedCoverage, readRows, shiftDays, todayIn, type CoverageFilterValues } from './reports-expected';
import { buildProgram, DAY, type Program } from './reports-program';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function expectCoverage(actual: Json, expected: ReturnType<typeof expectedCoverage>) {
  const { summary } = actual;
  expect({ ...summary, totalFte: undefined, enrollmentPerSroFte: undefined, byAgency: undefined }).toEqual({
    ...expected.summary,
    totalFte: undefined,
    enrollmentPerSroFte: undefined,
    byAgency: undefined,
  });
  expect(summary.totalFte).toBeCloseTo(expected.summary.totalFte, 6);
  if (expected.summary.enrollmentPerSroFte === null) expect(summary.enrollmentPerSroFte).toBeNull();
  else expect(Math.abs(summary.enrollmentPerSroFte - expected.summary.enrollmentPerSroFte)).toBeLessThanOrEqual(ROUNDING);
  const agencies = summary.byAgency.map((entry: Json) => ({
    agencyId: Number(entry.agency.id),
    schoolsServed: entry.schoolsServed,
    officers: entry.officers,
    fte: entry.fte,
  }));
  expect(agencies.map((entry: Json) => ({ ...entry, fte: Math.round(entry.fte * 100) }))).toEqual(
    expect.arrayContaining(expected.summary.byAgency.map((entry) => ({ ...entry, fte: Math.round(entry.fte * 100) }))),
  );
  expect(agencies).toHaveLength(expected.summary.byAgency.length);

  expect(actual.schools.map((entry: Json) => Number(entry.school.id)).sort()).toEqual(
    expected.schools.map((school) => school.schoolId).sort(),
  );
  for (const entry of actual.schools) {
    const school = expected.schools.find((candidate) => candidate.schoolId === Number(entry.school.id))!;
    expect({ id: school.schoolId, status: entry.status }).toEqual({ id: school.schoolId, status: school.status });
    expect(entry.totalFte).toBeCloseTo(school.totalFte, 6);
    if (school.enrollmentPerSroFte === null) expect(entry.enrollmentPerSroFte).toBeNull();
    else expect(Math.abs(entry.enrollmentPerSroFte - school.enrollmentPerSroFte)).toBeLessThanOrEqual(ROUNDING);
    const officers = entry.officers.map((officer: Json) => ({
      id: Number(officer.assignmentId),
      officerId: Number(officer.officer.id),
      agencyId: Number(officer.agency.id),
      role: officer.role,
      fte: officer.fte,
    }));
    expect(officers.sort((a: Json, b: Json) => a.id - b.id)).toEqual([...school.assignments].sort((a, b) => a.id - b.id));
    const roles = entry.officers.map((officer: Json) => officer.role);
    expect(roles).toEqual(
      [...roles].sort(
        (a: string, b: string) => ['PRIMARY', 'SECONDARY', 'BACKUP'].indexOf(a) - ['PRIMARY', 'SECONDARY', 'BACKUP'].indexOf(b),
      ),
    );
  }
}

describe('coverage report', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start({ TZ_PROGRAM: 'Pacific/Kiritimati' });
    program = await buildProgram(app, 4);
  });
  afterAll(() => app.stop());

  const run = (variables: Json, token = program.tokens.admin) =>
    app.query(COVERAGE_REPORT, variables, token).then((data) => data.coverageReport);
  const statusOf = (report: Json) =>
    Object.fromEntries(
      Object.entries(program.schools).map(([key, school]) => [
        key,
        report.schools.find((entry: Json) => entry.school.id === String(school.id))?.status,
      ]),
    );

  const dates = [DAY, shiftDays(DAY, -1), shiftDays(DAY, 1), '2027-07-01'];
  const filters: [string, () => CoverageFilterValues][] = [
    ['no filter (every test file’s schools)', () => ({})],
    ['one agency', () => ({ agencyId: program.agencies.alder.id })],
    ['another agency', () => ({ agencyId: program.agencies.birch.id })],
    ['a level', () => ({ level: 'ELEMENTARY' })],
    ['a locale', () => ({ locale: 'RURAL' })],
    ['agency, level and locale', () => ({ agencyId: program.agencies.alder.id, level: 'ELEMENTARY', locale: 'RURAL' })],
  ];
  const cases = dates.flatMap((date) => filters.map(([name, filter]) => ({ date, name, filter })));

  it.each(cases)('equals an independent computation on $date with $name', async ({ date, filter }) => {
    const values = filter();
    const report = await run({ date, filter: { ...values, agencyId: values.agencyId ? String(values.agencyId) : undefined } });
    expect(report.date).toBe(date);
    expectCoverage(report, expectedCoverage(await readRows(app), date, values));
  });

  it('tells covered, partial and uncovered schools apart around assignments that start or end on the date', async () => {
    expect(statusOf(await run({ date: DAY }))).toEqual({
      aspen: 'COVERED', // open-ended PRIMARY
      beech: 'COVERED', // PRIMARY starting on the date
      chestnut: 'PARTIAL', // SECONDARY ending on the date and a BACKUP; the PRIMARY ended the day before
      dogwood: 'UNCOVERED',
      elm: 'PARTIAL', // the PRIMARY starts the day after
      fir: undefined, // inactive school
      formula: 'COVERED',
      ginkgo: 'UNCOVERED', // its PRIMARY ended two months before
    });
    expect(statusOf(await run({ date: shiftDays(DAY, -1) }))).toMatchObject({ beech: 'PARTIAL', chestnut: 'COVERED', elm: 'PARTIAL' });
    expect(statusOf(await run({ date: shiftDays(DAY, 1) }))).toMatchObject({ beech: 'COVERED', chestnut: 'PARTIAL', elm: 'COVERED' });
    const chestnut = (await run({ date: DAY, filter: { agencyId: String(program.agencies.alder.id) } })).schools.find(
      (entry: Json) => entry.school.id === String(program.schools.chestnut.id),
    );
    expect(chestnut).toMatchObject({ status: 'PARTIAL', totalFte: 0.75, enrollmentPerSroFte: 400 });
    expect(chestnut.officers.map((officer: Json) => [officer.role, officer.endDate])).toEqual([
      ['SECONDARY', DAY],
      ['BACKUP', shiftDays(DAY, 30)],
    ]);
  });

  it("reports on today in the program's time zone when no date is given", async () => {
    const report = await run({ filter: { agencyId: String(program.agencies.alder.id) } });
    expect(report.date).toBe(todayIn('Pacific/Kiritimati'));
    expectCoverage(report, expectedCoverage(await readRows(app), report.date, { agencyId: program.agencies.alder.id }));
  });

  describe('scoping per role', () => {
    it('shows ADMIN, ANALYST and both chiefs the same district-wide coverage', async () => {
      const variables = { date: DAY };
      const strip = (report: Json) =>
        JSON.stringify(report, (key, value) => (key === 'badgeNumber' || key === 'email' ? undefined : value));
      const admin = await run(variables);
      for (const token of [program.tokens.analyst, program.tokens.chiefAlder, program.tokens.chiefBirch])
        expect(strip(await run(variables, token))).toBe(strip(admin));
    });

    it("hides other agencies' officer details from a chief and contact fields from an analyst", async () => {
      const officersIn = (report: Json) => report.schools.flatMap((entry: Json) => entry.officers.map((officer: Json) => officer.officer));
      const filter = { agencyId: String(program.agencies.alder.id) };
      const forChief = officersIn(await run({ date: DAY, filter }, program.tokens.chiefBirch));
      const a1 = forChief.find((officer: Json) => officer.id === String(program.officers.a1.id));
      const b2 = forChief.find((officer: Json) => officer.id === String(program.officers.b2.id));
      expect(a1).toMatchObject({ lastName: program.officers.a1.lastName, rank: 'SERGEANT', badgeNumber: null, email: null });
      expect(b2.badgeNumber).toBe(program.officers.b2.badgeNumber);
      const forAnalyst = officersIn(await run({ date: DAY, filter }, program.tokens.analyst));
      expect(forAnalyst.every((officer: Json) => officer.email === null && officer.badgeNumber !== null)).toBe(true);
    });

    it('refuses officers and anonymous callers', async () => {
      expect((await app.graphql(COVERAGE_REPORT, { date: DAY }, program.tokens.officerA1)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await app.graphql(COVERAGE_REPORT, { date: DAY })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it('refuses a date that does not exist and an id that is not one', async () => {
    expect((await app.graphql(COVERAGE_REPORT, { date: '2027-02-29' }, program.tokens.admin)).errors?.[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const response = await app.graphql(COVERAGE_REPORT, { date: DAY, filter: { agencyId: '0' } }, program.tokens.admin);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'filter.agencyId': expect.any(Array) } });
  });

  it('runs the same number of SQL statements whatever the number of schools and officers', async () => {
    const factory = new Factory(app.orm);
    const agency = await factory.agency();
    const grow = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const school = await factory.school();
        await factory.assignment(await factory.officer(agency), school, { startDate: '2027-01-01', fte: 0.5 });
      }
    };
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    const statements = async () => {
      app.resetStatements();
      const report = await run({ date: DAY, filter: { agencyId: String(agency.id) } }, chief);
      return {
        schools: report.schools.length,
        statements: app.statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql)).length,
      };
    };
    await grow(2);
    const small = await statements();
    await grow(20);
    const large = await statements();
    expect([small.schools, large.schools]).toEqual([2, 22]);
    expect(large.statements).toBe(small.statements);
    // Session, row security, four report statements, schools, officers, agencies (the nested agency comes from the same loader).
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
