import { ROUNDING, dayCount, shiftDays, sum, type Rows } from './reports-expected';

type ActivityRow = Rows['activities'][number];

export interface ActivityFilterValues {
  agencyId?: number;
  schoolId?: number;
  officerId?: number;
  category?: string;
  topic?: string;
  level?: string;
  locale?: string;
}

/** Who the caller is, as the test sees it. */
export interface Viewer {
  agencyId?: number;
  officerId?: number;
}

export interface Figures {
  activities: number;
  minutes: number;
  hours: number;
  studentsReached: number;
  staffReached: number;
  /** What the figures rest on: the activities' officers and those officers' agencies. */
  officerIds: Set<number>;
  agencyIds: Set<number>;
}

/** The small-cell rule as SPEC.md states it, with the defaults (SMALL_CELL_MIN_OFFICERS, SMALL_CELL_MIN_ACTIVITIES). */
export const SMALL_CELLS = { minOfficers: 3, minActivities: 10 };

export function figuresOf(activities: ActivityRow[]): Figures {
  const minutes = sum(activities.map((activity) => activity.duration_minutes));
  return {
    activities: activities.length,
    minutes,
    hours: minutes / 60,
    studentsReached: sum(activities.map((activity) => activity.students_reached)),
    staffReached: sum(activities.map((activity) => activity.staff_reached)),
    officerIds: new Set(activities.map((activity) => activity.officer_id)),
    agencyIds: new Set(activities.map((activity) => activity.agency_id)),
  };
}

function groupBy<K>(activities: ActivityRow[], key: (activity: ActivityRow) => K): Map<K, Figures> {
  const groups = new Map<K, ActivityRow[]>();
  for (const activity of activities) groups.set(key(activity), [...(groups.get(key(activity)) ?? []), activity]);
  return new Map([...groups].map(([value, rows]) => [value, figuresOf(rows)]));
}

/**
 * Which cells of a breakdown a chief gets suppressed: `certain`, those with other agencies' work on too few
 * officers or activities; when that is exactly one, one more of `oneOf` (the smallest other cells by activities).
 */
export interface Suppression<K> {
  certain: Set<K>;
  oneOf: Set<K>;
}

