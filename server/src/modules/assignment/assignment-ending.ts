import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { Assignment } from './assignment.entity';

@ObjectType({ description: 'The assignments a program exit (an officer leaving, a school deactivated) ended, in the same transaction.' })
export class EndedAssignments {
  @Field(() => [Assignment], { description: 'Assignments open after the last day, now ending on it (each audited as an update).' })
  endedAssignments!: Assignment[];

  @Field(() => [ID], { description: 'Assignments that would have started after the last day: deleted (each audited as a delete).' })
  cancelledAssignmentIds!: string[];
}

/**
 * Ends on `lastDay` every assignment of one officer or one school that runs past it, within the caller's
 * transaction, each audited; one that starts after it is deleted (it never happened). Answers what it did.
 */
export async function endAssignmentsAfter(
  em: EntityManager,
  ctx: RequestContext,
  holder: { officer: number } | { school: number },
  lastDay: string,
): Promise<EndedAssignments> {
  const open = await em.find(
    Assignment,
    { ...holder, $or: [{ endDate: null }, { endDate: { $gt: lastDay } }] },
    { orderBy: { id: 'asc' } },
  );
  const result = Object.assign(new EndedAssignments(), { endedAssignments: [] as Assignment[], cancelledAssignmentIds: [] as string[] });
  for (const assignment of open) {
    if (assignment.startDate > lastDay) {
      audit(em, ctx, { action: 'delete', entityType: 'Assignment', entityId: assignment.id, before: snapshot(assignment) });
      result.cancelledAssignmentIds.push(String(assignment.id));
      em.remove(assignment);
      continue;
    }
    const before = snapshot(assignment);
    assignment.endDate = lastDay;
    audit(em, ctx, { action: 'update', entityType: 'Assignment', entityId: assignment.id, before, after: snapshot(assignment) });
    result.endedAssignments.push(assignment);
  }
  await em.flush();
  return result;
}
