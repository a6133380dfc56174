import type { Actor } from '../../common/actor';
import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { addDays } from '../../common/dates';
import { requireActor, requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import {
  ComplianceStatus,
  type AgencyTrainingShare,
  type TrainingComplianceFilter,
  type TrainingComplianceReport,
  type TrainingComplianceRow,
} from './training-compliance.types';

export interface TrainingSettings {
  /** TRAINING_DUE_SOON_DAYS. */
  dueSoonDays: number;
  /** Month (1-12) on whose 1st the program year starts (PROGRAM_YEAR_START_MONTH). */
  programYearStartMonth: number;
}

export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = { dueSoonDays: 60, programYearStartMonth: 7 };

/** How far ahead `lapsing` looks. */
export const LAPSE_HORIZON_DAYS = 90;

interface ComplianceRecord {
  officer_id: number;
  officer_name: string;
  agency_id: number;
  agency_name: string;
  requirement_id: number;
  requirement_name: string;
  status: ComplianceStatus;
  reason: string;
  due_date: string | null;
}

/**
 * Rows of training_compliance (migration training_compliance) on a date, named, in the report's order. The
 * function reads all records (owner's rights); callers scope the rows to the actor.
 */
export async function complianceRows(
  ctx: RequestContext,
  date: string,
  settings: TrainingSettings,
  officerId: number | null = null,
): Promise<TrainingComplianceRow[]> {
  const records = await ctx.em.execute<ComplianceRecord[]>(
    `select c.officer_id, o.last_name || ', ' || o.first_name as officer_name, c.agency_id, a.name as agency_name,
            c.requirement_id, r.name as requirement_name, c.status, c.reason, c.due_date::text as due_date
       from training_compliance(?::date, ?, ?) c
       join officer o on o.id = c.officer_id join agency a on a.id = c.agency_id join training_requirement r on r.id = c.requirement_id
      where (?::integer is null or c.officer_id = ?::integer)
      order by a.name, o.last_name, o.first_name, o.id, r.name, r.id`,
    [date, settings.dueSoonDays, settings.programYearStartMonth, officerId, officerId],
  );
  return records.map((record) => ({
    officerId: String(record.officer_id),
    officerName: record.officer_name,
    agencyId: String(record.agency_id),
    agencyName: record.agency_name,
    requirementId: String(record.requirement_id),
    requirementName: record.requirement_name,
    status: record.status,
    reason: record.reason,
    dueDate: record.due_date,
  }));
}

/** The rows an actor reads: ADMIN and ANALYST all, a chief its own agency's officers, an officer its own. */
function readable(actor: Actor, row: TrainingComplianceRow): boolean {
  if (actor.role === Role.AGENCY_CHIEF) return row.agencyId === String(actor.agencyId);
  if (actor.role === Role.OFFICER) return row.officerId === String(actor.officerId);
  return true;
}

function shares(rows: TrainingComplianceRow[]): AgencyTrainingShare[] {
  const byAgency = new Map<string, { name: string; officers: Set<string>; failing: Set<string> }>();
  for (const row of rows) {
    const agency = byAgency.get(row.agencyId) ?? { name: row.agencyName, officers: new Set(), failing: new Set() };
    agency.officers.add(row.officerId);
    if (row.status === ComplianceStatus.NON_COMPLIANT) agency.failing.add(row.officerId);
    byAgency.set(row.agencyId, agency);
  }
  return [...byAgency].map(([agencyId, agency]) => {
    const compliant = agency.officers.size - agency.failing.size;
    return { agencyId, agencyName: agency.name, officers: agency.officers.size, compliant, share: compliant / agency.officers.size };
  });
}

const csvCell = (value: string | null) => (value === null ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function complianceCsv(rows: TrainingComplianceRow[]): string {
  const header = ['officer_id', 'officer', 'agency_id', 'agency', 'requirement_id', 'requirement', 'status', 'reason', 'due_date'];
  const lines = rows.map((row) =>
    [
      row.officerId,
      row.officerName,
      row.agencyId,
      row.agencyName,
      row.requirementId,
      row.requirementName,
      row.status,
      row.reason,
      row.dueDate,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export async function trainingComplianceReport(
  ctx: RequestContext,
  date: string | undefined,
  filter: TrainingComplianceFilter | undefined,
  settings: TrainingSettings,
): Promise<TrainingComplianceReport> {
  const actor = requireRole(ctx.actor, Role.ADMIN, Role.ANALYST, Role.AGENCY_CHIEF, Role.OFFICER);
  const on = date ?? ctx.today;
  const agencyId = filter?.agencyId ? String(parseId(filter.agencyId, 'filter.agencyId')) : null;
  const officerId = filter?.officerId ? String(parseId(filter.officerId, 'filter.officerId')) : null;
  const requirementId = filter?.requirementId ? String(parseId(filter.requirementId, 'filter.requirementId')) : null;
  const all = await complianceRows(ctx, on, settings);
  const matching = all.filter(
    (row) =>
      (agencyId === null || row.agencyId === agencyId) &&
      (officerId === null || row.officerId === officerId) &&
      (requirementId === null || row.requirementId === requirementId),
  );
  const rows = matching.filter((row) => readable(actor, row) && (!filter?.status || row.status === filter.status));
  const horizon = addDays(on, LAPSE_HORIZON_DAYS);
  return {
    date: on,
    dueSoonDays: settings.dueSoonDays,
    rows,
    // Shares are aggregates of whole agencies (never narrowed to one officer): a chief sees every agency's, an officer none.
    agencies: actor.role === Role.OFFICER ? [] : shares(all.filter((row) => agencyId === null || row.agencyId === agencyId)),
    lapsing: rows.filter((row) => row.status !== ComplianceStatus.NON_COMPLIANT && row.dueDate !== null && row.dueDate < horizon),
    csv: complianceCsv(rows),
  };
}

/**
 * The requirements an officer is NON_COMPLIANT with on an assignment's first and last day, as readable warnings;
 * none when the actor may not read the officer's training.
 */
export async function assignmentTrainingWarnings(
  ctx: RequestContext,
  officerId: number,
  startDate: string,
  endDate: string | null,
  settings: TrainingSettings,
): Promise<string[]> {
  const actor = requireActor(ctx.actor);
  const warnings = new Set<string>();
  for (const date of endDate && endDate !== startDate ? [startDate, endDate] : [startDate]) {
    const rows = await complianceRows(ctx, date, settings, officerId);
    for (const row of rows) {
      if (readable(actor, row) && row.status === ComplianceStatus.NON_COMPLIANT) {
        warnings.add(`${row.requirementName}: ${row.reason}${row.dueDate ? ` (due ${row.dueDate})` : ''}`);
      }
    }
  }
  return [...warnings];
}
