import { addDays, formatDate, isoDate } from '../common/dates';

export type Role = 'ADMIN' | 'AGENCY_CHIEF' | 'ANALYST' | 'OFFICER';

/**
 * What the console knows about the signed-in user's rights; the server decides, this only hides what it would refuse.
 * The rules below mirror the server's policy tables (server/src/modules/<feature>/<feature>.policy.ts):
 * test/unit/console-permissions.test.ts fails when they differ, role x resource x action.
 */
export interface Permissions {
  role: Role;
  agencyId: string | null;
  officerId: string | null;
}

/** Pages that are not resources, checked with the same function. */
export const PAGES = ['dashboard', 'coverage', 'reports', 'explorer', 'quickLog', 'safetyAuditWalk', 'tipReport'] as const;

const READ = new Set(['list', 'show', 'export']);
const ALL = new Set(['list', 'show', 'export', 'create', 'edit', 'delete']);

type AccessRecord = Record<string, unknown> | undefined;
type Rule = (action: string, record: AccessRecord, permissions: Permissions) => boolean;

const read: Rule = (action) => READ.has(action);
const readAndWrite: Rule = (action) => ALL.has(action);
const nothing: Rule = () => false;

/** An officer may change its log until 14 days after the activity's date: the server's EDIT_WINDOW_DAYS (activity.policy.ts), checked by a test. */
export const EDIT_WINDOW_DAYS = 14;

/** The last day on which an officer may still change an activity of `date` (YYYY-MM-DD). */
export const editableUntil = (date: string) => addDays(date, EDIT_WINDOW_DAYS);

/** Why an officer may not log or move an activity to `date`, in the server's words; undefined when it may. */
export function editWindowError(date: string | null | undefined, today = isoDate(new Date())): string | undefined {
  if (!date || editableUntil(date) >= today) return undefined;
  return `Activities can be logged or changed up to ${EDIT_WINDOW_DAYS} days after they happened: this one was on ${formatDate(date)}`;
}

/** A form validator: the edit window's message for a date outside it. */
export const withinEditWindow = (date: string | null | undefined) => editWindowError(date);

function recordWithinEditWindow(record: AccessRecord): boolean {
  const date = typeof record?.date === 'string' ? record.date : undefined;
  return editWindowError(date) === undefined;
}

/** The agency a record belongs to: its own, or its officer's (an assignment, an activity). */
function recordAgencyId(record: AccessRecord): string | undefined {
  if (!record) return undefined;
  const agency = (record.agency ?? (record.officer as { agency?: unknown } | undefined)?.agency) as { id?: string } | undefined;
  return String(record.agencyId ?? agency?.id ?? '');
}

/** Read anything, create, and change only the own agency's rows (a chief's officers and activities). */
const ownAgencyWrites =
  (changes: Set<string>): Rule =>
  (action, record, permissions) => {
    if (READ.has(action) || action === 'create') return true;
    if (changes.has(action)) return record === undefined || recordAgencyId(record) === permissions.agencyId;
    return false;
  };

/** Read, create, and change only the own officer's rows (an officer's own tip steps). */
const ownOfficerWrites: Rule = (action, record, permissions) => {
  if (READ.has(action) || action === 'create') return true;
  if (action === 'edit' || action === 'delete') {
    const officer = record?.officer as { id?: string } | undefined;
    return record === undefined || String(record.officerId ?? officer?.id ?? '') === permissions.officerId;
  }
  return false;
};

/** Read and change the tips one reads; only ADMIN enters and deletes them (tip.policy.ts). */
const readAndChange: Rule = (action) => READ.has(action) || action === 'edit';

const RULES: Record<Role, Record<string, Rule>> = {
  ADMIN: {},
  AGENCY_CHIEF: {
    agencies: read,
    schools: read,
    assignments: read,
    // Own agency's officers in full; others read-only. Only ADMIN deletes officers.
    officers: ownAgencyWrites(new Set(['edit'])),
    // Own officers' activities: log, change and delete them; others' read-only.
    activities: ownAgencyWrites(new Set(['edit', 'delete'])),
    // Own officers' absences: schedule, change and cancel them (training, leave); others' read-only.
    officerAbsences: ownAgencyWrites(new Set(['edit', 'delete'])),
    // Agreements: its own agency's only (the list shows no others).
    mous: (action, record, permissions) => record === undefined || recordAgencyId(record) === permissions.agencyId,
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    quickLog: nothing,
    // Audits of the schools its officers cover or audit, read-only (the server scopes the rows).
    safetyAudits: read,
    correctiveActions: read,
    safetyAuditWalk: nothing,
    tips: readAndChange,
    // Its officers' steps: log, change and delete them.
    tipSteps: ownAgencyWrites(new Set(['edit', 'delete'])),
  },
  ANALYST: {
    agencies: read,
    officers: read,
    schools: read,
    assignments: read,
    activities: read,
    officerAbsences: read,
    mous: read,
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    quickLog: nothing,
    // The figures and lists; a finding's note reads null.
    safetyAudits: read,
    correctiveActions: read,
    safetyAuditWalk: nothing,
    // The tip report only.
    tips: nothing,
    tipSteps: nothing,
  },
  OFFICER: {
    agencies: (action) => action === 'show',
    officers: (action) => action === 'show',
    schools: read,
    assignments: read,
    officerAbsences: read,
    mous: nothing,
    activities: (action, record) => (action === 'edit' || action === 'delete' ? recordWithinEditWindow(record) : ALL.has(action)),
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    coverage: nothing,
    explorer: nothing,
    // Its schools' audits; it walks them on the audit walk page (safetyAuditWalk).
    safetyAudits: read,
    correctiveActions: read,
    tips: readAndChange,
    tipSteps: ownOfficerWrites,
    tipReport: nothing,
  },
};

/** Whether the console offers `action` on `resource` (or on a page such as `coverage`) to these permissions. */
export function canAccess(permissions: Permissions | null | undefined, resource: string, action: string, record?: AccessRecord): boolean {
  if (!permissions) return false;
  if (permissions.role === 'ADMIN') return true;
  const rule = RULES[permissions.role]?.[resource];
  // Pages not listed (dashboard, reports...) are open to every signed-in role; the server scopes their data.
  if (!rule) return (PAGES as readonly string[]).includes(resource);
  return rule(action, record, permissions);
}
