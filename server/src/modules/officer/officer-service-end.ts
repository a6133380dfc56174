import { Field, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../common/actor';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { findWritable } from '../../common/crud';
import { DateScalar } from '../../common/scalars';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { EndedAssignments, endAssignmentsAfter } from '../assignment/assignment-ending';
import { Officer, OfficerStatus } from './officer.entity';
import { officerPolicy } from './officer.policy';

@InputType({ description: "The end of an officer's service in the program." })
export class EndOfficerServiceInput {
  @Field(() => DateScalar, { description: 'The last day in the program; open assignments end on it.' })
  leftProgramOn!: string;
}

@ObjectType({ description: "An officer's service ended, with the assignments it ended." })
export class OfficerServiceEnded extends EndedAssignments {
  @Field(() => Officer, { description: 'The officer, with leftProgramOn set.' })
  officer!: Officer;
}

/**
 * Ends an officer's service on `leftProgramOn` (ADMIN only, as it ends assignments), in one transaction: its open
 * assignments end on that day (or are deleted when they start later), each audited, then the officer is marked.
 * The officer is INACTIVE once the day is past; a day still to come leaves today's status, and the reports on a
 * date go by the date.
 */
export async function endOfficerService(ctx: RequestContext, id: string, input: EndOfficerServiceInput): Promise<OfficerServiceEnded> {
  // Only ADMIN writes assignments (assignment.policy.ts), and this ends them.
  requireRole(ctx.actor, Role.ADMIN);
  return ctx.em.transactional(async (em) => {
    const officer = await findWritable(em, ctx, Officer, officerPolicy, parseId(id), 'update');
    const ended = await endAssignmentsAfter(em, ctx, { officer: officer.id }, input.leftProgramOn);
    const before = snapshot(officer);
    officer.leftProgramOn = input.leftProgramOn;
    if (input.leftProgramOn < ctx.today) officer.status = OfficerStatus.INACTIVE;
    audit(em, ctx, { action: 'update', entityType: 'Officer', entityId: officer.id, before, after: snapshot(officer) });
    await em.flush();
    return Object.assign(new OfficerServiceEnded(), ended, { officer });
  });
}
