import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { parseCsv, row } from './reports-export-csv';
import {
  ACTIVITY_PARTS,
  ACTIVITY_PARTS_REPORT,
  COVERAGE_PARTS,
  COVERAGE_PARTS_REPORT,
  STAFFING_PARTS,
  STAFFING_PARTS_REPORT,
  type ExpectedPart,
} from './reports-export-parts';
import { buildProgram, DAY, type Program } from './reports-program';

interface ErrorBody {
  errors: { message: string; extensions: { code: string; fields?: Record<string, string[]> } }[];
}

type Variables = Record<string, unknown> & { filter?: Record<string, string> };
type Caller = keyof Program['tokens'];

const REPORTS = {
  coverage: { parts: COVERAGE_PARTS, query: COVERAGE_PARTS_REPORT, field: 'coverageReport' },
  activity: { parts: ACTIVITY_PARTS, query: ACTIVITY_PARTS_REPORT, field: 'activityReport' },
  staffing: { parts: STAFFING_PARTS, query: STAFFING_PARTS_REPORT, field: 'staffingReport' },
} as const;

/** The GraphQL variables as an export's query string: the filter's fields are parameters of their own. */
function queryString({ filter, ...rest }: Variables, part: string): string {
  const values = { ...rest, ...filter, part };
  return new URLSearchParams(Object.entries(values).map(([key, value]): [string, string] => [key, String(value)])).toString();
}

