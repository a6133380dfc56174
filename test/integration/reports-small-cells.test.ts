import { Role } from '../../server/src/common/actor';
import { Activity, ActivityCategory } from '../../server/src/modules/activity/activity.entity';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import { SchoolLevel, SchoolLocale, type School } from '../../server/src/modules/school/school.entity';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';
import { ACTIVITY_REPORT, type Entry, type Json } from './reports-activity-expected';
import { parseCsv } from './reports-export-csv';

const RURAL_K12 = { level: 'K12', locale: 'RURAL' };
const SHOWN = { suppressed: false, activities: expect.any(Number), hours: expect.any(Number) };
const SUPPRESSED = { suppressed: true, activities: null, minutes: null, hours: null, studentsReached: null, staffReached: null };

/**
 * Own agency Oak (one officer: small, but the chief's own); Solo, one officer with 14 activities; Few, three
 * officers with 6 activities; Big, four officers with 52 activities, 12 of them by three officers at the rural K12
 * school; Bigger, five officers with 60. Every officer's first activity is on the first day of the month, and the
 * month's first 28 days are the period.
 */
describe('small cells suppressed for agency chiefs', () => {
  let app: TestApp;
  let agencies: Record<'oak' | 'solo' | 'few' | 'big' | 'bigger', Agency>;
  let tokens: Record<'chief' | 'admin' | 'analyst' | 'officer', string>;
  // A month no other test file logs activities in, nor an earlier run of this one on the same database, so that
  // byAgency lists only this run's agencies; the month before it is empty too.
  let period: { from: string; to: string };
  let firstDay: { from: string; to: string };

  beforeAll(async () => {
    app = await TestApp.start();
    const [{ month }] = await app.orm.em.fork().execute<{ month: string }[]>(
      `select to_char(date_trunc('month', coalesce(max(date), '2033-01-01')) + interval '2 months', 'YYYY-MM') as month
         from activity where date >= '2033-01-01'`,
    );
    period = { from: `${month}-01`, to: `${month}-28` };
    firstDay = { from: `${month}-01`, to: `${month}-01` };
    const factory = new Factory(app.orm);
    const tag = unique('Cells').replace(/[^\w-]/g, '');
    const agency = (name: string) => factory.agency({ name: `${tag} ${name}` });
    agencies = {
      oak: await agency('Oak'),
      solo: await agency('Solo'),
      few: await agency('Few'),
      big: await agency('Big'),
      bigger: await agency('Bigger'),
    };
    const rural = await factory.school({ level: SchoolLevel.K12, locale: SchoolLocale.RURAL, enrollment: 180 });
    const city = await factory.school();
    const officers = async (of: Agency, count: number) => Promise.all(Array.from({ length: count }, () => factory.officer(of)));
    const em = app.orm.em.fork();
    const log = (who: Officer[], each: number, school: School) => {
      for (const officer of who)
        for (let index = 0; index < each; index += 1)
          em.create(Activity, {
            officer: officer.id,
            school: school.id,
            date: `${period.from.slice(0, 8)}${String(1 + (index % 28)).padStart(2, '0')}`,
            category: ActivityCategory.MENTORING,
            durationMinutes: 30,
            studentsReached: 5,
            staffReached: 1,
          } as never);
    };
    const [oak] = await officers(agencies.oak, 1);
    log([oak], 3, rural);
    log([oak], 2, city);
    const [solo] = await officers(agencies.solo, 1);
    log([solo], 12, city);
    log([solo], 2, rural);
    log(await officers(agencies.few, 3), 2, city);
    const big = await officers(agencies.big, 4);
    log(big, 10, city);
    log(big.slice(0, 3), 4, rural);
    log(await officers(agencies.bigger, 5), 12, city);
    await em.flush();
    tokens = {
      chief: (await factory.user(Role.AGENCY_CHIEF, { agency: agencies.oak })).token,
      admin: (await factory.user(Role.ADMIN)).token,
      analyst: (await factory.user(Role.ANALYST)).token,
      officer: (await factory.user(Role.OFFICER, { officer: solo })).token,
    };
  });
  afterAll(() => app.stop());

  const report = async (variables: Record<string, unknown>, token: string, on: TestApp = app) =>
    (await on.query(ACTIVITY_REPORT, variables, token)).activityReport as Json;
  /** byAgency by agency name (without the tag), only this file's agencies. */
  const byAgency = (answer: Json) => {
    const names = new Map(Object.entries(agencies).map(([name, agency]) => [String(agency.id), name]));
    return Object.fromEntries(
      answer.byAgency.filter((entry: Entry) => names.has(entry.agency.id)).map((entry: Entry) => [names.get(entry.agency.id), entry]),
    );
  };

  it('withholds an agency resting on one officer and one resting on few activities, and nothing else, in a month', async () => {
    const answer = await report(period, tokens.chief);
    expect(answer.smallCells).toEqual({ minOfficers: 3, minActivities: 10 });
    const rows = byAgency(answer);
    expect(rows).toMatchObject({ oak: SHOWN, solo: SUPPRESSED, few: SUPPRESSED, big: SHOWN, bigger: SHOWN });
    // Two cells are withheld, so no third one need be: the figures shown are the true ones.
    expect(rows.oak).toMatchObject({ activities: 5, minutes: 150, hours: 2.5, studentsReached: 25, staffReached: 5 });
    expect(rows.big).toMatchObject({ activities: 52, minutes: 1560 });
    expect(answer.totals).toMatchObject({ suppressed: false, activities: 5 });
    expect(answer.change.activities).toEqual({ absolute: 5, percent: null, suppressed: false });
  });

  it('withholds the next smallest agency too when the filter leaves one agency withheld (one rural K12 school)', async () => {
    const rows = byAgency(await report({ ...period, filter: RURAL_K12 }, tokens.chief));
    // Solo's 2 activities are withheld; Big's 12 by three officers would pass, but with the own figures they would
    // give Solo back from the school's total: so Big is withheld as well.
    expect(rows).toEqual({
      oak: expect.objectContaining({ suppressed: false, activities: 3 }),
      solo: expect.objectContaining(SUPPRESSED),
      big: expect.objectContaining(SUPPRESSED),
    });
  });

  it('withholds every other agency on a one-day period, and never the own agency', async () => {
    const answer = await report({ ...firstDay, filter: { category: 'MENTORING' } }, tokens.chief);
    expect(byAgency(answer)).toMatchObject({
      oak: { suppressed: false, activities: 2 },
      solo: SUPPRESSED,
      few: SUPPRESSED,
      big: SUPPRESSED,
      bigger: SUPPRESSED,
    });
    for (const breakdown of ['byCategory', 'bySchool', 'byOfficer', 'series'])
      expect(answer[breakdown].every((entry: Entry) => !entry.suppressed && entry.activities !== null)).toBe(true);
    expect(answer.previous.byAgency.every((entry: Entry) => !entry.suppressed)).toBe(true);
  });

  it.each(['admin', 'analyst'] as const)('gives the %s every figure', async (role) => {
    for (const variables of [period, { ...period, filter: RURAL_K12 }, { ...firstDay, filter: { category: 'MENTORING' } }]) {
      const answer = await report(variables, tokens[role]);
      for (const breakdown of ['byCategory', 'byAgency', 'bySchool', 'byOfficer', 'series'])
        expect(answer[breakdown].filter((entry: Entry) => entry.suppressed || entry.activities === null)).toEqual([]);
    }
    expect(byAgency(await report({ ...period, filter: RURAL_K12 }, tokens[role]))).toMatchObject({
      oak: { activities: 3 },
      solo: { activities: 2, minutes: 60 },
      big: { activities: 12 },
    });
  });

  it('shows an officer its own figures, though they rest on one officer', async () => {
    const answer = await report(period, tokens.officer);
    expect(answer.totals).toMatchObject({ suppressed: false, activities: 14, minutes: 420 });
    expect(answer.byAgency).toMatchObject([{ agency: { id: String(agencies.solo.id) }, suppressed: false, activities: 14 }]);
  });

  it('writes the same withheld rows to the CSV: empty figures, suppressed true', async () => {
    const response = await fetch(`${app.url}/export/activity.csv?from=${period.from}&to=${period.to}&level=K12&locale=RURAL`, {
      headers: { authorization: `Bearer ${tokens.chief}` },
    });
    expect(response.status).toBe(200);
    const [header, ...records] = parseCsv(await response.text());
    const column = (record: string[], name: string) => record[header.indexOf(name)];
    const agencyRow = (agency: Agency) =>
      records.find(
        (record) =>
          column(record, 'section') === 'agency' && column(record, 'period') === 'current' && column(record, 'key') === String(agency.id),
      )!;
    const figures = (record: string[]) =>
      ['activities', 'minutes', 'hours', 'students_reached', 'staff_reached', 'suppressed'].map((name) => column(record, name));
    expect(figures(agencyRow(agencies.solo))).toEqual(['', '', '', '', '', 'true']);
    expect(figures(agencyRow(agencies.big))).toEqual(['', '', '', '', '', 'true']);
    expect(figures(agencyRow(agencies.oak))).toEqual(['3', '90', '1.5', '15', '3', 'false']);
  });

  it('follows SMALL_CELL_MIN_OFFICERS and SMALL_CELL_MIN_ACTIVITIES', async () => {
    const lenient = await TestApp.start({ SMALL_CELL_MIN_OFFICERS: '1', SMALL_CELL_MIN_ACTIVITIES: '6' });
    try {
      const answer = await report(period, tokens.chief, lenient);
      expect(answer.smallCells).toEqual({ minOfficers: 1, minActivities: 6 });
      // Few's 6 activities and Solo's one officer now pass.
      expect(byAgency(answer)).toMatchObject({ oak: SHOWN, solo: SHOWN, few: SHOWN, big: SHOWN, bigger: SHOWN });
    } finally {
      await lenient.stop();
    }
  });
});
