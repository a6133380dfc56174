import { DeadlockException, DriverException, OptimisticLockError } from '@mikro-orm/core';
import { badInput, conflict, forbidden, timedOut, unavailable, type DomainError } from './errors';

interface ConstraintRule {
  field: string;
  message: string;
}

/** What each named constraint means to a client; the field is the input field to blame. */
const CONSTRAINTS: Record<string, ConstraintRule> = {
  agency_name_unique: { field: 'name', message: 'Another agency already has this name' },
  agency_ori_unique: { field: 'ori', message: 'Another agency already has this ORI' },
  agency_ori_format: { field: 'ori', message: 'ORI must be 9 capital letters or digits, starting with a two-letter state code' },
  agency_name_not_blank: { field: 'name', message: 'Name must not be blank' },
  officer_badge_unique: { field: 'badgeNumber', message: 'Another officer of this agency already has this badge number' },
  officer_name_not_blank: { field: 'lastName', message: 'First and last name must not be blank' },
  school_name_unique: { field: 'name', message: 'Another school already has this name' },
  school_nces_id_unique: { field: 'ncesId', message: 'Another school already has this NCES id' },
  school_nces_id_format: { field: 'ncesId', message: 'NCES id must be 12 digits' },
  school_enrollment_not_negative: { field: 'enrollment', message: 'Enrollment cannot be negative' },
  school_name_not_blank: { field: 'name', message: 'Name must not be blank' },
  assignment_end_after_start: { field: 'endDate', message: 'The end date cannot be before the start date' },
  assignment_fte_range: { field: 'fte', message: 'FTE must be greater than 0 and at most 1' },
  assignment_primary_no_overlap: { field: 'startDate', message: 'The officer already has a PRIMARY assignment in this period' },
  assignment_fte_total: { field: 'fte', message: "The officer's assignments would add up to more than 1.00 FTE on some day" },
  assignment_officer_active: { field: 'officerId', message: 'Only ACTIVE officers get new assignments' },
  assignment_school_active: { field: 'schoolId', message: 'Only active schools get new assignments' },
  officer_absence_end_after_start: { field: 'endDate', message: 'The end date cannot be before the start date' },
  officer_absence_substitute_not_self: { field: 'substituteOfficerId', message: 'An officer cannot substitute for itself' },
  officer_absence_no_overlap: { field: 'startDate', message: 'The officer already has an absence in this period' },
  officer_absence_substitute_active: { field: 'substituteOfficerId', message: 'Only ACTIVE officers substitute' },
  officer_absence_substitute_absent: { field: 'substituteOfficerId', message: 'A substitute must be present on the days it covers' },
  officer_absence_substitute_fte: {
    field: 'substituteOfficerId',
    message: "The substitute's assignments and the ones it covers would add up to more than 1.00 FTE on some day",
  },
  school_year_name_unique: { field: 'name', message: 'Another school year already has this name' },
  school_year_name_not_blank: { field: 'name', message: 'Name must not be blank' },
  school_year_last_after_first: { field: 'lastDay', message: 'The last day cannot be before the first day' },
  school_year_no_overlap: { field: 'firstDay', message: 'Another school year overlaps these days' },
  school_closure_end_after_start: { field: 'endDate', message: 'The last day cannot be before the first day' },
  school_closure_reason_not_blank: { field: 'reason', message: 'Reason must not be blank' },
  training_course_name_provider_unique: { field: 'name', message: 'Another course of this provider already has this name' },
  training_course_name_not_blank: { field: 'name', message: 'Name must not be blank' },
  training_course_hours_positive: { field: 'hours', message: 'Hours must be greater than 0' },
  training_course_validity_positive: { field: 'validityMonths', message: 'Validity must be at least one month' },
  training_record_hours_not_negative: { field: 'hoursCredited', message: 'Hours credited cannot be negative' },
  training_record_expires_after_completed: { field: 'expiresOn', message: 'The expiry cannot be before the day completed' },
  training_requirement_name_unique: { field: 'name', message: 'Another training requirement already has this name' },
  training_requirement_name_not_blank: { field: 'name', message: 'Name must not be blank' },
  training_requirement_rule_fields: { field: 'rule', message: 'Each rule takes its own fields and only those' },
  training_requirement_ranks_for_ranks: { field: 'ranks', message: 'RANKS takes at least one rank; the others take none' },
  training_requirement_within_months_range: { field: 'withinMonths', message: 'Months cannot be negative' },
  training_requirement_hours_positive: { field: 'hours', message: 'Hours must be greater than 0' },
  officer_transfer_after_last: {
    field: 'effectiveDate',
    message: 'The officer moved agencies after this date: a transfer cannot start before the last move',
  },
  assignment_within_service: { field: 'endDate', message: "The assignment would run past its officer's last day in the program" },
  assignment_within_school: { field: 'endDate', message: "The assignment would run past its school's last day in the program" },
  activity_duration_range: { field: 'durationMinutes', message: 'Duration must be from 1 to 1440 minutes' },
  activity_students_not_negative: { field: 'studentsReached', message: 'Students reached cannot be negative' },
  activity_staff_not_negative: { field: 'staffReached', message: 'Staff reached cannot be negative' },
  activity_notes_length: { field: 'notes', message: 'Notes can be at most 500 characters' },
  activity_topic_for_instruction: { field: 'topic', message: 'A topic is only for CLASSROOM_INSTRUCTION' },
  tip_reference_unique: { field: 'referenceNumber', message: 'Another tip from this source already has this reference number' },
  tip_reference_not_blank: { field: 'referenceNumber', message: 'The reference number must not be blank' },
  tip_reference_length: { field: 'referenceNumber', message: 'The reference number can be at most 200 characters' },
  tip_closed_has_disposition: { field: 'closeAs', message: 'A closed tip needs a disposition, and only a closed tip has one' },
  tip_closed_has_closed_at: { field: 'closeAs', message: 'A closed tip needs its closing time, and only a closed tip has one' },
  tip_first_action_after_received: { field: 'receivedAt', message: 'The first action cannot come before the tip was received' },
  tip_closed_after_received: { field: 'receivedAt', message: 'A tip cannot be closed before it was received' },
  tip_status_transition: { field: 'closeAs', message: 'A tip moves forward only: RECEIVED, ASSIGNED, IN_PROGRESS, CLOSED' },
  tip_step_minutes_range: { field: 'minutes', message: 'Minutes must be from 1 to 1440' },
  tip_step_note_length: { field: 'note', message: 'The note can be at most 200 characters' },
  mou_expiry_after_effective: { field: 'expiryDate', message: 'The expiry date cannot be before the effective date' },
  mou_title_not_blank: { field: 'title', message: 'Title must not be blank' },
  mou_document_is_pdf: { field: 'file', message: 'The file is not a PDF' },
  mou_document_size: { field: 'file', message: 'The file is empty or larger than 10 MB' },
  mou_cost_term_one_per_day: { field: 'effectiveFrom', message: 'This agreement already has cost terms from this day' },
  mou_cost_term_hours_range: { field: 'hoursPerDay', message: 'Hours per day must be more than 0 and at most 24' },
  mou_cost_term_instructional_share_range: { field: 'instructionalSharePercent', message: 'A share is from 0 to 100 percent' },
  mou_cost_term_non_instructional_share_range: { field: 'nonInstructionalSharePercent', message: 'A share is from 0 to 100 percent' },
  mou_cost_term_annual_amount: { field: 'annualAmount', message: 'An annual basis needs the annual amount' },
  app_user_email_unique: { field: 'email', message: 'Another user already has this e-mail address' },
  app_user_chief_has_agency: { field: 'agencyId', message: 'An AGENCY_CHIEF user needs an agency' },
  app_user_officer_has_officer: { field: 'officerId', message: 'An OFFICER user needs an officer record' },
  // Facility safety audits (migration safety_audits).
  checklist_template_name_version_unique: { field: 'versionNumber', message: 'This checklist already has a version with this number' },
  checklist_template_published: {
    field: 'publishedAt',
    message: 'A published checklist version never changes: publish a new version instead',
  },
  checklist_item_published: { field: 'templateId', message: 'The items of a published checklist version never change' },
  checklist_item_position_unique: { field: 'position', message: 'Another item of this checklist version has this position' },
  safety_audit_submitted_read_only: { field: 'status', message: 'A submitted audit is read-only: record a new audit instead' },
  safety_audit_starts_as_draft: { field: 'status', message: 'An audit starts as a DRAFT' },
  safety_audit_template_published: { field: 'templateId', message: 'Audits use a published checklist version' },
  safety_audit_team_required: { field: 'officerIds', message: 'An audit needs at least one officer on its team' },
  safety_audit_items_answered: { field: 'findings', message: 'Every item of the checklist needs a result before the audit is submitted' },
  safety_audit_officer_unique: { field: 'officerIds', message: 'The officer is already on the team' },
  safety_audit_duration_range: { field: 'durationMinutes', message: 'Duration must be from 1 to 1440 minutes' },
  safety_audit_finding_item_template: { field: 'itemId', message: "The item is not on the audit's checklist version" },
  safety_audit_finding_severity: {
    field: 'severity',
    message: 'A NEEDS_IMPROVEMENT or DEFICIENT finding has a severity; others have none',
  },
  safety_audit_finding_note_length: { field: 'note', message: 'A note can be at most 500 characters' },
  corrective_action_finding_failed: {
    field: 'findingId',
    message: 'A corrective action is raised from a NEEDS_IMPROVEMENT or DEFICIENT finding only',
  },
  corrective_action_done_on: { field: 'completedOn', message: 'A DONE action has a completion day, and only a DONE action has one' },
  corrective_action_deferred_reason: { field: 'deferredReason', message: 'A DEFERRED action needs the reason' },
  corrective_action_deferred_reason_not_blank: { field: 'deferredReason', message: 'A deferral reason must not be blank' },
  corrective_action_what_not_blank: { field: 'what', message: 'Say what is to be done' },
};

