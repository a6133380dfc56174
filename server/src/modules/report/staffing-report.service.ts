import type { RequestContext } from '../../common/context';
import { addDays } from '../../common/dates';
import { badInput } from '../../common/errors';
import { parseId } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import { Assignment } from '../assignment/assignment.entity';
import { Officer } from '../officer/officer.entity';
import { reportDate } from './coverage-report.service';
import { requireReport, restrictionOf } from './report.policy';
import { scopeOf } from './report.scope';
import { activeOnDate, byId, Conditions, rows } from './sql';
import {
  AgencyStaffing,
  DEFAULT_ENDING_WITHIN_DAYS,
  MAX_ENDING_WITHIN_DAYS,
  StaffingFigures,
  StaffingReport,
  type StaffingFilter,
} from './staffing-report.types';

interface FiguresRow {
  active_officers: number;
  assigned_officers: number;
  unassigned_officers: number;
  total_fte: number;
  schools_served: number;
  assignments_ending: number;
}

function endingWithinDays(filter: StaffingFilter | null | undefined): number {
  const days = filter?.endingWithinDays ?? DEFAULT_ENDING_WITHIN_DAYS;
  if (!Number.isInteger(days) || days < 0 || days > MAX_ENDING_WITHIN_DAYS) {
    throw badInput(`endingWithinDays must be a whole number from 0 to ${MAX_ENDING_WITHIN_DAYS}`, {
      'filter.endingWithinDays': [`Got ${days}`],
    });
  }
  return days;
}

/**
 * Everything as it was on the date, whatever changed since: `held`: assignments active on the date at schools in
 * the program then (active, or deactivated on or after the date), credited to the agency their officer served on
 * the date; `listed`: the agencies reported on; `ending`: their assignments ending in the window; `staff`: the
 * officers in the program on the date (created by then, ACTIVE or not left before it), present (no absence that day), with
 * the agency they served then, and whether each holds an assignment.
 */
function staffingTables(date: string, endingBy: string, agencyId: number | null) {
  const listed = new Conditions().add(
    `ag.active or exists (select 1 from officer lo where lo.agency_id = ag.id and lo.status = 'ACTIVE') or exists (select 1 from held lh where lh.agency_id = ag.id)`,
  );
  if (agencyId !== null) listed.add('ag.id = ?', agencyId);
  const text = `with held as (
      select a.id, a.officer_id, a.school_id, a.fte, sro_officer_agency_on(a.officer_id, ?::date) as agency_id
        from assignment a join school sc on sc.id = a.school_id
       where (sc.active or sc.deactivated_on >= ?::date) and ${activeOnDate('a')}),
    listed as (select ag.id, ag.name from agency ag where ${listed.text}),
    ending as (
      select e.* from (
        select a.id, a.officer_id, a.end_date, sro_officer_agency_on(a.officer_id, ?::date) as agency_id
          from assignment a join school sc on sc.id = a.school_id
         where (sc.active or sc.deactivated_on >= ?::date) and a.end_date between ?::date and ?::date) e
        join listed l on l.id = e.agency_id),
    staff as (
      select s.id, s.agency_id, exists (select 1 from held h where h.officer_id = s.id) as assigned from (
        select o.id, sro_officer_agency_on(o.id, ?::date) as agency_id from officer o
         where o.created_at::date <= ?::date
           and ((o.left_program_on is null and o.status = 'ACTIVE') or o.left_program_on >= ?::date)
           and not exists (select 1 from sro_away_on(?::date) w where w.officer_id = o.id)) s
        join listed l on l.id = s.agency_id)`;
  return { text, params: [date, date, date, date, ...listed.params, date, date, date, endingBy, date, date, date, date] };
}

function figures<T extends StaffingFigures>(target: T, row: FiguresRow): T {
  return Object.assign(target, {
    activeOfficers: row.active_officers,
    assignedOfficers: row.assigned_officers,
    unassignedOfficers: row.unassigned_officers,
    totalFte: row.total_fte,
    schoolsServed: row.schools_served,
    assignmentsEnding: row.assignments_ending,
  });
}

