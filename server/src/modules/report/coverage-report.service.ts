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
}

interface SummaryRow {
  schools: number;
  enrollment: number;
  covered: number;
  partial: number;
  uncovered: number;
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

/**
 * The listed schools (`listed`), the assignments active at them on the date (`held`) and each school's status
 * (`school_status`), shared by every statement of the report.
 */
function coverageTables(date: string, filter: CoverageFilter | null | undefined) {
  const listed = new Conditions().add('s.active');
  if (filter?.level) listed.add('s.level = ?', filter.level);
  if (filter?.locale) listed.add('s.locale = ?', filter.locale);
  if (filter?.agencyId) {
    const agencyId = parseId(filter.agencyId, 'filter.agencyId');
    listed.add(
      `exists (select 1 from assignment x join officer xo on xo.id = x.officer_id where x.school_id = s.id and xo.agency_id = ? and ${activeOnDate('x')})`,
      agencyId,
      date,
      date,
    );
  }
  const text = `with listed as (select s.id, s.name, s.enrollment from school s where ${listed.text}),
    held as (
      select a.id, a.school_id, a.officer_id, a.role, a.fte, a.start_date, a.end_date, o.agency_id
        from assignment a join officer o on o.id = a.officer_id join listed l on l.id = a.school_id
       where ${activeOnDate('a')}),
    school_status as (
      select l.id, l.name, l.enrollment, coalesce(sum(h.fte), 0) as fte,
             case when bool_or(h.role = 'PRIMARY') then 'COVERED' when count(h.id) > 0 then 'PARTIAL' else 'UNCOVERED' end as status
        from listed l left join held h on h.school_id = l.id
       group by l.id, l.name, l.enrollment)`;
  return { text, params: [...listed.params, date, date] };
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
  const heldRowsRead = rows<HeldRow>(
    em,
    `${tables.text} select h.id, h.school_id, h.officer_id, h.agency_id, h.role, h.fte::float8 as fte, ${isoDate('h.start_date')} as start_date, ${isoDate('h.end_date')} as end_date
       from held h join officer o on o.id = h.officer_id order by h.school_id, ${ROLE_ORDER}, o.last_name, o.first_name, h.id`,
    tables.params,
  );
  const [schoolRows, heldRows, [summaryRow], agencyRows, schools, officers, agencies] = await Promise.all([
    schoolRowsRead,
    heldRowsRead,
    rows<SummaryRow>(
      em,
      `${tables.text} select count(*)::int as schools, coalesce(sum(enrollment), 0)::float8 as enrollment,
              count(*) filter (where status = 'COVERED')::int as covered, count(*) filter (where status = 'PARTIAL')::int as partial,
              count(*) filter (where status = 'UNCOVERED')::int as uncovered, (select count(distinct officer_id) from held)::int as officers,
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
    heldRowsRead.then((found) =>
      byId(
        em,
        Officer,
        found.map((row) => row.officer_id),
        ctx.fieldsOf(Officer),
      ),
    ),
    heldRowsRead.then((found) =>
      byId(
        em,
        Agency,
        found.map((row) => row.agency_id),
        ctx.fieldsOf(Agency),
      ),
    ),
  ]);

  const officersBySchool = new Map<number, CoverageOfficer[]>();
  for (const row of heldRows) {
    const entry = Object.assign(new CoverageOfficer(), {
      assignmentId: String(row.id),
      officer: officers.get(row.officer_id)!,
      agency: agencies.get(row.agency_id)!,
      role: row.role,
      fte: row.fte,
      startDate: row.start_date,
      endDate: row.end_date,
    });
    const held = officersBySchool.get(row.school_id);
    if (held) held.push(entry);
    else officersBySchool.set(row.school_id, [entry]);
  }
  const summary = Object.assign(new CoverageSummary(), {
    schools: summaryRow.schools,
    enrollment: summaryRow.enrollment,
    byStatus: { covered: summaryRow.covered, partial: summaryRow.partial, uncovered: summaryRow.uncovered },
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
        totalFte: row.total_fte,
        enrollmentPerSroFte: row.per_fte,
      }),
    ),
  });
}
