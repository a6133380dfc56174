import { formatDate, formatPeriod } from '../common/dates';

/**
 * The assignment rules of SPEC.md, checked in the browser while the form is filled in, so that a clash shows
 * before saving. The server (and PostgreSQL) enforce the same rules; this only warns early.
 */
export interface AssignmentPeriod {
  id?: string;
  role: string;
  startDate: string;
  endDate?: string | null;
  fte: number;
  school?: { name?: string } | null;
}

export interface RuleViolation {
  field: 'startDate' | 'endDate' | 'fte';
  /** The rule broken, in words; the clashing assignment (when there is one) is shown beside it. */
  message: string;
  clashingAssignmentId?: string;
  clashing?: AssignmentPeriod;
}

const overlaps = (left: AssignmentPeriod, right: AssignmentPeriod) =>
  (!left.endDate || left.endDate >= right.startDate) && (!right.endDate || right.endDate >= left.startDate);

/** "primary at Juniper Valley High, Mon, Sep 14, 2026 to open-ended": the clashing assignment in words. */
export const describeAssignment = (other: AssignmentPeriod) =>
  `${other.role.toLowerCase()} at ${other.school?.name ?? 'another school'}, ${formatPeriod(other.startDate, other.endDate)}`;

/** What is wrong with `candidate` given the officer's `others` assignments (the candidate itself excluded by id). */
export function assignmentViolations(candidate: AssignmentPeriod, others: AssignmentPeriod[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!candidate.startDate) return violations;
  if (candidate.endDate && candidate.endDate < candidate.startDate) {
    violations.push({ field: 'endDate', message: 'The end date cannot be before the start date' });
    return violations;
  }
  const overlapping = others.filter((other) => other.id !== candidate.id && overlaps(candidate, other));
  if (candidate.role === 'PRIMARY') {
    const primary = overlapping.find((other) => other.role === 'PRIMARY');
    if (primary) {
      violations.push({
        field: 'startDate',
        clashingAssignmentId: primary.id,
        clashing: primary,
        message: 'An officer has at most one PRIMARY assignment on any day',
      });
    }
  }
  if (candidate.fte > 0) {
    // Summed FTE peaks on the first day of some assignment within the candidate's period.
    const days = [candidate.startDate, ...overlapping.map((other) => other.startDate).filter((day) => day > candidate.startDate)];
    for (const day of days) {
      if (candidate.endDate && day > candidate.endDate) continue;
      const active = overlapping.filter((other) => other.startDate <= day && (!other.endDate || other.endDate >= day));
      const total = active.reduce((sum, other) => sum + Math.round(other.fte * 100), Math.round(candidate.fte * 100));
      if (total > 100) {
        violations.push({
          field: 'fte',
          clashingAssignmentId: active[0]?.id,
          clashing: active[0],
          message: `The officer would serve ${(total / 100).toFixed(2)} FTE on ${formatDate(day)}, more than 1.00`,
        });
        break;
      }
    }
  }
  return violations;
}

/** Checks that need no other record: dates in order, FTE in (0, 1] with two decimals. */
export function validateAssignmentValues(values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  const start = values.startDate as string | undefined;
  const end = values.endDate as string | undefined;
  if (start && end && end < start) errors.endDate = 'The end date cannot be before the start date';
  const fte = values.fte as number | null | undefined;
  if (typeof fte === 'number') {
    if (!(fte > 0 && fte <= 1)) errors.fte = 'FTE must be greater than 0 and at most 1';
    else if (Math.abs(fte * 100 - Math.round(fte * 100)) > 1e-9) errors.fte = 'FTE has at most two decimals, such as 0.25';
  }
  return errors;
}

/**
 * Each officer's free FTE on [from, to] (to empty = open-ended): 1.00 minus the most FTE the officer already holds
 * on any day of it, from `assignments` overlapping that period. Officers without one are not listed (all free).
 */
export function freeFteByOfficer(
  assignments: (AssignmentPeriod & { officerId: string })[],
  from: string,
  to: string | null | undefined,
): Map<string, number> {
  const byOfficer = new Map<string, AssignmentPeriod[]>();
  for (const assignment of assignments) {
    if (!overlaps(assignment, { role: '', startDate: from, endDate: to || null, fte: 0 })) continue;
    byOfficer.set(assignment.officerId, [...(byOfficer.get(assignment.officerId) ?? []), assignment]);
  }
  const free = new Map<string, number>();
  for (const [officerId, held] of byOfficer) {
    // Summed FTE peaks on the first day of the period or of some assignment within it.
    const days = [from, ...held.map((assignment) => assignment.startDate).filter((day) => day > from)];
    const peak = Math.max(
      ...days.map((day) =>
        held
          .filter((assignment) => assignment.startDate <= day && (!assignment.endDate || assignment.endDate >= day))
          .reduce((sum, assignment) => sum + Math.round(assignment.fte * 100), 0),
      ),
    );
    free.set(officerId, Math.max(0, 100 - peak) / 100);
  }
  return free;
}
