import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { expectedStaffing, readRows, shiftDays, STAFFING_REPORT } from './reports-expected';
import { buildProgram, DAY, type Program } from './reports-program';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const counts = ({ activeOfficers, assignedOfficers, unassignedOfficers, totalFte, schoolsServed, assignmentsEnding }: Json) => ({
  activeOfficers,
  assignedOfficers,
  unassignedOfficers,
  totalFte: Math.round(totalFte * 100),
  schoolsServed,
  assignmentsEnding,
});

function expectStaffing(actual: Json, expected: ReturnType<typeof expectedStaffing>) {
  expect(actual.endingBy).toBe(expected.endingBy);
  expect(
    actual.agencies
      .map((entry: Json) => ({ agencyId: Number(entry.agency.id), ...counts(entry) }))
      .sort((a: Json, b: Json) => a.agencyId - b.agencyId),
  ).toEqual(expected.agencies.map((entry) => ({ agencyId: entry.agencyId, ...counts(entry) })).sort((a, b) => a.agencyId - b.agencyId));
  expect(counts(actual.totals)).toEqual(counts(expected.totals));
  expect(actual.unassignedOfficers.map((officer: Json) => Number(officer.id)).sort()).toEqual([...expected.unassignedIds].sort());
  expect(actual.endingAssignments.map((assignment: Json) => Number(assignment.id)).sort()).toEqual([...expected.endingIds].sort());
  const endDates = actual.endingAssignments.map((assignment: Json) => assignment.endDate);
  expect(endDates).toEqual([...endDates].sort());
}

