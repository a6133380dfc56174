import type { RequestContext } from '../../common/context';
import { isCalendarDate } from '../../common/dates';
import { badInput } from '../../common/errors';
import { parseId } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import type { AssignmentRole } from '../assignment/assignment.entity';
import type { CoverageStatus } from '../assignment/coverage';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { AgencyCoverage, CoverageFilter, CoverageOfficer, CoverageReport, CoverageSummary, SchoolCoverage } from './coverage-report.types';
import { requireReport } from './report.policy';
import { activeOnDate, byId, Conditions, isoDate, rows } from './sql';

interface SchoolRow {
  id: number;
  status: CoverageStatus;
  total_fte: number;
  per_fte: number | null;
}

interface HeldRow {
  id: number;
  school_id: number;
  officer_id: number;
  agency_id: number;
  role: AssignmentRole;
  fte: number;
  start_date: string;
  end_date: string | null;
  /** In `held`: the absent officer this one substitutes for; in `absent`: the absent officer's substitute. */
  other_officer_id: number | null;
}

interface SummaryRow {
  schools: number;
  enrollment: number;
  covered: number;
  partial: number;
  uncovered: number;
  no_school: number;
  officers: number;
  total_fte: number;
  per_fte: number | null;
}

interface AgencyRow {
  agency_id: number;
  schools_served: number;
  officers: number;
  fte: number;
}

/** Reads a date argument: today when left out. */
export function reportDate(date: string | null | undefined, today: string, field = 'date'): string {
  if (date === null || date === undefined) return today;
  if (!isCalendarDate(date))
    throw badInput(`${field} must be a date written YYYY-MM-DD`, { [field]: [`${JSON.stringify(date)} is not a date`] });
  return date;
}

/** The longest break between two school years that is a summer, out of session; a longer one is a calendar not kept. */
export const LONGEST_SUMMER_DAYS = 120;

/**
 * Whether a school has no school on the date (`no_school`): a closure of that school or of every school; a weekend
 * within a school year; or a day between two school years at most LONGEST_SUMMER_DAYS apart (the summer). Where no
 * school year is defined around the date, only closures count, as before the calendar existed.
 */
export const NO_SCHOOL = `exists (select 1 from school_closure c where (c.school_id is null or c.school_id = s.id) and c.start_date <= ?::date and c.end_date >= ?::date)
  or (extract(isodow from ?::date) >= 6 and exists (select 1 from school_year y where y.first_day <= ?::date and y.last_day >= ?::date))
  or ((select min(y.first_day) from school_year y where y.first_day > ?::date) - (select max(y.last_day) from school_year y where y.last_day < ?::date)
      <= ${LONGEST_SUMMER_DAYS} + 1
      and not exists (select 1 from school_year y where y.first_day <= ?::date and y.last_day >= ?::date))`;
const NO_SCHOOL_DATES = 9;

/**
 * The listed schools (`listed`, with `no_school`), the assignments active at them on the date (`assigned`), the
 * officers away that day (`away`, sro_away_on: coverage is district-wide, a chief's row security is not), the
 * officers serving (`held`: the present assigned officers, and each absent one's substitute in its place, with
 * `substitute_for`), the absent assigned officers (`absent`), and each school's status (`school_status`), shared by
 * every statement of the report.
 */
