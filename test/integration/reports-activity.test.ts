import { Role } from '../../server/src/common/actor';
import { Activity, ActivityCategory } from '../../server/src/modules/activity/activity.entity';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import {
  ACTIVITY_REPORT,
  expectedActivity,
  expectReport,
  type ActivityFilterValues,
  type Entry,
  type Viewer,
} from './reports-activity-expected';
import { dayCount, readRows, shiftDays, todayIn } from './reports-expected';
import { buildProgram, DAY, type Program } from './reports-program';

describe('program activity report', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start();
    program = await buildProgram(app);
  });
  afterAll(() => app.stop());

  const run = (variables: Record<string, unknown>, token = program.tokens.admin) =>
    app.query(ACTIVITY_REPORT, variables, token).then((data) => data.activityReport);
  const ids = (filter: Record<string, number | string | undefined>) =>
    Object.fromEntries(Object.entries(filter).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]));

  const cases: {
    name: string;
    from: string;
    to: string;
    filter: () => ActivityFilterValues;
    interval: 'WEEK' | 'MONTH';
    period?: Record<string, unknown>;
  }[] = [
    {
      name: 'Q3 of program year 2027 for one agency, by month',
      from: '2028-01-01',
      to: '2028-03-31',
      filter: () => ({ agencyId: program.agencies.alder.id }),
      interval: 'MONTH',
      period: { programYear: 2027, quarter: 3 },
    },
    {
      name: 'the leap day alone, for one agency, by week',
      from: DAY,
      to: DAY,
      filter: () => ({ agencyId: program.agencies.birch.id }),
      interval: 'WEEK',
    },
    {
      name: 'an empty December, by week',
      from: '2027-12-01',
      to: '2027-12-31',
      filter: () => ({ agencyId: program.agencies.alder.id }),
      interval: 'WEEK',
    },
    {
      name: 'a period across the empty month at one school',
      from: '2027-11-15',
      to: '2028-01-10',
      filter: () => ({ schoolId: program.schools.chestnut.id }),
      interval: 'WEEK',
    },
    {
      name: "one agency's social media lessons over a year",
      from: '2027-06-01',
      to: '2028-06-30',
      filter: () => ({ agencyId: program.agencies.birch.id, category: 'CLASSROOM_INSTRUCTION', topic: 'SOCIAL_MEDIA' }),
      interval: 'MONTH',
    },
    {
      name: 'rural elementary schools of one agency',
      from: '2027-09-01',
      to: DAY,
      filter: () => ({ agencyId: program.agencies.alder.id, level: 'ELEMENTARY', locale: 'RURAL' }),
      interval: 'MONTH',
    },
    {
      name: 'one officer over a program year',
      from: '2027-07-01',
      to: '2028-06-30',
      filter: () => ({ officerId: program.officers.b2.id }),
      interval: 'MONTH',
    },
    { name: 'the whole district (every test file’s rows)', from: '2028-01-01', to: '2028-03-31', filter: () => ({}), interval: 'WEEK' },
  ];

  it.each(cases)('equals an independent computation: $name', async ({ from, to, filter, interval, period }) => {
    const report = await run({ ...(period ?? { from, to }), filter: ids(filter() as never), interval });
    expect(report.interval).toBe(interval);
    expect(report.scope).toEqual({ kind: 'DISTRICT', agencyId: null, officerId: null });
    expectReport(report, expectedActivity(await readRows(app), from, to, filter(), {}, interval));
  });

  it('has data where the cases expect it: the leap day, and nothing in December 2027', async () => {
    const leapDay = await run({ from: DAY, to: DAY, filter: { agencyId: String(program.agencies.alder.id) } });
    expect(leapDay.totals.activities).toBeGreaterThanOrEqual(8);
    const december = await run({
      from: '2027-12-01',
      to: '2027-12-31',
      filter: { agencyId: String(program.agencies.alder.id) },
      interval: 'WEEK',
    });
    expect(december.totals.activities).toBe(0);
    expect(december.series).toHaveLength(5);
    expect(december.change.activities.percent).toBe(-100);
    expect(december.previous.period).toMatchObject({ from: '2027-10-31', to: '2027-11-30', days: 31 });
  });

  it('lists schools, officers and agencies in name order', async () => {
    const report = await run({ from: '2027-06-01', to: '2028-06-30', filter: { agencyId: String(program.agencies.birch.id) } });
    const em = app.orm.em.fork();
    const ordered = async (sql: string, entries: number[]) =>
      (await em.execute<{ id: number }[]>(sql.replace('?', entries.join(',')))).map((row) => row.id);
    const schoolIds = report.bySchool.filter((entry: Entry) => entry.school).map((entry: Entry) => Number(entry.school.id));
    expect(schoolIds).toEqual(await ordered('select id from school where id in (?) order by name, id', schoolIds));
    const officerIds = report.byOfficer.map((entry: Entry) => Number(entry.officer.id));
    expect(officerIds).toEqual(await ordered('select id from officer where id in (?) order by last_name, first_name, id', officerIds));
    expect(report.bySchool.at(-1).school).toBeNull();
  });

  describe('scoping per role', () => {
    const quarter = { programYear: 2027, quarter: 3 };

    it.each(['admin', 'analyst'] as const)('shows the %s the whole district', async (role) => {
      const report = await run(quarter, program.tokens[role]);
      expect(report.scope.kind).toBe('DISTRICT');
      expectReport(report, expectedActivity(await readRows(app), '2028-01-01', '2028-03-31'));
    });

    it.each(['chiefAlder', 'chiefBirch'] as const)(
      'shows %s its own agency in detail and other agencies only as one aggregate each',
      async (role) => {
        const agency = role === 'chiefAlder' ? program.agencies.alder : program.agencies.birch;
        const report = await run(quarter, program.tokens[role]);
        expect(report.scope).toEqual({ kind: 'AGENCY', agencyId: String(agency.id), officerId: null });
        const viewer: Viewer = { agencyId: agency.id };
        expectReport(report, expectedActivity(await readRows(app), '2028-01-01', '2028-03-31', {}, viewer));
        const otherAgencies = report.byAgency.filter((entry: Entry) => entry.agency.id !== String(agency.id));
        expect(otherAgencies.length).toBeGreaterThan(0);
        const officerAgencies = await app.orm.em
          .fork()
          .execute<{ agency_id: number }[]>(
            `select distinct agency_id from officer where id in (${report.byOfficer.map((entry: Entry) => entry.officer.id).join(',')})`,
          );
        expect(officerAgencies).toEqual([{ agency_id: agency.id }]);
      },
    );

    it('shows a chief no other agency at all when the filter names a school or an officer', async () => {
      const rows = await readRows(app);
      for (const filter of [{ schoolId: program.schools.chestnut.id }, { officerId: program.officers.b2.id }]) {
        const report = await run({ ...quarter, filter: ids(filter) }, program.tokens.chiefAlder);
        expectReport(report, expectedActivity(rows, '2028-01-01', '2028-03-31', filter, { agencyId: program.agencies.alder.id }));
        expect(report.byAgency.every((entry: Entry) => entry.agency.id === String(program.agencies.alder.id))).toBe(true);
      }
    });

    it('shows an officer its own activities only', async () => {
      const report = await run(quarter, program.tokens.officerA1);
      expect(report.scope).toEqual({ kind: 'OFFICER', agencyId: null, officerId: String(program.officers.a1.id) });
      expectReport(report, expectedActivity(await readRows(app), '2028-01-01', '2028-03-31', {}, { officerId: program.officers.a1.id }));
      expect(report.byOfficer.map((entry: Entry) => entry.officer.id)).toEqual([String(program.officers.a1.id)]);
      const other = await run({ ...quarter, filter: { officerId: String(program.officers.a2.id) } }, program.tokens.officerA1);
      expect(other.totals.activities).toBe(0);
    });

    it('asks an anonymous caller to sign in', async () => {
      const response = await app.graphql(ACTIVITY_REPORT, quarter);
      expect(response.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('arguments', () => {
    it.each([
      ['to before from', { from: '2028-03-01', to: '2028-02-29' }, 'to'],
      ['more than three years', { from: '2025-01-01', to: '2028-01-01' }, 'to'],
      ['from without to', { from: '2028-03-01' }, 'to'],
      ['two ways at once', { from: '2028-03-01', to: '2028-03-31', preset: 'CURRENT_QUARTER' }, 'preset'],
      ['a quarter without a year', { quarter: 2 }, 'programYear'],
      ['quarter 5', { programYear: 2027, quarter: 5 }, 'quarter'],
      ['an id that is not one', { from: DAY, to: DAY, filter: { agencyId: 'abc' } }, 'filter.agencyId'],
    ])('refuses %s with BAD_USER_INPUT naming the argument', async (_name, variables, field) => {
      const response = await app.graphql(ACTIVITY_REPORT, variables, program.tokens.admin);
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(response.errors?.[0].extensions.fields ?? {})).toEqual([field]);
    });

    it('accepts exactly three years less a day', async () => {
      const report = await run({ from: '2025-03-01', to: '2028-02-29', filter: { agencyId: String(program.agencies.cedar.id) } });
      expect(report.period.days).toBe(1096);
    });
  });

  describe('comparison period (compareTo)', () => {
    const alder = () => ({ agencyId: program.agencies.alder.id });
    it.each([
      ['a quarter with the previous quarter', '2028-01-01', '2028-03-31', 'PREVIOUS_QUARTER', ['2027-10-01', '2027-12-31', 'Q2 2027-28']],
      ['Q1 with Q4 of the program year before', '2027-07-01', '2027-09-30', 'PREVIOUS_QUARTER', ['2027-04-01', '2027-06-30', 'Q4 2026-27']],
      [
        'a quarter to date with the same days of the quarter before',
        '2028-01-01',
        '2028-02-15',
        'PREVIOUS_QUARTER',
        ['2027-10-01', '2027-11-15'],
      ],
      ['a month with the month three months earlier', '2028-05-01', '2028-05-31', 'PREVIOUS_QUARTER', ['2028-02-01', DAY]],
      ['other days with the same days three months earlier', '2027-11-15', '2028-01-10', 'PREVIOUS_QUARTER', ['2027-08-15', '2027-10-10']],
      ['a month with the same month last year', '2028-06-01', '2028-06-30', 'SAME_PERIOD_LAST_YEAR', ['2027-06-01', '2027-06-30']],
      ['the leap day with Feb 28 of last year', DAY, DAY, 'SAME_PERIOD_LAST_YEAR', ['2027-02-28', '2027-02-28']],
      [
        'days across the year end with the same days before',
        '2028-01-20',
        '2028-06-10',
        'SAME_PERIOD_LAST_YEAR',
        ['2027-01-20', '2027-06-10'],
      ],
      ['the default, the period of equal length before', '2028-03-01', '2028-03-31', undefined, ['2028-01-30', DAY]],
    ] as const)('compares %s', async (_name, from, to, compareTo, [previousFrom, previousTo, label]) => {
      const report = await run({ from, to, compareTo, filter: ids(alder()) });
      expect(report.compareTo).toBe(compareTo ?? 'PREVIOUS_PERIOD');
      expect(report.previous.period).toEqual({
        from: previousFrom,
        to: previousTo,
        days: dayCount(previousFrom, previousTo),
        label: label ?? `${previousFrom} to ${previousTo}`,
      });
      expectReport(report, expectedActivity(await readRows(app), from, to, alder(), {}, 'MONTH', compareTo));
    });

    it('compares with data in the comparison period, for every role, with the change from it', async () => {
      const rows = await readRows(app);
      const viewers: [keyof Program['tokens'], Viewer][] = [
        ['admin', {}],
        ['analyst', {}],
        ['chiefBirch', { agencyId: program.agencies.birch.id }],
        ['officerA1', { officerId: program.officers.a1.id }],
      ];
      for (const [role, viewer] of viewers) {
        for (const compareTo of ['PREVIOUS_QUARTER', 'SAME_PERIOD_LAST_YEAR'] as const) {
          const report = await run({ programYear: 2027, quarter: 4, compareTo, interval: 'WEEK' }, program.tokens[role]);
          expectReport(report, expectedActivity(rows, '2028-04-01', '2028-06-30', {}, viewer, 'WEEK', compareTo));
          expect(report.previous.totals.activities).toBeGreaterThan(0);
        }
      }
    });

    it('refuses a value that is not a comparison, and compares the earliest dates without an error', async () => {
      const response = await app.graphql(ACTIVITY_REPORT, { from: DAY, to: DAY, compareTo: 'LAST_WEEK' }, program.tokens.admin);
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      for (const compareTo of ['PREVIOUS_PERIOD', 'PREVIOUS_QUARTER', 'SAME_PERIOD_LAST_YEAR']) {
        const report = await run({ from: '0100-01-01', to: '0100-12-31', compareTo });
        expect(report.previous.period.from < '0100-01-01').toBe(true);
        expect(report.previous.totals.activities).toBe(0);
      }
    });
  });

  describe('presets', () => {
    let other: TestApp;
    const zone = 'Pacific/Kiritimati';

    beforeAll(async () => {
      // A program year from September, in a time zone where "today" is often tomorrow in UTC.
      other = await TestApp.start({ PROGRAM_YEAR_START_MONTH: '9', TZ_PROGRAM: zone });
    });
    afterAll(() => other.stop());

    it('reads quarters and program years from today in the program time zone', async () => {
      const today = todayIn(zone);
      const [year, month] = today.split('-').map(Number);
      const startYear = month >= 9 ? year : year - 1;
      const monthStart = (monthIndex: number) => new Date(Date.UTC(startYear, monthIndex, 1)).toISOString().slice(0, 10);
      const quarter = Math.floor(((month - 9 + 12) % 12) / 3);
      const quarterOf = (index: number) => ({ from: monthStart(8 + 3 * index), to: shiftDays(monthStart(11 + 3 * index), -1) });
      const yearOf = (offset: number) => ({ from: monthStart(8 + 12 * offset), to: shiftDays(monthStart(20 + 12 * offset), -1) });
      const expected: Record<string, { from: string; to: string }> = {
        CURRENT_QUARTER: quarterOf(quarter),
        PREVIOUS_QUARTER: quarterOf(quarter - 1),
        QUARTER_TO_DATE: { from: quarterOf(quarter).from, to: today },
        CURRENT_PROGRAM_YEAR: yearOf(0),
        PREVIOUS_PROGRAM_YEAR: yearOf(-1),
        PROGRAM_YEAR_TO_DATE: { from: yearOf(0).from, to: today },
      };
      const { token } = await new Factory(other.orm).user(Role.ANALYST);
      const periodOf = async (variables: Record<string, unknown>) =>
        (
          await other.query(
            `query($preset: PeriodPreset, $programYear: Int, $quarter: Int) {
          activityReport(preset: $preset, programYear: $programYear, quarter: $quarter) { period { from to label } previous { period { from to } } } }`,
            variables,
            token,
          )
        ).activityReport;
      for (const [preset, period] of Object.entries(expected))
        expect({ preset, ...(await periodOf({ preset })).period }).toMatchObject({ preset, ...period });
      expect((await periodOf({})).period).toMatchObject(expected.CURRENT_QUARTER);
      expect(await periodOf({ programYear: 2027, quarter: 1 })).toEqual({
        period: { from: '2027-09-01', to: '2027-11-30', label: 'Q1 2027-28' },
        previous: { period: { from: '2027-06-02', to: '2027-08-31' } },
      });
      expect((await periodOf({ programYear: 2027 })).period).toEqual({
        from: '2027-09-01',
        to: '2028-08-31',
        label: 'Program year 2027-28',
      });
      expect((await periodOf({ programYear: 2027, quarter: 2 })).period).toMatchObject({ from: '2027-12-01', to: DAY });
      const previousQuarter = await other.query(
        `{ activityReport(programYear: 2027, quarter: 1, compareTo: PREVIOUS_QUARTER) { previous { period { from to label } } } }`,
        {},
        token,
      );
      expect(previousQuarter.activityReport.previous.period).toEqual({ from: '2027-06-01', to: '2027-08-31', label: 'Q4 2026-27' });
    });
  });

  it('derives every hours figure from summed minutes, so that the change is the difference of the hours shown', async () => {
    const factory = new Factory(app.orm);
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    // 10 minutes before (0.17 hours shown), 20 now (0.33): rounding the minutes' difference would say 0.17.
    for (const [date, durationMinutes] of [
      ['2029-03-05', 10],
      ['2029-03-15', 20],
    ] as const)
      await factory.activity(officer, null, { date, durationMinutes, category: ActivityCategory.TRAINING });
    const report = await run({ from: '2029-03-11', to: '2029-03-20', filter: { agencyId: String(agency.id) } });
    expect([report.totals.hours, report.previous.totals.hours, report.byAgency[0].hours, report.series[0].hours]).toEqual([
      0.33, 0.17, 0.33, 0.33,
    ]);
    expect(report.change.hours).toEqual({ absolute: 0.16, percent: 100, suppressed: false });
    expect(report.change.minutes).toEqual({ absolute: 10, percent: 100, suppressed: false });
  });

  it('runs the same number of SQL statements whatever the number of activities, officers and schools', async () => {
    const factory = new Factory(app.orm);
    const agency = await factory.agency();
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    const grow = async (officers: number, activitiesEach: number) => {
      const em = app.orm.em.fork();
      for (let index = 0; index < officers; index += 1) {
        const officer = await factory.officer(agency);
        const school = await factory.school();
        for (let day = 0; day < activitiesEach; day += 1) {
          em.create(Activity, {
            officer: officer.id,
            school: day % 4 ? school.id : null,
            date: shiftDays('2028-01-01', day * 3),
            category: ActivityCategory.MENTORING,
            durationMinutes: 45,
            studentsReached: 3,
          } as never);
        }
      }
      await em.flush();
    };
    const statements = async (token: string) => {
      app.resetStatements();
      const report = await run({ programYear: 2027, quarter: 3, filter: { agencyId: String(agency.id) }, interval: 'WEEK' }, token);
      return {
        officers: report.byOfficer.length,
        statements: app.statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql)).length,
      };
    };
    await grow(2, 3);
    const small = [await statements(program.tokens.admin), await statements(chief)];
    await grow(15, 25);
    const large = [await statements(program.tokens.admin), await statements(chief)];
    expect(large.map((entry) => entry.officers)).toEqual([17, 17]);
    expect(large.map((entry) => entry.statements)).toEqual(small.map((entry) => entry.statements));
    // Session, row security, then per period: seven figures plus agencies, schools and officers (when there are any);
    // a chief's byAgency also leaves and re-enters row security in each period.
    expect(large[0].statements).toBeLessThanOrEqual(22);
    expect(large[1].statements).toBe(large[0].statements + 4);
  });
});
