import DataLoader from 'dataloader';
import { registerEnumType } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireActor, scoped } from '../../common/policy';
import { Assignment, AssignmentRole } from './assignment.entity';
import { assignmentPolicy } from './assignment.policy';
import { activeOn } from './assignment.rules';

export enum CoverageStatus {
  COVERED = 'COVERED',
  PARTIAL = 'PARTIAL',
  UNCOVERED = 'UNCOVERED',
  NO_SCHOOL = 'NO_SCHOOL',
}

registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  description: 'How a school is served on a date.',
  valuesConfig: {
    COVERED: { description: 'It has an active PRIMARY assignment.' },
    PARTIAL: { description: 'Only SECONDARY or BACKUP assignments are active.' },
    UNCOVERED: { description: 'No assignment is active.' },
    NO_SCHOOL: {
      description:
        'The school is closed (a SchoolClosure) or out of session (a weekend within a SchoolYear, or the summer between two school years at most 120 days apart). Only coverageReport answers it.',
    },
  },
});

/**
 * Coverage status of schools on a date, for many schools at once: an officer away that day (an OfficerAbsence)
 * serves nothing, and its substitute serves its assignments in its place (sro_away_on: the facts coverage needs,
 * whatever the actor's row security shows of absences). The calendar (NO_SCHOOL) is coverageReport's alone.
 */
export function loadCoverageStatus(ctx: RequestContext, schoolId: number, date: string): Promise<CoverageStatus> {
  const actor = requireActor(ctx.actor);
  return ctx.loaders
    .keyed(
      `coverage:${date}`,
      () =>
        new DataLoader<number, CoverageStatus>(async (schoolIds) => {
          const filter = scoped(assignmentPolicy, actor, { $and: [activeOn(date), { school: { $in: [...schoolIds] } }] });
          const rows = filter === false ? [] : await ctx.em.find(Assignment, filter, { fields: ['school', 'role', 'officer'] });
          const away = new Map(
            (
              await ctx.em.execute<{ officer_id: number; substitute_id: number | null }[]>(
                'select officer_id, substitute_id from sro_away_on(?::date)',
                [date],
              )
            ).map((row) => [row.officer_id, row.substitute_id]),
          );
          const status = new Map<number, CoverageStatus>();
          for (const row of rows) {
            if (away.has(row.officer.id) && away.get(row.officer.id) === null) continue;
            if (row.role === AssignmentRole.PRIMARY) status.set(row.school.id, CoverageStatus.COVERED);
            else if (status.get(row.school.id) !== CoverageStatus.COVERED) status.set(row.school.id, CoverageStatus.PARTIAL);
          }
          return schoolIds.map((id) => status.get(id) ?? CoverageStatus.UNCOVERED);
        }),
    )
    .load(schoolId);
}