function coverageTables(date: string, filter: CoverageFilter | null | undefined) {
  // The schools in the program on the date: active, or deactivated on or after it.
  const listed = new Conditions().add('(s.active or s.deactivated_on >= ?::date)', date);
  if (filter?.level) listed.add('s.level = ?', filter.level);
  if (filter?.locale) listed.add('s.locale = ?', filter.locale);
  if (filter?.agencyId) {
    const agencyId = parseId(filter.agencyId, 'filter.agencyId');
    listed.add(
      `exists (select 1 from assignment x where x.school_id = s.id and sro_officer_agency_on(x.officer_id, ?::date) = ? and ${activeOnDate('x')})`,
      date,
      agencyId,
      date,
      date,
    );
  }
  const text = `with listed as (select s.id, s.name, s.enrollment, (${NO_SCHOOL}) as no_school from school s where ${listed.text}),
    away as (select w.officer_id, w.substitute_id from sro_away_on(?::date) w),
    assigned as (
      select a.id, a.school_id, a.officer_id, a.role, a.fte, a.start_date, a.end_date
        from assignment a join listed l on l.id = a.school_id
       where ${activeOnDate('a')}),
    held as (
      select a.id, a.school_id, a.officer_id, a.role, a.fte, a.start_date, a.end_date, sro_officer_agency_on(a.officer_id, ?::date) as agency_id,
             null::integer as substitute_for
        from assigned a
       where not exists (select 1 from away w where w.officer_id = a.officer_id)
      union all
      select a.id, a.school_id, w.substitute_id, a.role, a.fte, a.start_date, a.end_date, sro_officer_agency_on(w.substitute_id, ?::date) as agency_id, a.officer_id
        from assigned a join away w on w.officer_id = a.officer_id where w.substitute_id is not null),
    absent as (
      select a.id, a.school_id, a.officer_id, a.role, a.fte, a.start_date, a.end_date, sro_officer_agency_on(a.officer_id, ?::date) as agency_id, w.substitute_id
        from assigned a join away w on w.officer_id = a.officer_id),
    school_status as (
      select l.id, l.name, l.enrollment, coalesce(sum(h.fte), 0) as fte,
             case when l.no_school then 'NO_SCHOOL' when bool_or(h.role = 'PRIMARY') then 'COVERED' when count(h.id) > 0 then 'PARTIAL' else 'UNCOVERED' end as status
        from listed l left join held h on h.school_id = l.id
       group by l.id, l.name, l.enrollment, l.no_school)`;
  // The agencies are those the officers served on the date (a later transfer moves nothing).
  return { text, params: [...Array<string>(NO_SCHOOL_DATES).fill(date), ...listed.params, date, date, date, date, date, date] };
}

const ROLE_ORDER = `case h.role when 'PRIMARY' then 0 when 'SECONDARY' then 1 else 2 end`;

