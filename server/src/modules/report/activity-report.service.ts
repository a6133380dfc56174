import type { RequestContext } from '../../common/context';
import { requireActor } from '../../common/policy';
import { parseId } from '../../common/validation';
import { ActivityQuery } from './activity-report.query';
import {
  ActivityPeriodReport,
  ActivityReport,
  ReportPeriod,
  type ActivityReportArgs,
  type ActivityReportFilter,
} from './activity-report.types';
import { comparisonPeriod, ComparisonPeriod, periodDays, resolvePeriod, SeriesInterval, type Period } from './periods';
import { countsCells, restrictionOf, type Restriction } from './report.policy';
import { scopeOf } from './report.scope';
import { SmallCellRule, smallCellsSuppressed } from './small-cells';
import { Conditions } from './sql';

/** What the report module needs from the configuration. */
export interface ReportSettings {
  /** Month (1-12) on whose 1st the program year starts. */
  programYearStartMonth: number;
  /** When a chief's figures about other agencies are suppressed (SMALL_CELL_MIN_OFFICERS, SMALL_CELL_MIN_ACTIVITIES). */
  smallCells: { minOfficers: number; minActivities: number };
}

interface ParsedFilter {
  agencyId: number | null;
  schoolId: number | null;
  officerId: number | null;
  filter: ActivityReportFilter | null | undefined;
}

function parseFilter(filter: ActivityReportFilter | null | undefined): ParsedFilter {
  const id = (value: string | null | undefined, field: string) => (value ? parseId(value, `filter.${field}`) : null);
  return {
    agencyId: id(filter?.agencyId, 'agencyId'),
    schoolId: id(filter?.schoolId, 'schoolId'),
    officerId: id(filter?.officerId, 'officerId'),
    filter,
  };
}

/**
 * Period, filter and restriction as SQL over `activity a` and `school s`. Agencies are the activity's own
 * (`a.agency_id`, the agency its officer served on its date): a transfer moves no past credit.
 */
function conditions(period: Period, { agencyId, schoolId, officerId, filter }: ParsedFilter, restriction: Restriction): Conditions {
  const where = new Conditions().add('a.date between ?::date and ?::date', period.from, period.to);
  if (agencyId !== null) where.add('a.agency_id = ?', agencyId);
  if (schoolId !== null) where.add('a.school_id = ?', schoolId);
  if (officerId !== null) where.add('a.officer_id = ?', officerId);
  if (filter?.category) where.add('a.category = ?', filter.category);
  if (filter?.topic) where.add('a.topic = ?', filter.topic);
  if (filter?.level) where.add('s.level = ?', filter.level);
  if (filter?.locale) where.add('s.locale = ?', filter.locale);
  if (restriction.agencyId !== null) where.add('a.agency_id = ?', restriction.agencyId);
  if (restriction.officerId !== null) where.add('a.officer_id = ?', restriction.officerId);
  return where;
}

/**
 * A chief sees other agencies only as one aggregate each, in byAgency; and not even that when the filter names a
 * school or an officer, because an agency's figures at one school or for one officer are a per-school or
 * per-officer breakdown. Everyone else sees in byAgency what it sees elsewhere.
 */
function agencyRestriction(restriction: Restriction, filter: ParsedFilter): Restriction {
  if (restriction.officerId !== null || restriction.agencyId === null) return restriction;
  return filter.schoolId !== null || filter.officerId !== null ? restriction : { agencyId: null, officerId: null };
}

function reportPeriod(period: Period): ReportPeriod {
  return Object.assign(new ReportPeriod(), { ...period, days: periodDays(period) });
}

/**
 * The program activity report for every signed-in role, scoped by role (see ReportScope). Arguments are checked
 * here, before any SQL runs; the figures are computed when their fields are read.
 */
export function activityReport(ctx: RequestContext, args: Partial<ActivityReportArgs>, settings: ReportSettings): ActivityReport {
  const actor = requireActor(ctx.actor);
  const period = resolvePeriod(args, ctx.today, settings.programYearStartMonth);
  const interval = args.interval ?? SeriesInterval.MONTH;
  const compareTo = args.compareTo ?? ComparisonPeriod.PREVIOUS_PERIOD;
  const before = comparisonPeriod(period, compareTo, settings.programYearStartMonth);
  const filter = parseFilter(args.filter);
  const restriction = restrictionOf(actor);
  const agencies = agencyRestriction(restriction, filter);
  const rule = Object.assign(new SmallCellRule(), settings.smallCells);
  const query = (range: Period) =>
    smallCellsSuppressed(
      new ActivityQuery({
        em: ctx.em,
        period: range,
        interval,
        detail: conditions(range, filter, restriction),
        agencies: conditions(range, filter, agencies),
        aggregateOutsideRowSecurity: agencies.agencyId === restriction.agencyId ? null : actor,
        countCells: countsCells(actor),
      }),
      actor,
      rule,
    );
  const previous = new ActivityPeriodReport(query(before), reportPeriod(before));
  return new ActivityReport(query(period), reportPeriod(period), interval, scopeOf(actor), compareTo, previous, rule);
}
