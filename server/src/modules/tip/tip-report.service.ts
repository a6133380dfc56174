import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { addDays, addMonths } from '../../common/dates';
import { requireRole } from '../../common/policy';
import { School } from '../school/school.entity';
import { ReportPeriod } from '../report/activity-report.types';
import { periodDays, previousPeriod, programYearStart, resolvePeriod, type Period } from '../report/periods';
import { byId } from '../report/sql';
import { tipReportCsv } from './tip-report.csv';
import { tipFigures, type CountRow, type DurationRow, type TipFiguresRow } from './tip-report.query';
import { TipAnnualFigures, TipCount, TipDurations, TipPeriodFigures, TipReport, type TipReportArgs } from './tip-report.types';
import { tipSettings } from './tip.settings';

/** What the tip report needs of the configuration beyond the tip deadlines. */
export interface TipReportSettings {
  programYearStartMonth: number;
  /** A chief's cells resting on fewer tips than this are withheld (SMALL_CELL_MIN_ACTIVITIES). */
  minTipsPerCell: number;
}

/** Schools with fewer tips than this are one line of the annual figures, as public tip-line reports group them. */
export const ANNUAL_SCHOOL_MIN_TIPS = 5;

/**
 * Who reads the report: ADMIN and ANALYST the district in full; a chief the district only as aggregates with
 * small cells withheld (its own officers' tips it reads one by one in the tips list); officers not at all.
 */
const TIP_REPORT_READERS = [Role.ADMIN, Role.ANALYST, Role.AGENCY_CHIEF];

/** Counts from 1 to below `min` are withheld; 0 tells nothing about anyone. */
const isSmall = (value: number, min: number) => value > 0 && value < min;

/** A breakdown with small cells withheld, and the next smallest too when one alone would be (so it cannot be subtracted back). */
function suppressCounts(cells: TipCount[], min: number | null): TipCount[] {
  if (min === null) return cells;
  const small = new Set(cells.filter((cell) => isSmall(cell.tips!, min)));
  if (small.size === 1) {
    const [next] = cells.filter((cell) => !small.has(cell) && cell.tips! > 0).sort((left, right) => left.tips! - right.tips!);
    if (next) small.add(next);
  }
  return cells.map((cell) => (small.has(cell) ? Object.assign(new TipCount(), cell, { tips: null, suppressed: true }) : cell));
}

const count = (value: number, min: number | null) => (min !== null && isSmall(value, min) ? null : value);
const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : part / whole);

function durations(row: DurationRow, min: number | null): TipDurations {
  const hidden = min !== null && isSmall(row.tips, min);
  return Object.assign(new TipDurations(), {
    tips: hidden ? null : row.tips,
    median: hidden ? null : row.median,
    p90: hidden ? null : row.p90,
    suppressed: hidden,
  });
}

type Labeller = (key: string) => string;
const asIs: Labeller = (key) => key;

const counts = (found: CountRow[], label: Labeller, min: number | null) =>
  suppressCounts(
    found.map((row) => Object.assign(new TipCount(), { key: row.key, label: label(row.key), tips: row.tips, suppressed: false })),
    min,
  );

async function schoolLabeller(ctx: RequestContext, ...rows: CountRow[][]): Promise<Labeller> {
  const ids = rows.flat().map((row) => (row.key === 'none' || row.key === 'fewer' ? null : Number(row.key)));
  const schools = await byId(ctx.em, School, ids);
  return (key) => (key === 'none' ? 'No school' : (schools.get(Number(key))?.name ?? `School ${key}`));
}

const reportPeriod = (period: Period) => Object.assign(new ReportPeriod(), { ...period, days: periodDays(period) });

