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
  message: string;
  clashingAssignmentId?: string;
}

const overlaps = (left: AssignmentPeriod, right: AssignmentPeriod) =>
  (!left.endDate || left.endDate >= right.startDate) && (!right.endDate || right.endDate >= left.startDate);

const describe = (other: AssignmentPeriod) =>
  `${other.role.toLowerCase()} at ${other.school?.name ?? 'another school'}, ${other.startDate} to ${other.endDate ?? 'open-ended'}`;

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
        message: `Clashes with assignment #${primary.id} (${describe(primary)}): an officer has at most one PRIMARY assignment on any day`,
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
          message: `Clashes with assignment #${active[0]?.id} (${describe(active[0])}): the officer would serve ${(total / 100).toFixed(2)} FTE on ${day}, more than 1.00`,
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