/** What a table's rows are called in messages: one, several. */
const RECORD_NAMES: Record<string, [string, string]> = {
  agency: ['agency', 'agencies'],
  officer: ['officer', 'officers'],
  school: ['school', 'schools'],
  assignment: ['assignment', 'assignments'],
  officer_absence: ['absence', 'absences'],
  school_year: ['school year', 'school years'],
  school_closure: ['closure', 'closures'],
  training_course: ['course', 'courses'],
  training_record: ['training record', 'training records'],
  training_requirement: ['training requirement', 'training requirements'],
  activity: ['activity', 'activities'],
  app_user: ['user', 'users'],
  api_token: ['API token', 'API tokens'],
  session: ['session', 'sessions'],
  audit_event: ['audit event', 'audit events'],
  tip: ['tip', 'tips'],
  tip_officer: ['tip assignment', 'tip assignments'],
  tip_step: ['tip step', 'tip steps'],
};
const recordName = (table: string, plural = false) => RECORD_NAMES[table]?.[plural ? 1 : 0] ?? table.replace(/_/g, ' ');
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

/**
 * A foreign key refused a change. PostgreSQL names the referencing table in `table` either way, and the table deleted
 * from in its message (the ORM's ends with it, after the SQL; PostgreSQL 17 says "violates RESTRICT setting of foreign
 * key constraint" where 15 says "violates foreign key constraint"). The detail names the key's value only to roles that may
 * read the whole row, so the message names the kind of record, not its id.
 */