describe('staffing report', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start();
    program = await buildProgram(app, 4);
  });
  afterAll(() => app.stop());

  const run = (variables: Json, token = program.tokens.admin) =>
    app.query(STAFFING_REPORT, variables, token).then((data) => data.staffingReport);
  const agencyRow = (report: Json, key: keyof Program['agencies']) =>
    report.agencies.find((entry: Json) => entry.agency.id === String(program.agencies[key].id));

  const cases = [
    { name: 'the whole district (every test file’s agencies)', date: DAY, filter: () => ({}) },
    { name: 'one agency', date: DAY, filter: () => ({ agencyId: program.agencies.alder.id }) },
    { name: 'one agency, ending within 10 days', date: DAY, filter: () => ({ agencyId: program.agencies.birch.id, endingWithinDays: 10 }) },
    { name: 'one agency, ending within 9 days', date: DAY, filter: () => ({ agencyId: program.agencies.birch.id, endingWithinDays: 9 }) },
    { name: 'ending on the date only', date: DAY, filter: () => ({ endingWithinDays: 0 }) },
    { name: 'the day before', date: shiftDays(DAY, -1), filter: () => ({ agencyId: program.agencies.birch.id }) },
    { name: 'the day after', date: shiftDays(DAY, 1), filter: () => ({}) },
    { name: 'an inactive agency with an active officer', date: DAY, filter: () => ({ agencyId: program.agencies.cedar.id }) },
    { name: 'an inactive agency with nobody left', date: DAY, filter: () => ({ agencyId: program.agencies.dormant.id }) },
  ];

  it.each(cases)('equals an independent computation: $name', async ({ date, filter }) => {
    const values: { agencyId?: number; endingWithinDays?: number } = filter();
    const report = await run({ date, filter: { ...values, agencyId: values.agencyId ? String(values.agencyId) : undefined } });
    expect(report).toMatchObject({ date, endingWithinDays: values.endingWithinDays ?? 30 });
    expectStaffing(report, expectedStaffing(await readRows(app), date, values));
  });

  it('counts the situations the program was built with', async () => {
    const report = await run({ date: DAY });
    expect(counts(agencyRow(report, 'alder'))).toEqual({
      activeOfficers: 4,
      assignedOfficers: 3,
      unassignedOfficers: 1,
      totalFte: 330,
      schoolsServed: 5,
      assignmentsEnding: 1,
    });
    expect(counts(agencyRow(report, 'birch'))).toEqual({
      activeOfficers: 2,
      assignedOfficers: 1,
      unassignedOfficers: 1,
      totalFte: 75,
      schoolsServed: 3,
      assignmentsEnding: 2,
    });
    expect(counts(agencyRow(report, 'cedar'))).toEqual({
      activeOfficers: 1,
      assignedOfficers: 0,
      unassignedOfficers: 1,
      totalFte: 0,
      schoolsServed: 0,
      assignmentsEnding: 0,
    });
    expect(agencyRow(report, 'dormant')).toBeUndefined();
    const ours = new Set(Object.values(program.officers).map((officer) => String(officer.id)));
    expect(
      report.unassignedOfficers
        .filter((officer: Json) => ours.has(officer.id))
        .map((officer: Json) => officer.id)
        .sort(),
    ).toEqual([program.officers.a4, program.officers.b1, program.officers.c1].map((officer) => String(officer.id)).sort());
    const endings = report.endingAssignments
      .filter((assignment: Json) => ours.has(assignment.officer.id))
      .map((assignment: Json) => assignment.endDate);
    expect(endings).toEqual([DAY, shiftDays(DAY, 10), shiftDays(DAY, 30)]);
  });

  describe('scoping per role', () => {
    it.each(['analyst', 'admin'] as const)('shows the %s every list', async (role) => {
      expectStaffing(await run({ date: DAY }, program.tokens[role]), expectedStaffing(await readRows(app), DAY));
    });

    it.each(['chiefAlder', 'chiefBirch'] as const)(
      "shows %s every agency's counts but only its own officers in the lists",
      async (role) => {
        const agency = role === 'chiefAlder' ? program.agencies.alder : program.agencies.birch;
        const report = await run({ date: DAY }, program.tokens[role]);
        expect(report.scope).toEqual({ kind: 'AGENCY', agencyId: String(agency.id), officerId: null });
        expectStaffing(report, expectedStaffing(await readRows(app), DAY, {}, agency.id));
        expect(agencyRow(report, role === 'chiefAlder' ? 'birch' : 'alder')).toBeDefined();
        expect(report.unassignedOfficers.every((officer: Json) => officer.agency.id === String(agency.id))).toBe(true);
        expect(report.endingAssignments.every((assignment: Json) => assignment.officer.agency.id === String(agency.id))).toBe(true);
      },
    );

    it('refuses officers and anonymous callers', async () => {
      expect((await app.graphql(STAFFING_REPORT, { date: DAY }, program.tokens.officerB2)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await app.graphql(STAFFING_REPORT, { date: DAY })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it.each([-1, 367])('refuses endingWithinDays %s', async (endingWithinDays) => {
    const response = await app.graphql(STAFFING_REPORT, { date: DAY, filter: { endingWithinDays } }, program.tokens.admin);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.endingWithinDays': expect.any(Array) },
    });
  });

  it('runs the same number of SQL statements whatever the number of officers', async () => {
    const factory = new Factory(app.orm);
    const agency = await factory.agency();
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    const grow = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const officer = await factory.officer(agency);
        if (index % 3 === 0) continue;
        await factory.assignment(officer, await factory.school(), {
          startDate: '2027-01-01',
          endDate: index % 3 === 1 ? shiftDays(DAY, index) : null,
          fte: 0.5,
        });
      }
    };
    const statements = async () => {
      app.resetStatements();
      const report = await run({ date: DAY, filter: { agencyId: String(agency.id) } }, chief);
      return {
        officers: report.agencies[0].activeOfficers,
        statements: app.statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql)).length,
      };
    };
    await grow(3);
    const small = await statements();
    await grow(30);
    const large = await statements();
    expect([small.officers, large.officers]).toEqual([3, 33]);
    expect(large.statements).toBe(small.statements);
    // Session, row security, four report statements, agencies, officers, assignments, and the nested officer, school and agency loaders.
    expect(large.statements).toBeLessThanOrEqual(14);
  });
});
