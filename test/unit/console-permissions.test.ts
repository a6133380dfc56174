import * as consolePermissions from '../../admin/src/auth/permissions';
import { addDays, formatDate, today as consoleToday } from '../../admin/src/common/dates';
import { Role, type Actor } from '../../server/src/common/actor';
import type { PolicyTable, RowFacts } from '../../server/src/common/policy';
import { activityPolicy, EDIT_WINDOW_DAYS, editWindowRefusal } from '../../server/src/modules/activity/activity.policy';
import { agencyPolicy } from '../../server/src/modules/agency/agency.policy';
import { assignmentPolicy } from '../../server/src/modules/assignment/assignment.policy';
import { auditPolicy } from '../../server/src/modules/audit/audit.policy';
import { officerPolicy } from '../../server/src/modules/officer/officer.policy';
import { mouPolicy } from '../../server/src/modules/agreement/mou.policy';
import { officerAbsencePolicy } from '../../server/src/modules/officer-absence/officer-absence.policy';
import { correctiveActionPolicy, safetyAuditPolicy } from '../../server/src/modules/safety-audit/safety-audit.policy';
import { schoolPolicy } from '../../server/src/modules/school/school.policy';
import { tipPolicy, tipStepPolicy } from '../../server/src/modules/tip/tip.policy';
import { userPolicy } from '../../server/src/modules/user/user.policy';

const { canAccess } = consolePermissions;

// The drift test of the console: admin/src/auth/permissions.ts only hides what the server would refuse, so for
// every role x resource x action (and every kind of row the role can see) it must offer exactly what the
// server's policy table (`<feature>.policy.ts`) allows.

/** The console's resources and the server's policy table behind each, with the actions its views offer. */
const RESOURCES: { resource: string; policy: PolicyTable; actions: string[] }[] = [
  { resource: 'agencies', policy: agencyPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  { resource: 'officers', policy: officerPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  { resource: 'schools', policy: schoolPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  { resource: 'assignments', policy: assignmentPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  { resource: 'activities', policy: activityPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  { resource: 'officerAbsences', policy: officerAbsencePolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  // Agreements: a list only, so far.
  { resource: 'mous', policy: mouPolicy, actions: ['list'] },
  { resource: 'users', policy: userPolicy, actions: ['list', 'show', 'export', 'create', 'edit', 'delete'] },
  // The audit trail has no forms: nobody edits it.
  { resource: 'auditEvents', policy: auditPolicy, actions: ['list', 'show', 'export'] },
  // Safety audits and their actions are written on the audit walk page and the actions board, not by forms.
  { resource: 'safetyAudits', policy: safetyAuditPolicy, actions: ['list', 'show', 'export'] },
  { resource: 'correctiveActions', policy: correctiveActionPolicy, actions: ['list', 'show', 'export'] },
  { resource: 'tips', policy: tipPolicy, actions: ['list', 'show', 'create', 'edit', 'delete'] },
  { resource: 'tipSteps', policy: tipStepPolicy, actions: ['list', 'show', 'create', 'edit', 'delete'] },
];

/**
 * Where the console offers less than the server allows, on purpose: an officer reads one agency (its own) and one
 * officer (itself), from its profile; the console has no list of one row for them.
 */
const CONSOLE_NARROWER = new Set(['OFFICER agencies list', 'OFFICER agencies export', 'OFFICER officers list', 'OFFICER officers export']);

const OWN_AGENCY = 1;
const OWN_OFFICER = 10;
const ACTORS: Record<Role, Actor> = {
  [Role.ADMIN]: { userId: 1, role: Role.ADMIN, agencyId: null, officerId: null, label: 'admin' },
  [Role.ANALYST]: { userId: 2, role: Role.ANALYST, agencyId: null, officerId: null, label: 'analyst' },
  [Role.AGENCY_CHIEF]: { userId: 3, role: Role.AGENCY_CHIEF, agencyId: OWN_AGENCY, officerId: null, label: 'chief' },
  [Role.OFFICER]: { userId: 4, role: Role.OFFICER, agencyId: OWN_AGENCY, officerId: OWN_OFFICER, label: 'officer' },
};

const permissionsOf = (actor: Actor): consolePermissions.Permissions => ({
  role: actor.role,
  agencyId: actor.agencyId === null ? null : String(actor.agencyId),
  officerId: actor.officerId === null ? null : String(actor.officerId),
});

const today = consoleToday();
/** Rows of every kind that matters to a rule: own officer, another of the own agency, another agency's; dates in and out of the edit window. */
const ROWS: RowFacts[] = [
  { agencyId: OWN_AGENCY, officerId: OWN_OFFICER },
  { agencyId: OWN_AGENCY, officerId: 11 },
  { agencyId: 2, officerId: 20 },
].flatMap((owner) => [0, EDIT_WINDOW_DAYS, EDIT_WINDOW_DAYS + 1].map((daysAgo) => ({ ...owner, date: addDays(today, -daysAgo) })));

/** The row as the console holds it, by resource (the fields its rules read). */
function recordOf(resource: string, row: RowFacts): Record<string, unknown> {
  const officer = { id: String(row.officerId), agency: { id: String(row.agencyId) } };
  switch (resource) {
    case 'agencies':
      return { id: String(row.agencyId) };
    case 'officers':
      return officer;
    default:
      return { id: '1', date: row.date, officer };
  }
}

const SERVER_ACTION: Record<string, 'create' | 'update' | 'delete'> = { create: 'create', edit: 'update', delete: 'delete' };

describe('the console offers exactly what the server policy tables allow', () => {
  for (const role of Object.values(Role)) {
    const actor = ACTORS[role];
    for (const { resource, policy, actions } of RESOURCES) {
      test(`${role} on ${resource}`, () => {
        const rules = policy.rules(role);
        const decisions: Record<string, { console: boolean; server: boolean }> = {};
        const decide = (key: string, console: boolean, server: boolean) => {
          if (CONSOLE_NARROWER.has(key) && !console && server) return;
          decisions[key] = { console, server };
        };
        for (const action of actions) {
          const key = `${role} ${resource} ${action}`;
          if (action === 'list' || action === 'show' || action === 'export') {
            decide(key, canAccess(permissionsOf(actor), resource, action), rules.read !== null);
          } else if (action === 'create') {
            decide(key, canAccess(permissionsOf(actor), resource, action), rules.create !== null);
          } else {
            // Only rows the role reads reach the console's edit and delete buttons.
            for (const row of ROWS.filter((facts) => rules.read !== null && (rules.read.holds?.(actor, facts) ?? true))) {
              decide(
                `${key} agency ${row.agencyId} officer ${row.officerId} on ${row.date}`,
                canAccess(permissionsOf(actor), resource, action, recordOf(resource, row)),
                policy.allowsFacts(actor, SERVER_ACTION[action], row, today),
              );
            }
          }
        }
        const disagreements = Object.entries(decisions).filter(([, decision]) => decision.console !== decision.server);
        expect(disagreements).toEqual([]);
      });
    }
  }
});

describe('the edit window is the server constant', () => {
  test('the console counts the same days and says the same thing', () => {
    expect(consolePermissions.EDIT_WINDOW_DAYS).toBe(EDIT_WINDOW_DAYS);
    const outside = addDays(today, -(EDIT_WINDOW_DAYS + 1));
    // The same words, with the date shown as the console shows every date.
    expect(consolePermissions.editWindowError(outside, today)).toBe(editWindowRefusal(formatDate(outside)));
    expect(consolePermissions.editWindowError(addDays(today, -EDIT_WINDOW_DAYS), today)).toBeUndefined();
  });
});
