export type Role = 'ADMIN' | 'AGENCY_CHIEF' | 'ANALYST' | 'OFFICER';

/** What the console knows about the signed-in user's rights; the server decides, this only hides what it would refuse. */
export interface Permissions {
  role: Role;
  agencyId: string | null;
  officerId: string | null;
}

/** Pages that are not resources, checked with the same function. */
export const PAGES = ['dashboard', 'coverage', 'reports', 'explorer', 'quickLog'] as const;

const READ = new Set(['list', 'show', 'export']);
const ALL = new Set(['list', 'show', 'export', 'create', 'edit', 'delete']);

type AccessRecord = Record<string, unknown> | undefined;
type Rule = (action: string, record: AccessRecord, permissions: Permissions) => boolean;

const read: Rule = (action) => READ.has(action);
const readAndWrite: Rule = (action) => ALL.has(action);
const nothing: Rule = () => false;

/** An officer may change its log until 14 days after the activity's date (the server's edit window). */
export const EDIT_WINDOW_DAYS = 14;

function withinEditWindow(record: AccessRecord, today: Date): boolean {
  const date = typeof record?.date === 'string' ? record.date : undefined;
  if (!date) return true;
  const limit = new Date(today);
  limit.setDate(limit.getDate() - EDIT_WINDOW_DAYS);
  return date >= limit.toISOString().slice(0, 10);
}

const recordAgencyId = (record: AccessRecord) =>
  record ? String(record.agencyId ?? (record.agency as { id?: string } | undefined)?.id ?? '') : undefined;

const RULES: Record<Role, Record<string, Rule>> = {
  ADMIN: {},
  AGENCY_CHIEF: {
    agencies: read,
    schools: read,
    assignments: read,
    // Own agency's officers in full; others read-only. Only ADMIN deletes officers.
    officers: (action, record, permissions) => {
      if (READ.has(action) || action === 'create') return true;
      if (action === 'edit') return record === undefined || recordAgencyId(record) === permissions.agencyId;
      return false;
    },
    activities: readAndWrite,
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    quickLog: nothing,
  },
  ANALYST: {
    agencies: read,
    officers: read,
    schools: read,
    assignments: read,
    activities: read,
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    quickLog: nothing,
  },
  OFFICER: {
    agencies: (action) => action === 'show',
    officers: (action) => action === 'show',
    schools: read,
    assignments: read,
    activities: (action, record) => (action === 'edit' || action === 'delete' ? withinEditWindow(record, new Date()) : ALL.has(action)),
    apiTokens: readAndWrite,
    users: nothing,
    auditEvents: nothing,
    coverage: nothing,
    explorer: nothing,
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