function referenceError(message: string, detail: string | undefined, table: string | undefined, constraint: string | undefined) {
  const deleted = [
    ...message.matchAll(/update or delete on table "([^"]+)" violates (?:RESTRICT setting of )?foreign key constraint/g),
  ].pop()?.[1];
  if (deleted) {
    const referrers = table ? recordName(table, true) : 'other records';
    return conflict(`This ${recordName(deleted)} is still referenced by ${referrers}: deactivate it instead of deleting it`, {
      reason: 'REFERENCED',
      constraint,
    });
  }
  // A new or changed row refers to a row that does not exist (any more).
  const missing = /is not present in table "([^"]+)"/.exec(detail ?? '')?.[1];
  return conflict(
    `This ${table ? recordName(table) : 'record'} refers to ${withArticle(missing ? recordName(missing) : 'record')} that does not exist`,
    { reason: 'REFERENCED', constraint },
  );
}

// Rules that clash with another record are conflicts; the rest are bad input.
const CONFLICT_STATES = new Set(['23505', '23P01']);
const CONFLICT_CONSTRAINTS = new Set([
  'assignment_fte_total',
  'officer_transfer_after_last',
  'officer_absence_substitute_active',
  'officer_absence_substitute_absent',
  'officer_absence_substitute_fte',
  'safety_audit_submitted_read_only',
  'checklist_template_published',
  'checklist_item_published',
]);

// The server is shutting down, restarting or refusing connections (SQLSTATE classes 08 and 57P0x).
const UNAVAILABLE_STATES = /^(08...|57P0[1-4]|53300)$/;
// The network or the pool gave up: no SQLSTATE, only the driver's code or message.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /Timeout acquiring a connection/i,
  /Unable to acquire a connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * True when the database could not be reached or dropped the connection: the request failed for a reason that
 * is neither the client's nor a bug, and the pool replaces broken connections, so the service heals on its own.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { code?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code))) return true;
  if (error.name === 'KnexTimeoutError') return true;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message));
}

/** Translates a database or ORM error into the client's error, or returns undefined when it is not the client's doing. */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) return unavailable();
  if (error instanceof DeadlockException) {
    // A deadlock (40P01) or a serialization failure (40001): PostgreSQL rolled this transaction back so that
    // another could finish. Nothing was written; the same request can be sent again.
    return conflict('Another change to the same records ran at the same time: nothing was saved, try again', {
      reason: 'CONCURRENT_CHANGE',
    });
  }
  if (error instanceof OptimisticLockError) {
    return conflict('This record was changed by someone else since you read it: reload it and try again', { reason: 'STALE_VERSION' });
  }
  if (!(error instanceof DriverException)) return undefined;
  const { code, constraint, detail, table } = error as DriverException & { constraint?: string; detail?: string; table?: string };
  if (code === '23001' || code === '23503') {
    // A delete that would orphan rows (restrict), or a reference to a row that does not exist.
    return referenceError(error.message, detail, table, constraint);
  }
  if (code === '57014') {
    // statement_timeout (REQUEST_TIMEOUT_MS) cancelled the statement; the transaction rolls back.
    return timedOut();
  }
  if (code === '42501') {
    // Row-level security refused the row: a policy check above it was missing or wrong, and this layer held.
    return forbidden('You are not allowed to do this');
  }
  const rule = constraint ? CONSTRAINTS[constraint] : undefined;
  if (!rule || !code?.startsWith('23')) return undefined;
  if (CONFLICT_STATES.has(code) || CONFLICT_CONSTRAINTS.has(constraint!)) {
    const clashing = /clashing_id=(\d+)/.exec(detail ?? '');
    return conflict(rule.message, { reason: constraint, field: rule.field, ...(clashing ? { clashingAssignmentId: clashing[1] } : {}) });
  }
  return badInput(rule.message, { [rule.field]: [rule.message] });
}
