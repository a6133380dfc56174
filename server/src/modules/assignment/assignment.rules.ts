import { FlushMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../common/errors';
import { OfficerStatus } from '../officer/officer.entity';
import { Assignment, AssignmentRole } from './assignment.entity';

/** Assignments active on a date (end date inclusive, open end = for ever), as an ORM filter. */
export const activeOn = (date: string): FilterQuery<Assignment> => ({
  startDate: { $lte: date },
  $or: [{ endDate: null }, { endDate: { $gte: date } }],
});

/** Assignments whose period overlaps [start, end] (end null = open), as an ORM filter. */
const overlapping = (start: string, end: string | null | undefined): FilterQuery<Assignment> => ({
  $and: [{ $or: [{ endDate: null }, { endDate: { $gte: start } }] }, ...(end ? [{ startDate: { $lte: end } }] : [])],
});

function clash(message: string, other: Assignment, rule: string) {
  return conflict(
    `${message}: assignment ${other.id} (${other.role} at school ${other.school.id}, ${other.startDate} to ${other.endDate ?? 'open-ended'})`,
    {
      reason: rule,
      clashingAssignmentId: String(other.id),
    },
  );
}

/**
 * The assignment rules of SPEC.md, checked before writing so that the client learns which assignment clashes.
 * The officer's row is locked first: concurrent writers for one officer queue here, so two requests cannot
 * both pass the FTE check. PostgreSQL enforces the same rules again (exclusion constraint and trigger).
 */
export async function checkAssignment(em: EntityManager, assignment: Assignment, isNew: boolean): Promise<void> {
  const officerId = assignment.officer.id;
  await em.execute('select id from officer where id = ? for update', [officerId]);
  if (isNew) {
    const officer = await assignment.officer.load();
    if (officer?.status !== OfficerStatus.ACTIVE)
      throw conflict(`Officer ${officerId} is ${officer?.status ?? 'missing'}: only ACTIVE officers get new assignments`, {
        reason: 'assignment_officer_active',
      });
    const school = await assignment.school.load();
    if (!school?.active)
      throw conflict(`School ${assignment.school.id} is not active: inactive schools get no new assignments`, {
        reason: 'assignment_school_active',
      });
  }
  // Read before this assignment is flushed (no auto-flush), so that the clash found here is named, not the database's.
  const found = await em.find(
    Assignment,
    { $and: [{ officer: officerId }, overlapping(assignment.startDate, assignment.endDate)] },
    {
      orderBy: { startDate: 'asc', id: 'asc' },
      flushMode: FlushMode.COMMIT,
    },
  );
  const others = found.filter((other) => other !== assignment && other.id !== assignment.id);
  if (assignment.role === AssignmentRole.PRIMARY) {
    const primary = others.find((other) => other.role === AssignmentRole.PRIMARY);
    if (primary) throw clash('The officer already has a PRIMARY assignment in this period', primary, 'assignment_primary_no_overlap');
  }
  // Summed FTE peaks on the first day of some assignment: check those days within this assignment's period.
  const days = [assignment.startDate, ...others.map((other) => other.startDate).filter((day) => day > assignment.startDate)];
  for (const day of days) {
    if (assignment.endDate && day > assignment.endDate) continue;
    const active = others.filter((other) => other.startDate <= day && (!other.endDate || other.endDate >= day));
    const total = active.reduce((sum, other) => sum + Math.round(other.fte * 100), Math.round(assignment.fte * 100));
    if (total > 100) {
      throw clash(`The officer would serve ${(total / 100).toFixed(2)} FTE on ${day}, more than 1.00`, active[0], 'assignment_fte_total');
    }
  }
}
