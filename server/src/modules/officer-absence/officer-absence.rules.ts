import { FlushMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../common/errors';
import { OfficerStatus } from '../officer/officer.entity';
import { OfficerAbsence } from './officer-absence.entity';

/** Absences that include a date (end date inclusive, open end = for ever), as an ORM filter. */
export const absentOn = (date: string) => ({
  startDate: { $lte: date },
  $or: [{ endDate: null }, { endDate: { $gte: date } }],
});

/** Absences whose period overlaps [start, end] (end null = open), as an ORM filter. */
const overlapping = (start: string, end: string | null | undefined) => ({
  $and: [{ $or: [{ endDate: null }, { endDate: { $gte: start } }] }, ...(end ? [{ startDate: { $lte: end } }] : [])],
});

const period = (absence: OfficerAbsence) => `${absence.startDate} to ${absence.endDate ?? 'open-ended'}`;

function clash(message: string, other: OfficerAbsence, rule: string) {
  return conflict(`${message}: absence ${other.id} (officer ${other.officer.id}, ${other.reason}, ${period(other)})`, {
    reason: rule,
    clashingAbsenceId: String(other.id),
  });
}

interface LoadRow {
  day: string;
  fte: string;
  assignment_ids: number[];
}

/**
 * The absence rules, checked before writing so that the client learns what clashes; PostgreSQL enforces the same
 * rules again (migration officer_absence: exclusion constraint, trigger, and the one function both use for the
 * substitute's FTE). Writers for one substitute queue on the lock the assignment rules take for its FTE.
 */
export async function checkAbsence(em: EntityManager, absence: OfficerAbsence): Promise<void> {
  const officerId = absence.officer.id;
  const substituteId = absence.substitute?.id ?? null;
  const excluded = absence.id ?? 0;
  // Read before this absence is flushed (no auto-flush), so that the clash found here is named, not the database's.
  const read = { orderBy: { startDate: 'asc', id: 'asc' }, flushMode: FlushMode.COMMIT } as const;
  const own = await em.find(OfficerAbsence, { $and: [{ officer: officerId }, overlapping(absence.startDate, absence.endDate)] }, read);
  const other = own.find((row) => row !== absence && row.id !== excluded);
  if (other) throw clash('The officer already has an absence in this period', other, 'officer_absence_no_overlap');
  const covering = await em.find(
    OfficerAbsence,
    { $and: [{ substitute: officerId }, overlapping(absence.startDate, absence.endDate)] },
    read,
  );
  const substituting = covering.find((row) => row !== absence && row.id !== excluded);
  if (substituting)
    throw clash(
      'The officer is a substitute in this period: name another substitute there first',
      substituting,
      'officer_absence_substitute_absent',
    );
  if (substituteId === null) return;

  await em.execute(`select pg_advisory_xact_lock(hashtext('assignment_fte'), ?)`, [substituteId]);
  const substitute = await absence.substitute!.load();
  if (substitute?.status !== OfficerStatus.ACTIVE)
    throw conflict(`The substitute, officer ${substituteId}, is ${substitute?.status ?? 'missing'}: only ACTIVE officers substitute`, {
      reason: 'officer_absence_substitute_active',
    });
  const away = await em.find(OfficerAbsence, { $and: [{ officer: substituteId }, overlapping(absence.startDate, absence.endDate)] }, read);
  const substituteAway = away.find((row) => row !== absence && row.id !== excluded);
  if (substituteAway) throw clash('The substitute is away in this period', substituteAway, 'officer_absence_substitute_absent');

  const [busiest] = await em.execute<LoadRow[]>(
    `select day::text as day, fte::text as fte, assignment_ids from sro_substitute_overload(?, ?, ?, ?, ?)`,
    [substituteId, officerId, absence.startDate, absence.endDate ?? null, excluded],
  );
  if (busiest) {
    throw conflict(
      `The substitute, officer ${substituteId}, would serve ${Number(busiest.fte).toFixed(2)} FTE on ${busiest.day}, more than 1.00: assignments ${busiest.assignment_ids.join(', ')}`,
      {
        reason: 'officer_absence_substitute_fte',
        clashingAssignmentId: String(busiest.assignment_ids[0]),
        clashingAssignmentIds: busiest.assignment_ids.map(String),
      },
    );
  }
}