export function suppressionOf<K>(cells: Map<K, Figures>, viewer: Viewer): Suppression<K> {
  const none = { certain: new Set<K>(), oneOf: new Set<K>() };
  if (!viewer.agencyId || viewer.officerId) return none;
  const others = [...cells].filter(([, figures]) => [...figures.agencyIds].some((agency) => agency !== viewer.agencyId));
  const small = (figures: Figures) => figures.officerIds.size < SMALL_CELLS.minOfficers || figures.activities < SMALL_CELLS.minActivities;
  const certain = new Set(others.filter(([, figures]) => small(figures)).map(([key]) => key));
  if (certain.size !== 1) return { certain, oneOf: new Set() };
  const rest = others.filter(([key]) => !certain.has(key));
  const fewest = Math.min(...rest.map(([, figures]) => figures.activities));
  return { certain, oneOf: new Set(rest.filter(([, figures]) => figures.activities === fewest).map(([key]) => key)) };
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (date: string) => {
  const [year, month] = date.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
};
// Monday on or before the date.
const weekStart = (date: string) => shiftDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Calendar buckets touching [from, to], clipped to it, computed by walking the calendar. */
export function buckets(from: string, to: string, interval: 'WEEK' | 'MONTH'): { from: string; to: string }[] {
  const result: { from: string; to: string }[] = [];
  let start = interval === 'WEEK' ? weekStart(from) : monthStart(from);
  while (start <= to) {
    const next = interval === 'WEEK' ? shiftDays(start, 7) : nextMonth(start);
    result.push({ from: start < from ? from : start, to: shiftDays(next, -1) > to ? to : shiftDays(next, -1) });
    start = next;
  }
  return result;
}

function periodFigures(rows: Rows, from: string, to: string, filter: ActivityFilterValues, viewer: Viewer, interval: 'WEEK' | 'MONTH') {
  const schoolOf = new Map(rows.schools.map((school) => [school.id, school]));
  const matches = (activity: ActivityRow, who: Viewer) => {
    const school = activity.school_id === null ? undefined : schoolOf.get(activity.school_id);
    return (
      from <= activity.date &&
      activity.date <= to &&
      (!filter.agencyId || activity.agency_id === filter.agencyId) &&
      (!filter.schoolId || activity.school_id === filter.schoolId) &&
      (!filter.officerId || activity.officer_id === filter.officerId) &&
      (!filter.category || activity.category === filter.category) &&
      (!filter.topic || activity.topic === filter.topic) &&
      (!filter.level || school?.level === filter.level) &&
      (!filter.locale || school?.locale === filter.locale) &&
      (!who.agencyId || activity.agency_id === who.agencyId) &&
      (!who.officerId || activity.officer_id === who.officerId)
    );
  };
  const seen = rows.activities.filter((activity) => matches(activity, viewer));
  // A chief sees every agency in aggregate, unless the filter names a school or an officer.
  const agencyViewer = viewer.agencyId && !filter.schoolId && !filter.officerId ? {} : viewer;
  const forAgencies = rows.activities.filter((activity) => matches(activity, agencyViewer));
  return {
    viewer,
    period: { from, to, days: dayCount(from, to) },
    totals: figuresOf(seen),
    byCategory: groupBy(seen, (activity) => activity.category),
    byTopic: groupBy(
      seen.filter((activity) => activity.topic !== null),
      (activity) => activity.topic!,
    ),
    byAgency: groupBy(forAgencies, (activity) => activity.agency_id),
    bySchool: groupBy(seen, (activity) => activity.school_id),
    byOfficer: groupBy(seen, (activity) => activity.officer_id),
    series: buckets(from, to, interval).map((bucket) => ({
      ...bucket,
      ...figuresOf(seen.filter((activity) => bucket.from <= activity.date && activity.date <= bucket.to)),
    })),
  };
}

export type ExpectedPeriod = ReturnType<typeof periodFigures>;

function change(now: number, before: number) {
  return { absolute: now - before, percent: before === 0 ? null : ((now - before) / before) * 100 };
}

export type Comparison = 'PREVIOUS_PERIOD' | 'PREVIOUS_QUARTER' | 'SAME_PERIOD_LAST_YEAR';

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * A date some months back, walking the calendar one month at a time: the same day, or the month's last day when
 * the month is shorter or when a month's end should stay one.
 */
function monthsBack(date: string, months: number, keepMonthEnd: boolean): string {
  let [year, month] = date.split('-').map(Number);
  const day = Number(date.slice(8));
  const wasMonthEnd = day === lastDayOfMonth(year, month);
  for (let step = 0; step < months; step += 1) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  const last = lastDayOfMonth(year, month);
  const target = keepMonthEnd && wasMonthEnd ? last : Math.min(day, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(target).padStart(2, '0')}`;
}

/** The period a report is compared with, as an analyst reads ComparisonPeriod's description. */
export function comparisonOf(from: string, to: string, compareTo: Comparison): { from: string; to: string } {
  if (compareTo === 'PREVIOUS_PERIOD') return { from: shiftDays(from, -dayCount(from, to)), to: shiftDays(from, -1) };
  const months = compareTo === 'PREVIOUS_QUARTER' ? 3 : 12;
  return { from: monthsBack(from, months, false), to: monthsBack(to, months, true) };
}

/** The whole report: this period, the comparison period (by default the previous one of equal length), and the change. */
export function expectedActivity(
  rows: Rows,
  from: string,
  to: string,
  filter: ActivityFilterValues = {},
  viewer: Viewer = {},
  interval: 'WEEK' | 'MONTH' = 'MONTH',
  compareTo: Comparison = 'PREVIOUS_PERIOD',
) {
  const current = periodFigures(rows, from, to, filter, viewer, interval);
  const comparison = comparisonOf(from, to, compareTo);
  const previous = periodFigures(rows, comparison.from, comparison.to, filter, viewer, interval);
  const keys = ['activities', 'minutes', 'hours', 'studentsReached', 'staffReached'] as const;
  const totalsOf = (period: ExpectedPeriod) => new Map([['totals', period.totals]]);
  const suppressed = [current, previous].some((period) => suppressionOf(totalsOf(period), viewer).certain.size > 0);
  return {
    ...current,
    previous,
    change: Object.fromEntries(keys.map((key) => [key, suppressed ? null : change(current.totals[key], previous.totals[key])])) as Record<
      (typeof keys)[number],
      ReturnType<typeof change> | null
    >,
  };
}

const FIGURES = 'activities minutes hours studentsReached staffReached suppressed';
const PERIOD = `period { from to days label }
  totals { ${FIGURES} }
  byCategory { category ${FIGURES} }
  byTopic { topic ${FIGURES} }
  byAgency { agency { id name } ${FIGURES} }
  bySchool { school { id name } ${FIGURES} }
  byOfficer { officer { id firstName lastName } ${FIGURES} }
  series { from to ${FIGURES} }`;
const CHANGE = ['activities', 'minutes', 'hours', 'studentsReached', 'staffReached']
  .map((key) => `${key} { absolute percent suppressed }`)
  .join(' ');
export const ACTIVITY_REPORT = `query($from: Date, $to: Date, $preset: PeriodPreset, $programYear: Int, $quarter: Int, $filter: ActivityReportFilter, $interval: SeriesInterval, $compareTo: ComparisonPeriod) {
  activityReport(from: $from, to: $to, preset: $preset, programYear: $programYear, quarter: $quarter, filter: $filter, interval: $interval, compareTo: $compareTo) {
    interval compareTo scope { kind agencyId officerId } smallCells { minOfficers minActivities }
    ${PERIOD}
    previous { ${PERIOD} }
    change { ${CHANGE} }
  }
}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;
export type Entry = Figures & Json;

function expectFigures(actual: Entry, expected: Figures | undefined, where: string) {
  expect({ where, ...actual, hours: undefined }).toMatchObject({
    where,
    suppressed: false,
    activities: expected?.activities ?? 0,
    minutes: expected?.minutes ?? 0,
    studentsReached: expected?.studentsReached ?? 0,
    staffReached: expected?.staffReached ?? 0,
  });
  expect(Math.abs(actual.hours - (expected?.hours ?? 0))).toBeLessThanOrEqual(ROUNDING);
}

const SUPPRESSED = { activities: null, minutes: null, hours: null, studentsReached: null, staffReached: null, suppressed: true };

/** Each cell: its figures, or nulls where the viewer gets it suppressed. */
function expectBreakdown<K>(actual: Entry[], expected: Map<K, Figures>, key: (entry: Entry) => K, name: string, viewer: Viewer) {
  const keys = actual.map(key);
  expect(new Set(keys).size).toBe(keys.length);
  expect([...keys].map(String).sort()).toEqual([...expected.keys()].map(String).sort());
  const { certain, oneOf } = suppressionOf(expected, viewer);
  const complement = actual.filter((entry) => entry.suppressed && !certain.has(key(entry))).map(key);
  expect({ name, complement: complement.length }).toEqual({ name, complement: oneOf.size ? 1 : 0 });
  for (const entry of actual) {
    const where = `${name} ${String(key(entry))}`;
    if (certain.has(key(entry)) || complement.includes(key(entry))) expect({ where, ...entry }).toMatchObject({ where, ...SUPPRESSED });
    else expectFigures(entry, expected.get(key(entry)), where);
  }
  for (const entry of complement) expect(oneOf.has(entry)).toBe(true);
}

/** Every figure of one period of the answer against the independent computation. */
export function expectPeriod(actual: Json, expected: ExpectedPeriod) {
  expect(actual.period).toMatchObject(expected.period);
  const { viewer } = expected;
  expectBreakdown([actual.totals], new Map([['totals', expected.totals]]), () => 'totals', 'totals', viewer);
  expectBreakdown(actual.byCategory, expected.byCategory, (entry) => entry.category, 'category', viewer);
  expect(actual.byCategory.map((entry: Entry) => entry.category)).toEqual([...expected.byCategory.keys()].sort());
  expectBreakdown(actual.byTopic, expected.byTopic, (entry) => entry.topic, 'topic', viewer);
  expect(actual.byTopic.map((entry: Entry) => entry.topic)).toEqual([...expected.byTopic.keys()].sort());
  expectBreakdown(actual.byAgency, expected.byAgency, (entry) => Number(entry.agency.id), 'agency', viewer);
  expectBreakdown(actual.bySchool, expected.bySchool, (entry) => (entry.school ? Number(entry.school.id) : null), 'school', viewer);
  expectBreakdown(actual.byOfficer, expected.byOfficer, (entry) => Number(entry.officer.id), 'officer', viewer);
  expect(actual.series.map(({ from, to }: Entry) => ({ from, to }))).toEqual(expected.series.map(({ from, to }) => ({ from, to })));
  const series = new Map(expected.series.map((bucket) => [bucket.from, bucket]));
  expectBreakdown(actual.series, series, (entry) => entry.from, 'series', viewer);
}

export function expectReport(actual: Json, expected: ReturnType<typeof expectedActivity>) {
  expectPeriod(actual, expected);
  expectPeriod(actual.previous, expected.previous);
  for (const [key, change] of Object.entries(expected.change)) {
    if (change === null) {
      expect(actual.change[key]).toEqual({ absolute: null, percent: null, suppressed: true });
      continue;
    }
    expect(actual.change[key].suppressed).toBe(false);
    expect(actual.change[key].absolute).toBeCloseTo(change.absolute, 1);
    if (change.percent === null) expect(actual.change[key].percent).toBeNull();
    else expect(Math.abs(actual.change[key].percent - change.percent)).toBeLessThanOrEqual(0.051);
  }
}
