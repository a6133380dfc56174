import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const TZ = 'America/Denver';
const MIN_CELL = 3;
const COUNT = '{ key label tips suppressed }';
const DURATIONS = '{ tips median p90 suppressed }';
const FIGURES = `{ period { from to } total lifeSafety lifeSafetyShare byCategory ${COUNT} bySource ${COUNT} bySchool ${COUNT} byMonth ${COUNT}
  firstActionMinutesLifeSafety ${DURATIONS} firstActionMinutesOther ${DURATIONS} hoursToClose ${DURATIONS}
  overdue firstActionLate closed byDisposition ${COUNT} unfoundedOrPrankShare }`;
const REPORT = `query($from: Date!, $to: Date!) { tipReport(from: $from, to: $to) { current ${FIGURES} previous ${FIGURES}
  annual { period { from to } total byCategory ${COUNT} bySchool ${COUNT} } suppressesSmallCells csv } }`;

interface Count {
  key: string;
  tips: number | null;
  suppressed?: boolean;
}
interface RawTip {
  category: string;
  source: string;
  school_id: number | null;
  life_safety: boolean;
  status: string;
  disposition: string | null;
  received_at: Date;
  first_action_at: Date | null;
  closed_at: Date | null;
}

/** PostgreSQL's percentile_cont, worked out here: linear between the two nearest ranks. */
function percentile(values: number[], fraction: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const countBy = (tips: RawTip[], key: (tip: RawTip) => string): Count[] => {
  const counts = new Map<string, number>();
  for (const tip of tips) counts.set(key(tip), (counts.get(key(tip)) ?? 0) + 1);
  return [...counts].map(([group, tips]) => ({ key: group, tips })).sort((a, b) => a.key.localeCompare(b.key));
};
const keyed = (cells: Count[]) => cells.map(({ key, tips }) => ({ key, tips })).sort((a, b) => a.key.localeCompare(b.key));
const close = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
const durations = (values: number[]) => ({
  tips: values.length,
  median: close(percentile(values, 0.5)),
  p90: close(percentile(values, 0.9)),
});
const shown = (figures: { tips: number | null; median: number | null; p90: number | null }) => ({
  tips: figures.tips,
  median: close(figures.median),
  p90: close(figures.p90),
});

/** The tip report against figures computed here from the rows, by other SQL and in JavaScript. */
describe('tipReport', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let day: string;
  let officerId: string;
  const schools: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ TZ_PROGRAM: TZ, SMALL_CELL_MIN_ACTIVITIES: String(MIN_CELL) });
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    officerId = String((await factory.officer(await factory.agency())).id);
    for (let index = 0; index < 3; index++) schools.push(String((await factory.school()).id));
    // A day of its own (tests share the database): somewhere in 2021-2024, noon in Denver is 19:00 UTC.
    const start = Date.UTC(2021, 0, 1) + Math.floor(Math.random() * 1400) * 86_400_000;
    day = new Date(start).toISOString().slice(0, 10);
  });
  afterAll(() => app.stop());

  const at = (minutes: number) => new Date(new Date(`${day}T19:00:00Z`).getTime() + minutes * 60_000).toISOString();

  async function tip(values: { category: string; lifeSafety?: boolean; school?: number; firstActionAfter?: number; source?: string }) {
    const created = await app.query<{ createTip: { id: string } }>(
      `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`,
      {
        input: {
          referenceNumber: unique('R'),
          source: values.source ?? 'SAFE2TELL',
          category: values.category,
          lifeSafety: values.lifeSafety ?? false,
          receivedAt: at(0),
          schoolId: values.school === undefined ? null : schools[values.school],
        },
      },
      admin,
    );
    if (values.firstActionAfter !== undefined)
      await app.query(
        `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
        { input: { tipId: created.createTip.id, officerId, kind: 'CONTACT_MADE', minutes: 5, takenAt: at(values.firstActionAfter) } },
        admin,
      );
    return created.createTip.id;
  }

  /** The period's figures from the rows: other SQL (the day's bounds as instants), the rest in JavaScript. */
  async function expected(from: string, to: string) {
    const found = await app.orm.em
      .fork()
      .getConnection()
      .execute<RawTip[]>(
        `select * from tip where received_at >= (?::date)::timestamp at time zone ? and received_at < (?::date + 1)::timestamp at time zone ?`,
        [from, TZ, to, TZ],
      );
    const instant = (value: Date | string | null) => (value === null ? null : new Date(value));
    const tips = found.map((tip) => ({
      ...tip,
      received_at: instant(tip.received_at)!,
      first_action_at: instant(tip.first_action_at),
      closed_at: instant(tip.closed_at),
    }));
    const allowed = (tip: RawTip) => (tip.life_safety ? 30 : 24 * 60) * 60_000;
    const minutes = (tip: RawTip) => (tip.first_action_at!.getTime() - tip.received_at.getTime()) / 60_000;
    const closed = tips.filter((tip) => tip.status === 'CLOSED');
    const lifeSafety = tips.filter((tip) => tip.life_safety).length;
    return {
      total: tips.length,
      lifeSafety,
      lifeSafetyShare: tips.length ? close(lifeSafety / tips.length) : null,
      byCategory: countBy(tips, (tip) => tip.category),
      bySource: countBy(tips, (tip) => tip.source),
      bySchool: countBy(tips, (tip) => (tip.school_id === null ? 'none' : String(tip.school_id))),
      byDisposition: countBy(closed, (tip) => tip.disposition!),
      firstActionMinutesLifeSafety: durations(tips.filter((tip) => tip.life_safety && tip.first_action_at).map(minutes)),
      firstActionMinutesOther: durations(tips.filter((tip) => !tip.life_safety && tip.first_action_at).map(minutes)),
      hoursToClose: durations(closed.map((tip) => (tip.closed_at!.getTime() - tip.received_at.getTime()) / 3_600_000)),
      overdue: tips.filter(
        (tip) => !tip.first_action_at && tip.status !== 'CLOSED' && tip.received_at.getTime() + allowed(tip) < Date.now(),
      ).length,
      firstActionLate: tips.filter((tip) => tip.first_action_at && tip.first_action_at.getTime() > tip.received_at.getTime() + allowed(tip))
        .length,
      closed: closed.length,
      unfoundedOrPrankShare: closed.length
        ? close(closed.filter((tip) => ['UNFOUNDED', 'PRANK'].includes(tip.disposition!)).length / closed.length)
        : null,
    };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const asComputed = (figures: any) => ({
    total: figures.total,
    lifeSafety: figures.lifeSafety,
    lifeSafetyShare: close(figures.lifeSafetyShare),
    byCategory: keyed(figures.byCategory),
    bySource: keyed(figures.bySource),
    bySchool: keyed(figures.bySchool),
    byDisposition: keyed(figures.byDisposition),
    firstActionMinutesLifeSafety: shown(figures.firstActionMinutesLifeSafety),
    firstActionMinutesOther: shown(figures.firstActionMinutesOther),
    hoursToClose: shown(figures.hoursToClose),
    overdue: figures.overdue,
    firstActionLate: figures.firstActionLate,
    closed: figures.closed,
    unfoundedOrPrankShare: close(figures.unfoundedOrPrankShare),
  });

  const report = async (token = admin) => (await app.query(REPORT, { from: day, to: day }, token)).tipReport;

  it('matches the figures computed from the rows, before and after a tip is closed as UNFOUNDED', async () => {
    await tip({ category: 'BULLYING', school: 0, firstActionAfter: 60 });
    await tip({ category: 'BULLYING', school: 0, firstActionAfter: 2000 });
    await tip({ category: 'BULLYING', school: 1, firstActionAfter: 10, source: 'P3' });
    await tip({ category: 'WEAPONS', lifeSafety: true, school: 1, firstActionAfter: 20 });
    await tip({ category: 'WEAPONS', lifeSafety: true, firstActionAfter: 45 });
    await tip({ category: 'SUICIDE_THREAT', lifeSafety: true });
    const toClose = await tip({ category: 'DRUGS', school: 2, firstActionAfter: 100 });
    for (let index = 0; index < 5; index++) await tip({ category: 'DRUGS', school: 2 });

    const before = await report();
    expect(asComputed(before.current)).toEqual(await expected(day, day));
    expect(before.current.total).toBeGreaterThanOrEqual(12);
    expect(before.current.byMonth).toEqual([
      { key: day.slice(0, 7), label: day.slice(0, 7), tips: before.current.total, suppressed: false },
    ]);

    await app.query(
      `mutation($id: ID!) { updateTip(id: $id, input: { version: 2, closeAs: UNFOUNDED }) { status } }`,
      { id: toClose },
      admin,
    );
    const after = await report();
    expect(asComputed(after.current)).toEqual(await expected(day, day));
    expect(after.current.closed).toBe(before.current.closed + 1);
    expect(after.current.unfoundedOrPrankShare).toBeGreaterThan(0);
    expect(after.current.hoursToClose.tips).toBe(before.current.hoursToClose.tips + 1);
    expect(after.csv).toContain('disposition,UNFOUNDED,tips,');
    expect(after.csv.split('\r\n')[0]).toBe('section,group,figure,current,previous');

    // The previous period is the day before, computed the same way.
    const previous = new Date(new Date(`${day}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    expect(after.previous.period).toEqual({ from: previous, to: previous });
    expect(asComputed(after.previous)).toEqual(await expected(previous, previous));

    // The annual figures: the program year's schools with fewer than 5 tips are one line.
    const year = after.annual.period;
    const annual = await expected(year.from, year.to);
    expect(after.annual.total).toBe(annual.total);
    const fewer = annual.bySchool.filter((cell) => cell.key !== 'none' && cell.tips! < 5);
    const expectedSchools = annual.bySchool.filter((cell) => !fewer.includes(cell));
    if (fewer.length) expectedSchools.push({ key: 'fewer', tips: fewer.reduce((sum, cell) => sum + cell.tips!, 0) });
    expect(keyed(after.annual.bySchool)).toEqual(keyed(expectedSchools));
    expect(after.annual.bySchool.find((cell: Count) => cell.key === schools[2])?.tips).toBeGreaterThanOrEqual(6);
  });

  it('an agency chief of another agency reads only district aggregates with small cells withheld; officers none', async () => {
    const chief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
    const seen = await app.query(`{ tips(perPage: 500) { totalCount } }`, {}, chief);
    expect(seen.tips.totalCount).toBe(0);
    const full = await report();
    const withheld = await report(chief);
    expect(withheld.suppressesSmallCells).toBe(true);
    // Every shown count rests on at least MIN_CELL tips, and a single small cell never stands alone.
    for (const breakdown of ['byCategory', 'bySource', 'bySchool', 'byDisposition'] as const) {
      const cells: Count[] = withheld.current[breakdown];
      expect(cells.filter((cell) => cell.tips !== null && cell.tips > 0 && cell.tips < MIN_CELL)).toEqual([]);
      if (cells.filter((cell) => cell.suppressed).length === 1)
        expect(cells.filter((cell) => !cell.suppressed && cell.tips! > 0)).toEqual([]);
      for (const cell of cells) {
        const unsuppressed = full.current[breakdown].find((other: Count) => other.key === cell.key);
        expect(cell.tips === null ? cell.suppressed : cell.tips === unsuppressed.tips).toBe(true);
      }
    }
    // WEAPONS has 2 tips that day: withheld, and the next smallest category with it.
    expect(withheld.current.byCategory.find((cell: Count) => cell.key === 'WEAPONS')).toMatchObject({ tips: null, suppressed: true });
    expect(withheld.current.firstActionMinutesLifeSafety).toMatchObject({ tips: null, median: null, p90: null, suppressed: true });
    expect(full.current.firstActionMinutesLifeSafety.tips).toBeGreaterThan(0);

    const officer = (await factory.user(Role.OFFICER, { officer: await factory.officer(await factory.agency()) })).token;
    expect((await app.graphql(REPORT, { from: day, to: day }, officer)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const analyst = (await factory.user(Role.ANALYST)).token;
    expect(asComputed((await report(analyst)).current)).toEqual(asComputed(full.current));
    expect((await app.graphql(`{ tips { totalCount } }`, {}, analyst)).errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
