import type { FilterQuery } from '@mikro-orm/core';
import type { Actor } from '../../common/actor';
import { Role } from '../../common/actor';
import { actorSetting, ALL_ROWS, definePolicy, NOTHING, type ReadScope, type RoleRules, type WriteScope } from '../../common/policy';
import type { ChecklistItem, ChecklistTemplate } from './checklist.entity';
import type { CorrectiveAction } from './corrective-action.entity';
import type { SafetyAudit, SafetyAuditFinding, SafetyAuditOfficer } from './safety-audit.entity';

/*
 * Who may do what with facility safety audits (issue 20, item 5):
 * - an audit of a school is done (created, changed, submitted) by the officers assigned to it, or by ADMIN;
 * - it is read in full by ADMIN and by the chiefs of the agencies whose officers audit or cover the school;
 * - ANALYST reads every audit, finding and action for the figures and lists, but never a finding's note
 *   (findings about unlocked doors are sensitive);
 * - findings and corrective actions are read and written by whoever reads and writes their audit: their
 *   row-security predicate is a sub-select of the audit's table, to which PostgreSQL applies its own policy.
 * A write scope's `holds` cannot tell from a row's facts whether an officer is assigned to the school: the API
 * finds the audit through the read scope (the same rows) and row security checks the write.
 */

const officerId = actorSetting('officer_id');
const agencyId = actorSetting('agency_id');

const auditOfAssignedSchool: ReadScope<SafetyAudit> & WriteScope = {
  where: (actor) => ({ school: { assignments: { $some: { officer: actor.officerId ?? 0 } } } }),
  holds: () => true,
  sql: `school_id in (select assignment.school_id from assignment where assignment.officer_id = ${officerId})`,
};

const auditOfAgency: ReadScope<SafetyAudit> = {
  where: (actor) => ({
    $or: [
      { school: { assignments: { $some: { officer: { agency: actor.agencyId ?? 0 } } } } },
      { team: { $some: { officer: { agency: actor.agencyId ?? 0 } } } },
    ],
  }),
  sql:
    `school_id in (select assignment.school_id from assignment join officer on officer.id = assignment.officer_id where officer.agency_id = ${agencyId})` +
    ` or id in (select safety_audit_officer.audit_id from safety_audit_officer join officer on officer.id = safety_audit_officer.officer_id where officer.agency_id = ${agencyId})`,
};

const readsAll = <T, H extends string>(fields: Record<H, boolean>): RoleRules<T, H> => ({
  read: ALL_ROWS,
  create: null,
  update: null,
  delete: null,
  fields,
});
const writesAll = <T, H extends string>(fields: Record<H, boolean>): RoleRules<T, H> => ({
  read: ALL_ROWS,
  create: ALL_ROWS,
  update: ALL_ROWS,
  delete: ALL_ROWS,
  fields,
});

export const safetyAuditPolicy = definePolicy<SafetyAudit>({
  table: 'safety_audit',
  facts: (audit) => ({ date: audit.date }),
  roles: {
    [Role.ADMIN]: writesAll({}),
    [Role.ANALYST]: readsAll({}),
    [Role.AGENCY_CHIEF]: { ...NOTHING, read: auditOfAgency, fields: {} },
    [Role.OFFICER]: {
      read: auditOfAssignedSchool,
      create: auditOfAssignedSchool,
      update: auditOfAssignedSchool,
      delete: auditOfAssignedSchool,
      fields: {},
    },
  },
});

/** The rows of a table hanging off the audit, through the audit's own scope. */
function throughAudit<T>(path: (audit: FilterQuery<SafetyAudit>) => FilterQuery<T>, sql: string): ReadScope<T> & WriteScope {
  return {
    where: (actor: Actor) => {
      const audits = safetyAuditPolicy.readable(actor);
      return audits === false ? ({ id: { $in: [] } } as FilterQuery<T>) : path(audits);
    },
    holds: () => true,
    sql,
  };
}

const findingThroughAudit = throughAudit<SafetyAuditFinding>(
  (audit) => ({ audit }),
  'audit_id in (select safety_audit.id from safety_audit)',
);

/** Findings: as their audit; the note is hidden from ANALYST. */
export type FindingHiddenField = 'note';
export const safetyAuditFindingPolicy = definePolicy<SafetyAuditFinding, FindingHiddenField>({
  table: 'safety_audit_finding',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: writesAll({ note: true }),
    [Role.ANALYST]: readsAll({ note: false }),
    [Role.AGENCY_CHIEF]: { ...NOTHING, read: findingThroughAudit, fields: { note: true } },
    [Role.OFFICER]: {
      read: findingThroughAudit,
      create: findingThroughAudit,
      update: findingThroughAudit,
      delete: findingThroughAudit,
      fields: { note: true },
    },
  },
});

/**
 * The team: which officers walked which school is not sensitive (coverage names them to every role but
 * OFFICER), and a chief's audit scope reads it, so its own predicate must not read the audit back.
 */
const teamOfAssignedSchool = throughAudit<SafetyAuditOfficer>(
  (audit) => ({ audit }),
  `audit_id in (select safety_audit.id from safety_audit where safety_audit.school_id in (select assignment.school_id from assignment where assignment.officer_id = ${officerId}))`,
);
export const safetyAuditOfficerPolicy = definePolicy<SafetyAuditOfficer>({
  table: 'safety_audit_officer',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: writesAll({}),
    [Role.ANALYST]: readsAll({}),
    [Role.AGENCY_CHIEF]: readsAll({}),
    [Role.OFFICER]: {
      read: teamOfAssignedSchool,
      create: teamOfAssignedSchool,
      update: teamOfAssignedSchool,
      delete: teamOfAssignedSchool,
      fields: {},
    },
  },
});

const actionThroughFinding = throughAudit<CorrectiveAction>(
  (audit) => ({ finding: { audit } }),
  'finding_id in (select safety_audit_finding.id from safety_audit_finding)',
);

/** Corrective actions: read as their finding; raised and updated by ADMIN and the school's officers. */
export const correctiveActionPolicy = definePolicy<CorrectiveAction>({
  table: 'corrective_action',
  facts: () => ({}),
  roles: {
    [Role.ADMIN]: writesAll({}),
    [Role.ANALYST]: readsAll({}),
    [Role.AGENCY_CHIEF]: { ...NOTHING, read: actionThroughFinding, fields: {} },
    [Role.OFFICER]: {
      read: actionThroughFinding,
      create: actionThroughFinding,
      update: actionThroughFinding,
      delete: null,
      fields: {},
    },
  },
});

/** Checklists are public to every signed-in role; ADMIN writes them (published versions are frozen by the database). */
const checklistRules = <T>(): Record<Role, RoleRules<T, never>> => ({
  [Role.ADMIN]: writesAll({}),
  [Role.ANALYST]: readsAll({}),
  [Role.AGENCY_CHIEF]: readsAll({}),
  [Role.OFFICER]: readsAll({}),
});

export const checklistTemplatePolicy = definePolicy<ChecklistTemplate>({
  table: 'checklist_template',
  facts: () => ({}),
  roles: checklistRules(),
});
export const checklistItemPolicy = definePolicy<ChecklistItem>({ table: 'checklist_item', facts: () => ({}), roles: checklistRules() });

/** Every policy table of the module (the drift tests read them all). */
export const safetyAuditPolicies = [
  checklistTemplatePolicy,
  checklistItemPolicy,
  safetyAuditPolicy,
  safetyAuditOfficerPolicy,
  safetyAuditFindingPolicy,
  correctiveActionPolicy,
];
