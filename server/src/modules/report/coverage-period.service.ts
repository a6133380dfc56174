import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { parseId } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import type { AbsenceReason } from '../officer-absence/officer-absence.entity';
import { School } from '../school/school.entity';
import { NO_SCHOOL, reportDate } from './coverage-report.service';
import type { CoverageFilter } from './coverage-report.types';
import { AgencyPeriodCoverage, CoverageGap, CoveragePeriodReport, SchoolPeriodCoverage } from './coverage-period.types';
import { requireReport } from './report.policy';
import { byId, Conditions, rows } from './sql';

/** The longest period one answer covers: a school year and a half of days. */
export const MAX_PERIOD_DAYS = 550;

/**
 * Per school and day of the period, what coverageReport tells that day (`day_status`), in one statement over
 * generate_series: the listed schools of each day, the officers away (sro_away_on, district-wide as coverage is),
 * the officers serving (present assigned ones, and each absent one's substitute), and the status.
 */
function periodTables(from: string, to: string, filter: CoverageFilter | null | undefined) {
  const listed = new Conditions().add('(s.active or s.deactivated_on >= d.day)');
  if (filter?.level) listed.add('s.level = ?', filter.level);
  if (filter?.locale) listed.add('s.locale = ?', filter.locale);
  if (filter?.agencyId) {
    listed.add(
      `exists (select 1 from assignment x where x.school_id = s.id and sro_officer_agency_on(x.officer_id, d.day) = ?
         and x.start_date <= d.day and (x.end_date is null or x.end_date >= d.day))`,
      parseId(filter.agencyId, 'filter.agencyId'),
    );
  }
  const text = `with days as (select generate_series(?::date, ?::date, interval '1 day')::date as day),
    listed as (
      select s.id as school_id, d.day, -- null when no school year is around the day: not NO_SCHOOL
             (${NO_SCHOOL.replaceAll('?::date', 'd.day')}) as no_school
        from school s cross join days d where ${listed.text}),
    away as (select d.day, w.absence_id, w.officer_id, w.substitute_id from days d cross join lateral sro_away_on(d.day) w),
    assigned as (
      select a.school_id, a.officer_id, a.role, l.day, l.no_school
        from listed l join assignment a on a.school_id = l.school_id and a.start_date <= l.day and (a.end_date is null or a.end_date >= l.day)),
    held as (
      select a.school_id, a.day, a.role from assigned a
       where not exists (select 1 from away w where w.officer_id = a.officer_id and w.day = a.day)
      union all
      select a.school_id, a.day, a.role from assigned a join away w on w.officer_id = a.officer_id and w.day = a.day
       where w.substitute_id is not null),
    day_status as (
      select l.school_id, l.day,
             case when l.no_school then 'NO_SCHOOL' when bool_or(h.role = 'PRIMARY') then 'COVERED' when count(h.role) > 0 then 'PARTIAL' else 'UNCOVERED' end as status
        from listed l left join held h on h.school_id = l.school_id and h.day = l.day
       group by l.school_id, l.day, l.no_school)`;
  return { text, params: [from, to, ...listed.params] };
}

interface SchoolRow {
  school_id: number;
  instructional_days: number;
  covered: number;
  partial: number;
  uncovered: number;
  share_covered: number | null;
  longest_uncovered_run: number;
}

interface AgencyRow {
  agency_id: number;
  away: boolean;
  /** Null when present, or when the caller may not read the absence (a chief, another agency's officer). */
  reason: AbsenceReason | null;
  days: number;
}