/** The coverage report: ADMIN, ANALYST and chiefs (coverage is district-wide, SPEC.md); FORBIDDEN for officers. */
export async function coverageReport(
  ctx: RequestContext,
  dateArgument: string | null | undefined,
  filter: CoverageFilter | null | undefined,
): Promise<CoverageReport> {
  requireReport(ctx.actor, 'coverage');
  const date = reportDate(dateArgument, ctx.today);
  const tables = coverageTables(date, filter);
  const em = ctx.em;
  // The statements go out at once (the connection pipelines them), and the records by id as soon as their ids
  // arrive: PostgreSQL runs one statement while Node reads the rows of the one before.
  const schoolRowsRead = rows<SchoolRow>(
    em,
    `${tables.text} select id, status, fte::float8 as total_fte, round(enrollment / nullif(fte, 0), 2)::float8 as per_fte from school_status order by name, id`,
    tables.params,
  );
  const officerRows = (table: 'held' | 'absent', other: string) =>
    rows<HeldRow>(
      em,
      `${tables.text} select h.id, h.school_id, h.officer_id, h.agency_id, h.role, h.fte::float8 as fte, ${isoDate('h.start_date')} as start_date, ${isoDate('h.end_date')} as end_date,
              h.${other} as other_officer_id
         from ${table} h join officer o on o.id = h.officer_id order by h.school_id, ${ROLE_ORDER}, o.last_name, o.first_name, h.id`,
      tables.params,
    );
  const heldRowsRead = officerRows('held', 'substitute_for');
  const absentRowsRead = officerRows('absent', 'substitute_id');
  const officerIds = Promise.all([heldRowsRead, absentRowsRead]).then((found) =>
    found.flat().flatMap((row) => [row.officer_id, row.other_officer_id]),
  );
  const [schoolRows, heldRows, absentRows, [summaryRow], agencyRows, schools, officers, agencies] = await Promise.all([
    schoolRowsRead,
    heldRowsRead,
    absentRowsRead,
    rows<SummaryRow>(
      em,
      `${tables.text} select count(*)::int as schools, coalesce(sum(enrollment), 0)::float8 as enrollment,
              count(*) filter (where status = 'COVERED')::int as covered, count(*) filter (where status = 'PARTIAL')::int as partial,
              count(*) filter (where status = 'UNCOVERED')::int as uncovered, count(*) filter (where status = 'NO_SCHOOL')::int as no_school,
              (select count(distinct officer_id) from held)::int as officers,
              coalesce(sum(fte), 0)::float8 as total_fte, round(sum(enrollment) / nullif(sum(fte), 0), 2)::float8 as per_fte
         from school_status`,
      tables.params,
    ),
    rows<AgencyRow>(
      em,
      `${tables.text} select h.agency_id, count(distinct h.school_id)::int as schools_served, count(distinct h.officer_id)::int as officers, sum(h.fte)::float8 as fte
         from held h join agency ag on ag.id = h.agency_id group by h.agency_id, ag.name order by ag.name, h.agency_id`,
      tables.params,
    ),
    schoolRowsRead.then((found) =>
      byId(
        em,
        School,
        found.map((row) => row.id),
        ctx.fieldsOf(School),
      ),
    ),
    officerIds.then((ids) => byId(em, Officer, ids, ctx.fieldsOf(Officer))),
    Promise.all([heldRowsRead, absentRowsRead]).then((found) =>
      byId(
        em,
        Agency,
        found.flat().map((row) => row.agency_id),
        ctx.fieldsOf(Agency),
      ),
    ),
  ]);

  const bySchool = (found: HeldRow[], other: 'substituteFor' | 'substitutedBy') => {
    const entries = new Map<number, CoverageOfficer[]>();
    for (const row of found) {
      const entry = Object.assign(new CoverageOfficer(), {
        assignmentId: String(row.id),
        officer: officers.get(row.officer_id)!,
        agency: agencies.get(row.agency_id)!,
        role: row.role,
        fte: row.fte,
        startDate: row.start_date,
        endDate: row.end_date,
        substituteFor: null,
        substitutedBy: null,
        [other]: row.other_officer_id === null ? null : (officers.get(row.other_officer_id) ?? null),
      });
      const listed = entries.get(row.school_id);
      if (listed) listed.push(entry);
      else entries.set(row.school_id, [entry]);
    }
    return entries;
  };
  const officersBySchool = bySchool(heldRows, 'substituteFor');
  const absentBySchool = bySchool(absentRows, 'substitutedBy');
  const summary = Object.assign(new CoverageSummary(), {
    schools: summaryRow.schools,
    enrollment: summaryRow.enrollment,
    byStatus: {
      covered: summaryRow.covered,
      partial: summaryRow.partial,
      uncovered: summaryRow.uncovered,
      noSchool: summaryRow.no_school,
    },
    officers: summaryRow.officers,
    totalFte: summaryRow.total_fte,
    enrollmentPerSroFte: summaryRow.per_fte,
    byAgency: agencyRows.map((row) =>
      Object.assign(new AgencyCoverage(), {
        agency: agencies.get(row.agency_id)!,
        schoolsServed: row.schools_served,
        officers: row.officers,
        fte: row.fte,
      }),
    ),
  });
  return Object.assign(new CoverageReport(), {
    date,
    summary,
    schools: schoolRows.map((row) =>
      Object.assign(new SchoolCoverage(), {
        school: schools.get(row.id)!,
        status: row.status,
        officers: officersBySchool.get(row.id) ?? [],
        absent: absentBySchool.get(row.id) ?? [],
        totalFte: row.total_fte,
        enrollmentPerSroFte: row.per_fte,
      }),
    ),
  });
}
