import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths } from '../../common/dates';
import type { RequestContext } from '../../common/context';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { ComparisonPeriod, comparisonPeriod, resolvePeriod, type Period } from '../report/periods';
import type { SafetyAuditSettings } from './corrective-action.service';
import type {
  AgeBandCount,
  FindingCount,
  SafetyAuditFigures,
  SafetyAuditReport,
  SafetyAuditReportArgs,
  SchoolAuditFigures,
  SchoolDueForAudit,
} from './safety-audit-report.types';
import { safetyAuditPolicy } from './safety-audit.policy';

/*
 * The quarterly analysis, in SQL. Every statement runs in the request's transaction as the request's database
 * role, so row security scopes it exactly as it scopes the lists: ADMIN and ANALYST the district, a chief the
 * schools its officers cover or audit, an officer its own schools. Only figures and names leave here, never a
 * finding's note.
 */

const rows = <T>(em: EntityManager, text: string, params: unknown[]) => em.execute<T[]>(text, params);

/** The submitted audits of the period (and school), as a CTE with 3 parameters: from, to, school id. */
const AUDITS = `audits as (
  select a.id, a.school_id, a.date from safety_audit a
   where a.status = 'SUBMITTED' and a.date between ?::date and ?::date and (?::int is null or a.school_id = ?::int))`;

const FAILING = `('NEEDS_IMPROVEMENT', 'DEFICIENT')`;

async function figures(
  em: EntityManager,
  period: Period,
  schoolId: number | null,
  asOf: string,
  cycleMonths: number,
): Promise<SafetyAuditFigures> {
  const audits = [period.from, period.to, schoolId, schoolId];
  const [totals] = await rows<{ audits: number; schools: number; findings: number; meeting: number; applicable: number }>(
    em,
    `with ${AUDITS}
     select (select count(*) from audits)::int as audits, (select count(distinct school_id) from audits)::int as schools,
            count(*) filter (where f.result in ${FAILING})::int as findings,
            count(*) filter (where f.result = 'MEETS')::int as meeting,
            count(*) filter (where f.result <> 'NOT_APPLICABLE')::int as applicable
       from audits a join safety_audit_finding f on f.audit_id = a.id`,
    audits,
  );
  const byArea = await rows<FindingCount>(
    em,
    `with ${AUDITS}
     select i.area, f.severity, count(*)::int as findings
       from audits a join safety_audit_finding f on f.audit_id = a.id join checklist_item i on i.id = f.item_id
      where f.result in ${FAILING} group by i.area, f.severity order by i.area, f.severity`,
    audits,
  );
  const bySchool = await rows<SchoolAuditFigures>(
    em,
    `with ${AUDITS}
     select a.school_id::text as "schoolId", s.name as "schoolName", count(distinct a.id)::int as audits,
            (count(*) filter (where f.result = 'MEETS'))::float8 / nullif(count(*) filter (where f.result <> 'NOT_APPLICABLE'), 0) as "meetingShare",
            count(*) filter (where f.severity in ('HIGH', 'CRITICAL')
              and not exists (select 1 from corrective_action c where c.finding_id = f.id and c.status = 'DONE'))::int as "openHighOrCritical"
       from audits a join school s on s.id = a.school_id left join safety_audit_finding f on f.audit_id = a.id
      group by a.school_id, s.name order by s.name`,
    audits,
  );
  // Actions of any audit of the school filter, by what happened to them in the period.
  const [actions] = await rows<{ opened: number; closed: number; overdue: number; median: number | null; p90: number | null }>(
    em,
    `with actions as (
       select c.status, c.due_on, c.completed_on, a.date as audit_date
         from corrective_action c join safety_audit_finding f on f.id = c.finding_id join safety_audit a on a.id = f.audit_id
        where a.status = 'SUBMITTED' and (?::int is null or a.school_id = ?::int))
     select count(*) filter (where audit_date between ?::date and ?::date)::int as opened,
            count(*) filter (where completed_on between ?::date and ?::date)::int as closed,
            count(*) filter (where status <> 'DONE' and due_on < ?::date and audit_date <= ?::date)::int as overdue,
            percentile_cont(0.5) within group (order by completed_on - audit_date) filter (where completed_on between ?::date and ?::date) as median,
            percentile_cont(0.9) within group (order by completed_on - audit_date) filter (where completed_on between ?::date and ?::date) as p90
       from actions`,
    [schoolId, schoolId, period.from, period.to, period.from, period.to, asOf, asOf, period.from, period.to, period.from, period.to],
  );
  const openByAge = await rows<AgeBandCount>(
    em,
    `with bands(band, low, high, position) as (values ('0-30', 0, 30, 1), ('31-90', 31, 90, 2), ('91-180', 91, 180, 3), ('181+', 181, null, 4))
     select b.band, count(c.id)::int as actions
       from bands b
       left join (corrective_action c join safety_audit_finding f on f.id = c.finding_id join safety_audit a on a.id = f.audit_id
                  and a.status = 'SUBMITTED' and (?::int is null or a.school_id = ?::int) and a.date <= ?::date)
         on c.status <> 'DONE' and ?::date - a.date >= b.low and (b.high is null or ?::date - a.date <= b.high)
      group by b.band, b.position order by b.position`,
    [schoolId, schoolId, asOf, asOf, asOf],
  );
  const [due] = await rows<{ due: number }>(
    em,
    `select count(*)::int as due from school s
      where s.active and (?::int is null or s.id = ?::int)
        and not exists (select 1 from safety_audit a where a.school_id = s.id and a.status = 'SUBMITTED' and a.date > ?::date and a.date <= ?::date)`,
    [schoolId, schoolId, addMonths(asOf, -cycleMonths), asOf],
  );
  return {
    from: period.from,
    to: period.to,
    audits: totals.audits,
    schoolsAudited: totals.schools,
    schoolsDue: due.due,
    findings: totals.findings,
    findingsByAreaAndSeverity: byArea,
    meetingShare: totals.applicable ? totals.meeting / totals.applicable : null,
    bySchool,
    actionsOpened: actions.opened,
    actionsClosed: actions.closed,
    openByAge,
    overdue: actions.overdue,
    medianDaysToClose: actions.median === null ? null : Number(actions.median),
    p90DaysToClose: actions.p90 === null ? null : Number(actions.p90),
  };
}