/** Coverage over a period, in SQL: ADMIN, ANALYST and chiefs (coverage is district-wide); FORBIDDEN for officers. */
export async function coveragePeriodReport(
  ctx: RequestContext,
  fromArgument: string,
  toArgument: string,
  filter: CoverageFilter | null | undefined,
): Promise<CoveragePeriodReport> {
  requireReport(ctx.actor, 'coverage');
  const from = reportDate(fromArgument, ctx.today, 'from');
  const to = reportDate(toArgument, ctx.today, 'to');
  if (to < from) throw badInput('to cannot be before from', { to: [`to must be on or after ${from}`] });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  if (days > MAX_PERIOD_DAYS) throw badInput(`A period is at most ${MAX_PERIOD_DAYS} days`, { to: [`Got ${days} days`] });
  const tables = periodTables(from, to, filter);
  const em = ctx.em;
  const [schoolRows, agencyRows, gapRows] = await Promise.all([
    rows<SchoolRow>(
      em,
      `${tables.text},
      runs as (
        select school_id, status, row_number() over (partition by school_id order by day)
               - row_number() over (partition by school_id, status = 'UNCOVERED' order by day) as run
          from day_status where status <> 'NO_SCHOOL'),
      longest as (
        select school_id, max(length) as length from (select school_id, run, count(*) as length from runs where status = 'UNCOVERED' group by school_id, run) r
         group by school_id)
      select d.school_id, count(*) filter (where d.status <> 'NO_SCHOOL')::int as instructional_days,
             count(*) filter (where d.status = 'COVERED')::int as covered, count(*) filter (where d.status = 'PARTIAL')::int as partial,
             count(*) filter (where d.status = 'UNCOVERED')::int as uncovered,
             round(count(*) filter (where d.status = 'COVERED')::numeric / nullif(count(*) filter (where d.status <> 'NO_SCHOOL'), 0), 4)::float8 as share_covered,
             coalesce(max(g.length), 0)::int as longest_uncovered_run
        from day_status d join school named on named.id = d.school_id left join longest g on g.school_id = d.school_id
       group by d.school_id, named.name order by named.name, d.school_id`,
      tables.params,
    ),
    // One row per officer and instructional day (an officer at two schools counts once), with the reason when away.
    rows<AgencyRow>(
      em,
      `${tables.text},
      officer_days as (
        select distinct a.officer_id, a.day from assigned a where a.no_school is not true)
      select sro_officer_agency_on(od.officer_id, od.day) as agency_id, w.absence_id is not null as away, x.reason, count(*)::int as days
        from officer_days od left join away w on w.officer_id = od.officer_id and w.day = od.day
        left join officer_absence x on x.id = w.absence_id
       group by 1, 2, 3`,
      tables.params,
    ),
    rows<{ school_id: number; day: string }>(
      em,
      `${tables.text} select d.school_id, to_char(d.day, 'YYYY-MM-DD') as day from day_status d join school named on named.id = d.school_id
        where d.status = 'UNCOVERED' and d.day >= ?::date order by d.day, named.name, d.school_id`,
      [...tables.params, ctx.today],
    ),
  ]);
  const [schools, agencies] = await Promise.all([
    byId(em, School, [...schoolRows.map((row) => row.school_id), ...gapRows.map((row) => row.school_id)]),
    byId(
      em,
      Agency,
      agencyRows.map((row) => row.agency_id),
    ),
  ]);
  const perAgency = new Map<number, AgencyPeriodCoverage>();
  for (const row of agencyRows) {
    const entry =
      perAgency.get(row.agency_id) ??
      Object.assign(new AgencyPeriodCoverage(), {
        agency: agencies.get(row.agency_id)!,
        officerDaysPresent: 0,
        officerDaysAbsent: 0,
        absentByReason: [],
      });
    perAgency.set(row.agency_id, entry);
    if (!row.away) entry.officerDaysPresent += row.days;
    else {
      entry.officerDaysAbsent += row.days;
      if (row.reason !== null) entry.absentByReason.push({ reason: row.reason, days: row.days });
    }
  }
  for (const entry of perAgency.values()) entry.absentByReason.sort((one, other) => (one.reason < other.reason ? -1 : 1));
  return Object.assign(new CoveragePeriodReport(), {
    from,
    to,
    schools: schoolRows.map((row) =>
      Object.assign(new SchoolPeriodCoverage(), {
        school: schools.get(row.school_id)!,
        instructionalDays: row.instructional_days,
        covered: row.covered,
        partial: row.partial,
        uncovered: row.uncovered,
        shareCovered: row.share_covered,
        longestUncoveredRun: row.longest_uncovered_run,
      }),
    ),
    agencies: [...perAgency.values()].sort(
      (one, other) => one.agency.name.localeCompare(other.agency.name) || one.agency.id - other.agency.id,
    ),
    gaps: gapRows.map((row) => Object.assign(new CoverageGap(), { date: row.day, school: schools.get(row.school_id)! })),
  });
}