/** The staffing report: ADMIN, ANALYST and chiefs (lists of own agency only); FORBIDDEN for officers. */
export async function staffingReport(
  ctx: RequestContext,
  dateArgument: string | null | undefined,
  filter: StaffingFilter | null | undefined,
): Promise<StaffingReport> {
  const actor = requireReport(ctx.actor, 'staffing');
  const date = reportDate(dateArgument, ctx.today);
  const days = endingWithinDays(filter);
  const endingBy = addDays(date, days);
  const agencyId = filter?.agencyId ? parseId(filter.agencyId, 'filter.agencyId') : null;
  const tables = staffingTables(date, endingBy, agencyId);
  const own = restrictionOf(actor).agencyId;
  // A chief's lists hold only its own officers; the counts above them cover every agency.
  const ownOnly = (column: string) => (own === null ? 'true' : `${column} = ?`);
  const listParams = own === null ? tables.params : [...tables.params, own];
  const em = ctx.em;

  const [agencyRows, [totalsRow], unassignedIds, endingIds] = await Promise.all([
    rows<FiguresRow & { agency_id: number }>(
      em,
      `${tables.text} select l.id as agency_id,
         (select count(*) from staff st where st.agency_id = l.id)::int as active_officers,
         (select count(*) from staff st where st.agency_id = l.id and st.assigned)::int as assigned_officers,
         (select count(*) from staff st where st.agency_id = l.id and not st.assigned)::int as unassigned_officers,
         (select coalesce(sum(h.fte), 0) from held h where h.agency_id = l.id)::float8 as total_fte,
         (select count(distinct h.school_id) from held h where h.agency_id = l.id)::int as schools_served,
         (select count(*) from ending e where e.agency_id = l.id)::int as assignments_ending
       from listed l order by l.name, l.id`,
      tables.params,
    ),
    rows<FiguresRow>(
      em,
      `${tables.text} select (select count(*) from staff)::int as active_officers,
         (select count(*) from staff where assigned)::int as assigned_officers,
         (select count(*) from staff where not assigned)::int as unassigned_officers,
         (select coalesce(sum(h.fte), 0) from held h join listed l on l.id = h.agency_id)::float8 as total_fte,
         (select count(distinct h.school_id) from held h join listed l on l.id = h.agency_id)::int as schools_served,
         (select count(*) from ending)::int as assignments_ending`,
      tables.params,
    ),
    rows<{ id: number }>(
      em,
      `${tables.text} select st.id from staff st join officer o on o.id = st.id where not st.assigned and ${ownOnly('st.agency_id')} order by o.last_name, o.first_name, o.id`,
      listParams,
    ),
    rows<{ id: number }>(
      em,
      `${tables.text} select e.id from ending e join officer o on o.id = e.officer_id where ${ownOnly('e.agency_id')} order by e.end_date, o.last_name, o.first_name, e.id`,
      listParams,
    ),
  ]);
  const [agencies, officers, assignments] = await Promise.all([
    byId(
      em,
      Agency,
      agencyRows.map((row) => row.agency_id),
      ctx.fieldsOf(Agency),
    ),
    byId(
      em,
      Officer,
      unassignedIds.map((row) => row.id),
      ctx.fieldsOf(Officer),
    ),
    byId(
      em,
      Assignment,
      endingIds.map((row) => row.id),
      ctx.fieldsOf(Assignment),
    ),
  ]);

  return Object.assign(new StaffingReport(), {
    date,
    endingWithinDays: days,
    endingBy,
    scope: scopeOf(actor),
    agencies: agencyRows.map((row) => Object.assign(figures(new AgencyStaffing(), row), { agency: agencies.get(row.agency_id)! })),
    totals: figures(new StaffingFigures(), totalsRow),
    unassignedOfficers: unassignedIds.map((row) => officers.get(row.id)!),
    endingAssignments: endingIds.map((row) => assignments.get(row.id)!),
  });
}