describe('one CSV per report part', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start();
    program = await buildProgram(app, 12);
    // An officer away on DAY, so that the coverage's absent part has a row to compare in this file alone.
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`insert into officer_absence (officer_id, start_date, end_date, reason) values (?, ?, ?, 'TRAINING')`, [
        program.officers.b2.id,
        DAY,
        DAY,
      ]);
  });
  afterAll(() => app.stop());

  const download = (path: string, token: string) => fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const ids = (variables: Variables): Variables =>
    JSON.parse(
      JSON.stringify(variables)
        .replace('ALDER', String(program.agencies.alder.id))
        .replace('BIRCH', String(program.agencies.birch.id))
        .replace('CHESTNUT', String(program.schools.chestnut.id)),
    );

  const cases: [keyof typeof REPORTS, Caller, Variables][] = [
    ['coverage', 'admin', { date: DAY }],
    ['coverage', 'chiefBirch', { date: DAY, filter: { level: 'ELEMENTARY' } }],
    ['coverage', 'analyst', { date: DAY, filter: { agencyId: 'ALDER' } }],
    ['activity', 'admin', { programYear: 2027, quarter: 3, interval: 'WEEK' }],
    ['activity', 'chiefAlder', { from: '2027-11-01', to: DAY, compareTo: 'PREVIOUS_QUARTER' }],
    ['activity', 'chiefAlder', { from: '2027-11-01', to: DAY, filter: { schoolId: 'CHESTNUT' } }],
    ['activity', 'analyst', { from: '2028-04-01', to: '2028-06-30', compareTo: 'SAME_PERIOD_LAST_YEAR', filter: { agencyId: 'BIRCH' } }],
    ['activity', 'officerA1', { from: '2027-06-01', to: '2028-06-30', interval: 'MONTH' }],
    ['staffing', 'admin', { date: DAY }],
    ['staffing', 'chiefAlder', { date: DAY, filter: { endingWithinDays: '10' } }],
    ['staffing', 'analyst', { date: DAY, filter: { agencyId: 'BIRCH', endingWithinDays: '31' } }],
  ];

  it.each(cases)(
    'each %s part for the %s with %j has one header, typed columns and the GraphQL answer’s figures',
    async (name, role, given) => {
      const report = REPORTS[name];
      const variables = ids(given);
      const graphqlVariables = {
        ...variables,
        filter: variables.filter && {
          ...variables.filter,
          ...(variables.filter.endingWithinDays ? { endingWithinDays: Number(variables.filter.endingWithinDays) } : {}),
        },
      };
      const answer = (await app.query(report.query, graphqlVariables, program.tokens[role]))[report.field];
      const rowCounts: Record<string, number> = {};
      for (const [part, expected] of Object.entries(report.parts as Record<string, ExpectedPart>)) {
        const response = await download(`/export/${name}.csv?${queryString(variables, part)}`, program.tokens[role]);
        const text = await response.text();
        expect({ part, status: response.status }).toEqual({ part, status: 200 });
        const [header, ...records] = parseCsv(text);
        expect({ part, header }).toEqual({ part, header: expected.columns });
        for (const record of records) expect({ part, cells: record.length }).toEqual({ part, cells: header.length });
        expect({ part, records }).toEqual({ part, records: expected.rows(answer).map((values) => row(header, values)) });
        rowCounts[part] = records.length;
      }
      // The admin's answer has rows in every part, so that each comparison above compares something.
      if (role === 'admin') expect(Object.values(rowCounts).every((count) => count > 0)).toBe(true);
    },
  );

  it('writes typed cells: plain numbers, ISO dates, true or false, and nothing for null', async () => {
    const text = await (await download(`/export/activity.csv?from=2027-06-01&to=2028-06-30&part=bySchool`, program.tokens.admin)).text();
    const [header, ...records] = parseCsv(text);
    const column = (name: string) => records.map((record) => record[header.indexOf(name)]);
    expect(new Set(column('district_wide'))).toEqual(new Set(['true', 'false']));
    const districtWide = records.find((record) => record[header.indexOf('district_wide')] === 'true')!;
    expect(['school_id', 'school', 'level', 'locale'].map((name) => districtWide[header.indexOf(name)])).toEqual(['', '', '', '']);
    for (const value of column('minutes')) expect(value).toMatch(/^\d+$/);
    for (const value of column('hours')) expect(value).toMatch(/^\d+(\.\d+)?$/);
    for (const value of [...column('period_from'), ...column('period_to')]) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.max(...column('minutes').map(Number))).toBeGreaterThan(999);
  });

  it('names the part in the file name and in the audit trail, with the comparison period', async () => {
    const { user, token } = await new Factory(app.orm).user(Role.ANALYST);
    const response = await download(`/export/activity.csv?programYear=2027&quarter=4&compareTo=SAME_PERIOD_LAST_YEAR&part=byAgency`, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="activity-byAgency-2028-04-01-to-2028-06-30.csv"');
    await response.text();
    const coverage = await download(`/export/coverage.csv?date=${DAY}&part=officers`, token);
    expect(coverage.headers.get('content-disposition')).toBe(`attachment; filename="coverage-officers-${DAY}.csv"`);
    await coverage.text();
    const events = await app.orm.em
      .fork()
      .execute<{ action: string; entity_id: string; details: Record<string, unknown> }[]>(
        'select action, entity_id, details from audit_event where actor_user_id = ? order by id',
        [user.id],
      );
    expect(events).toEqual([
      {
        action: 'export',
        entity_id: 'activity',
        details: {
          report: 'activity',
          part: 'byAgency',
          from: '2028-04-01',
          to: '2028-06-30',
          interval: 'MONTH',
          compareTo: 'SAME_PERIOD_LAST_YEAR',
          previous: { from: '2027-04-01', to: '2027-06-30' },
          filter: {},
        },
      },
      { action: 'export', entity_id: 'coverage', details: { report: 'coverage', part: 'officers', date: DAY, filter: {} } },
    ]);
  });

  it('compares the whole activity file with the chosen period too', async () => {
    const text = await (
      await download(`/export/activity.csv?programYear=2027&quarter=3&compareTo=PREVIOUS_QUARTER`, program.tokens.admin)
    ).text();
    const previous = parseCsv(text).find((record) => record[0] === 'totals' && record[1] === 'previous')!;
    expect(previous.slice(2, 6)).toEqual(['2027-10-01', '2027-12-31', '', 'Q2 2027-28']);
  });

  describe('role x part', () => {
    const callers = ['anonymous', 'admin', 'chiefAlder', 'chiefBirch', 'analyst', 'officerA1', 'officerB2'] as const;
    const everyone = callers.filter((caller) => caller !== 'anonymous');
    const allowed: Record<keyof typeof REPORTS, readonly string[]> = {
      coverage: ['admin', 'chiefAlder', 'chiefBirch', 'analyst'],
      activity: everyone,
      staffing: ['admin', 'chiefAlder', 'chiefBirch', 'analyst'],
    };
    it.each(Object.keys(REPORTS) as (keyof typeof REPORTS)[])('answers each part of %s as the whole report does', async (report) => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const part of Object.keys(REPORTS[report].parts)) {
        for (const caller of callers) {
          const headers: Record<string, string> = caller === 'anonymous' ? {} : { authorization: `Bearer ${program.tokens[caller]}` };
          const response = await fetch(`${app.url}/export/${report}.csv?part=${part}`, { headers });
          await response.text();
          outcomes.push(`${part} ${caller} ${response.status}`);
          expected.push(`${part} ${caller} ${caller === 'anonymous' ? 401 : allowed[report].includes(caller) ? 200 : 403}`);
        }
      }
      expect(outcomes).toEqual(expected);
    });
  });

  describe('refusals', () => {
    it.each([
      ['activity', 'byWeek'],
      ['activity', 'BYAGENCY'],
      ['activity', 'schools'],
      ['activity', 'constructor'],
      ['coverage', 'series'],
      ['coverage', '__proto__'],
      ['staffing', 'byAgency'],
      ['staffing', 'toString'],
    ] as const)('answers %s.csv?part=%s with 400 BAD_USER_INPUT listing the valid parts', async (report, part) => {
      const response = await download(`/export/${report}.csv?part=${part}`, program.tokens.admin);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const [error] = ((await response.json()) as ErrorBody).errors;
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.extensions.fields ?? {})).toEqual(['part']);
      expect(error.message).toBe(`part must be one of ${Object.keys(REPORTS[report].parts).join(', ')}`);
    });

    it.each([
      ['/export/activity.csv?part=totals&part=series', 'part'],
      ['/export/activity.csv?part=totals&compareTo=LAST_WEEK', 'compareTo'],
      ['/export/activity.csv?compareTo=previous_quarter', 'compareTo'],
    ])('answers %s with 400 BAD_USER_INPUT naming %s', async (path, parameter) => {
      const response = await download(path, program.tokens.admin);
      expect(response.status).toBe(400);
      const [error] = ((await response.json()) as ErrorBody).errors;
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(error.extensions.fields ?? {})).toEqual([parameter]);
    });
  });
});