export interface SafetyAuditReportSettings extends SafetyAuditSettings {
  programYearStartMonth: number;
}

export async function safetyAuditReport(
  ctx: RequestContext,
  args: SafetyAuditReportArgs,
  settings: SafetyAuditReportSettings,
): Promise<SafetyAuditReport> {
  requireRole(ctx.actor, ...safetyAuditPolicy.readers);
  const period = resolvePeriod(args, ctx.today, settings.programYearStartMonth);
  const before = comparisonPeriod(period, ComparisonPeriod.PREVIOUS_PERIOD, settings.programYearStartMonth);
  const schoolId = args.schoolId ? parseId(args.schoolId, 'schoolId') : null;
  const earlier = (date: string) => (date < ctx.today ? date : ctx.today);
  const current = await figures(ctx.em, period, schoolId, earlier(period.to), settings.cycleMonths);
  const previous = await figures(ctx.em, before, schoolId, earlier(before.to), settings.cycleMonths);
  const mostOpenHighOrCritical = await rows<SchoolAuditFigures>(
    ctx.em,
    `select a.school_id::text as "schoolId", s.name as "schoolName", count(distinct a.id)::int as audits, null::float8 as "meetingShare",
            count(*)::int as "openHighOrCritical"
       from safety_audit a join school s on s.id = a.school_id join safety_audit_finding f on f.audit_id = a.id
      where a.status = 'SUBMITTED' and f.severity in ('HIGH', 'CRITICAL') and (?::int is null or a.school_id = ?::int)
        and not exists (select 1 from corrective_action c where c.finding_id = f.id and c.status = 'DONE')
      group by a.school_id, s.name order by count(*) desc, s.name limit 5`,
    [schoolId, schoolId],
  );
  return {
    current,
    previous,
    auditsChange: current.audits - previous.audits,
    meetingShareChange:
      current.meetingShare === null || previous.meetingShare === null ? null : current.meetingShare - previous.meetingShare,
    mostOpenHighOrCritical,
  };
}

/** Active schools without a submitted audit in the last AUDIT_CYCLE_MONTHS, the longest overdue (or never audited) first. */
export function schoolsDueForAudit(ctx: RequestContext, settings: SafetyAuditSettings): Promise<SchoolDueForAudit[]> {
  requireRole(ctx.actor, ...safetyAuditPolicy.readers);
  return rows<SchoolDueForAudit>(
    ctx.em,
    `select s.id::text as "schoolId", s.name as "schoolName", to_char(last.date, 'YYYY-MM-DD') as "lastAuditOn",
            to_char(last.date + make_interval(months => ?), 'YYYY-MM-DD') as "dueOn"
       from school s
       left join lateral (select max(a.date) as date from safety_audit a where a.school_id = s.id and a.status = 'SUBMITTED') last on true
      where s.active and (last.date is null or last.date + make_interval(months => ?) <= ?::date)
      order by last.date nulls first, s.name`,
    [settings.cycleMonths, settings.cycleMonths, ctx.today],
  );
}
