import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { ACTIVITY_REPORT } from './reports-activity-expected';
import { activityRows, coverageRows, parseCsv, staffingRows } from './reports-export-csv';
import { COVERAGE_REPORT, STAFFING_REPORT } from './reports-expected';
import { buildProgram, DAY, type Program } from './reports-program';

const COOKIE = 'sro_session';

interface ErrorBody {
  errors: { message: string; extensions: { code: string; fields?: Record<string, string[]> } }[];
}

describe('CSV downloads', () => {
  let app: TestApp;
  let program: Program;

  beforeAll(async () => {
    app = await TestApp.start();
    program = await buildProgram(app, 12);
  });
  afterAll(() => app.stop());

  const download = (path: string, token?: string, how: 'bearer' | 'cookie' = 'bearer') =>
    fetch(`${app.url}${path}`, {
      headers: token ? (how === 'bearer' ? { authorization: `Bearer ${token}` } : { cookie: `${COOKIE}=${token}` }) : {},
    });
  const csv = async (path: string, token: string, how: 'bearer' | 'cookie' = 'bearer') => {
    const response = await download(path, token, how);
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
    return { response, text, records: parseCsv(text) };
  };
  const alder = () => String(program.agencies.alder.id);

  describe('each CSV parsed back equals the GraphQL answer', () => {
    it.each([
      ['admin', `?date=${DAY}`, {}],
      ['chiefBirch', `?date=${DAY}&level=ELEMENTARY`, { level: 'ELEMENTARY' }],
      ['analyst', `?date=${DAY}&agencyId=AGENCY&locale=RURAL`, { locale: 'RURAL', agencyId: 'AGENCY' }],
    ] as const)('coverage for the %s with %s', async (role, query, filter) => {
      const withAgency = (value: string) => value.replace('AGENCY', alder());
      const report = (
        await app.query(COVERAGE_REPORT, { date: DAY, filter: JSON.parse(withAgency(JSON.stringify(filter))) }, program.tokens[role])
      ).coverageReport;
      const { records } = await csv(`/export/coverage.csv${withAgency(query)}`, program.tokens[role]);
      expect(records.slice(1)).toEqual(coverageRows(records[0], report));
      expect(records.length).toBeGreaterThan(3);
    });

    it.each([
      ['admin', '?programYear=2027&quarter=3&interval=WEEK', { programYear: 2027, quarter: 3, interval: 'WEEK' }],
      ['chiefAlder', '?from=2027-11-01&to=2028-02-29', { from: '2027-11-01', to: DAY }],
      ['chiefAlder', '?from=2027-11-01&to=2028-02-29&schoolId=SCHOOL', { from: '2027-11-01', to: DAY, filter: { schoolId: 'SCHOOL' } }],
      ['officerA1', '?from=2027-06-01&to=2028-06-30&interval=MONTH', { from: '2027-06-01', to: '2028-06-30', interval: 'MONTH' }],
      [
        'analyst',
        '?from=2027-12-01&to=2027-12-31&agencyId=AGENCY&category=CLASSROOM_INSTRUCTION',
        { from: '2027-12-01', to: '2027-12-31', filter: { agencyId: 'AGENCY', category: 'CLASSROOM_INSTRUCTION' } },
      ],
    ] as const)('activity for the %s with %s', async (role, query, variables) => {
      const withIds = (value: string) => value.replace('AGENCY', alder()).replace('SCHOOL', String(program.schools.chestnut.id));
      const report = (await app.query(ACTIVITY_REPORT, JSON.parse(withIds(JSON.stringify(variables))), program.tokens[role]))
        .activityReport;
      const { records } = await csv(`/export/activity.csv${withIds(query)}`, program.tokens[role]);
      expect(records.slice(1)).toEqual(activityRows(records[0], report));
    });

    it.each([
      ['admin', `?date=${DAY}`, {}],
      ['chiefAlder', `?date=${DAY}&endingWithinDays=10`, { endingWithinDays: 10 }],
      ['analyst', `?date=${DAY}&agencyId=AGENCY&endingWithinDays=0`, { agencyId: 'AGENCY', endingWithinDays: 0 }],
    ] as const)('staffing for the %s with %s', async (role, query, filter) => {
      const withAgency = (value: string) => value.replace('AGENCY', alder());
      const report = (
        await app.query(STAFFING_REPORT, { date: DAY, filter: JSON.parse(withAgency(JSON.stringify(filter))) }, program.tokens[role])
      ).staffingReport;
      const { records } = await csv(`/export/staffing.csv${withAgency(query)}`, program.tokens[role]);
      expect(records.slice(1)).toEqual(staffingRows(records[0], report));
    });
  });

  it('sends a streamed, named UTF-8 CSV download, also to the console’s session cookie', async () => {
    const { response, text } = await csv(
      `/export/activity.csv?from=2027-11-01&to=${DAY}&agencyId=${alder()}`,
      program.tokens.chiefAlder,
      'cookie',
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="activity-2027-11-01-to-${DAY}.csv"`);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(text.split('\r\n')[0]).toBe(
      'section,period,from,to,key,name,activities,minutes,hours,students_reached,staff_reached,suppressed',
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  // response.text() drops a leading byte order mark, so the bytes are read as they came.
  it.each([
    `/export/coverage.csv?date=${DAY}`,
    `/export/activity.csv?from=2027-11-01&to=${DAY}`,
    `/export/staffing.csv?date=${DAY}`,
    `/export/activity.csv?from=2027-11-01&to=${DAY}&part=byAgency`,
  ])('starts %s with the UTF-8 byte order mark, so that Excel reads accented names', async (path) => {
    const response = await download(path, program.tokens.admin);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(String.fromCharCode(bytes[3])).toMatch(/[a-z]/);
  });

  it('quotes fields and neutralises text a spreadsheet would run, but keeps negative numbers as numbers', async () => {
    const { text, records } = await csv(`/export/coverage.csv?date=${DAY}&agencyId=${alder()}`, program.tokens.admin);
    expect(text).toContain(`"'=SUM(1+2) ""${program.tag}"", Annex"`);
    const formula = records.find((record) => record[3] === `'=SUM(1+2) "${program.tag}", Annex`)!;
    expect(formula[11]).toBe(`'-Dash`);
    expect(formula[12]).toBe(`'@Risky ${program.tag}`);
    const { text: coverageText } = await csv(`/export/coverage.csv?date=2027-10-01&locale=SUBURB`, program.tokens.admin);
    expect(coverageText).toContain(`"${program.tag} Ginkgo\nCampus"`);
    const { records: activity } = await csv(`/export/activity.csv?from=2027-12-01&to=2027-12-31&agencyId=${alder()}`, program.tokens.admin);
    const change = activity.find((record) => record[0] === 'change')!;
    expect(change[6]).toMatch(/^-\d+$/);
    expect(activity.find((record) => record[0] === 'change_percent')![6]).toBe('-100');
  });

  it('records each export in the audit trail with its filters', async () => {
    const factory = new Factory(app.orm);
    const { user, token } = await factory.user(Role.ANALYST);
    await csv(`/export/staffing.csv?date=${DAY}&agencyId=${alder()}&endingWithinDays=7`, token);
    await csv(`/export/activity.csv?programYear=2027&quarter=3&topic=SOCIAL_MEDIA`, token);
    const events = await app.orm.em
      .fork()
      .execute<{ action: string; entity_id: string; details: Record<string, unknown> }[]>(
        'select action, entity_id, details from audit_event where actor_user_id = ? order by id',
        [user.id],
      );
    expect(events).toEqual([
      {
        action: 'export',
        entity_id: 'staffing',
        details: { report: 'staffing', date: DAY, filter: { agencyId: alder(), endingWithinDays: 7 } },
      },
      {
        action: 'export',
        entity_id: 'activity',
        details: { report: 'activity', from: '2028-01-01', to: '2028-03-31', interval: 'MONTH', filter: { topic: 'SOCIAL_MEDIA' } },
      },
    ]);
  });

  describe('refusals', () => {
    it.each([
      ['/export/coverage.csv?date=2027-02-29', 'date'],
      ['/export/coverage.csv?agencyId=abc', 'agencyId'],
      ['/export/coverage.csv?level=HIGHEST', 'level'],
      ['/export/coverage.csv?agency=3', 'agency'],
      ['/export/coverage.csv?date=2028-02-29&date=2028-03-01', 'date'],
      ['/export/activity.csv?from=2028-03-01', 'to'],
      ['/export/activity.csv?from=2028-03-01&to=2028-02-01', 'to'],
      ['/export/activity.csv?from=2020-01-01&to=2028-01-01', 'to'],
      ['/export/activity.csv?preset=LAST_DECADE', 'preset'],
      ['/export/activity.csv?preset=CURRENT_QUARTER&programYear=2027', 'preset'],
      ['/export/activity.csv?programYear=2027&quarter=9', 'quarter'],
      ['/export/activity.csv?programYear=twenty', 'programYear'],
      ['/export/activity.csv?interval=DAY', 'interval'],
      ['/export/activity.csv?officerId=-4', 'officerId'],
      ['/export/staffing.csv?endingWithinDays=400', 'endingWithinDays'],
      ['/export/staffing.csv?endingWithinDays=soon', 'endingWithinDays'],
    ])('answers %s with 400 BAD_USER_INPUT naming %s', async (path, parameter) => {
      const response = await download(path, program.tokens.admin);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(Object.keys(body.errors[0].extensions.fields ?? {})).toEqual([parameter]);
    });

    it.each(['coverage', 'activity', 'staffing'])('answers an anonymous or unknown caller of %s with 401', async (report) => {
      for (const token of [undefined, 'srs_not-a-real-token']) {
        const response = await download(`/export/${report}.csv`, token);
        expect(response.status).toBe(401);
        expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });

    it.each(['coverage', 'staffing'])(
      'answers an officer asking for %s with 403, and lets it download its own activity',
      async (report) => {
        const response = await download(`/export/${report}.csv?date=${DAY}`, program.tokens.officerB2);
        expect(response.status).toBe(403);
        expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('FORBIDDEN');
        const { records } = await csv(`/export/activity.csv?from=2027-06-01&to=2028-06-30`, program.tokens.officerB2);
        const officers = records.filter((record) => record[0] === 'officer').map((record) => record[4]);
        expect(new Set(officers)).toEqual(new Set([String(program.officers.b2.id)]));
      },
    );
  });
});