async function periodFigures(ctx: RequestContext, row: TipFiguresRow, period: Period, min: number | null): Promise<TipPeriodFigures> {
  const school = await schoolLabeller(ctx, row.bySchool);
  const total = count(row.total, min);
  const lifeSafety = count(row.lifeSafety, min);
  const closed = count(row.closed, min);
  const unfoundedOrPrank = count(row.unfoundedOrPrank, min);
  return Object.assign(new TipPeriodFigures(), {
    period: reportPeriod(period),
    total,
    lifeSafety,
    lifeSafetyShare: share(lifeSafety, total),
    byCategory: counts(row.byCategory, asIs, min),
    bySource: counts(row.bySource, asIs, min),
    bySchool: counts(row.bySchool, school, min),
    byMonth: counts(row.byMonth, asIs, min),
    firstActionMinutesLifeSafety: durations(row.firstLifeSafety, min),
    firstActionMinutesOther: durations(row.firstOther, min),
    hoursToClose: durations(row.close, min),
    overdue: count(row.overdue, min),
    firstActionLate: count(row.late, min),
    closed,
    byDisposition: counts(row.byDisposition, asIs, min),
    unfoundedOrPrankShare: share(unfoundedOrPrank, closed),
  });
}

/** Schools with fewer than ANNUAL_SCHOOL_MIN_TIPS tips as one line ("fewer"), after the others. */
export function groupSmallSchools(found: CountRow[]): { rows: CountRow[]; grouped: number } {
  const small = found.filter((row) => row.key !== 'none' && row.tips < ANNUAL_SCHOOL_MIN_TIPS);
  const rows = found.filter((row) => !small.includes(row));
  if (small.length) rows.push({ key: 'fewer', tips: small.reduce((sum, row) => sum + row.tips, 0) });
  return { rows, grouped: small.length };
}

async function annualFigures(ctx: RequestContext, row: TipFiguresRow, year: Period, min: number | null): Promise<TipAnnualFigures> {
  const { rows, grouped } = groupSmallSchools(row.bySchool);
  const school = await schoolLabeller(ctx, rows);
  const label: Labeller = (key) =>
    key === 'fewer' ? `Schools with fewer than ${ANNUAL_SCHOOL_MIN_TIPS} tips (${grouped} schools)` : school(key);
  return Object.assign(new TipAnnualFigures(), {
    period: reportPeriod(year),
    total: count(row.total, min),
    byCategory: counts(row.byCategory, asIs, min),
    bySchool: counts(rows, label, min),
  });
}

/** The tip report: its period and the one before, and the program year of the period's last day, all in SQL. */
export async function tipReport(ctx: RequestContext, args: TipReportArgs, settings: TipReportSettings): Promise<TipReport> {
  const actor = requireRole(ctx.actor, ...TIP_REPORT_READERS);
  const period = resolvePeriod(args, ctx.today, settings.programYearStartMonth);
  const before = previousPeriod(period);
  const yearStart = programYearStart(period.to, settings.programYearStartMonth);
  const year: Period = { from: yearStart, to: addDays(addMonths(yearStart, 12), -1), label: `Program year from ${yearStart}` };
  const chief = actor.role === Role.AGENCY_CHIEF;
  const min = chief ? settings.minTipsPerCell : null;
  const { lifeSafetyMinutes, firstActionHours, timeZone } = tipSettings();
  const figures = (range: Period) =>
    tipFigures({
      em: ctx.em,
      timeZone,
      lifeSafetyMinutes,
      firstActionHours,
      from: range.from,
      to: range.to,
      districtWideFor: chief ? actor : null,
    });
  // One after another: a chief's statements each switch role in a savepoint of the one transaction.
  const current = await periodFigures(ctx, await figures(period), period, min);
  const previous = await periodFigures(ctx, await figures(before), before, min);
  const annual = await annualFigures(ctx, await figures(year), year, min);
  const report = Object.assign(new TipReport(), {
    current,
    previous,
    annual,
    suppressesSmallCells: chief,
    minTipsPerCell: settings.minTipsPerCell,
  });
  report.csv = tipReportCsv(report);
  return report;
}
