import { Field, InputType, ObjectType } from 'type-graphql';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { findWritable } from '../../common/crud';
import { DateScalar } from '../../common/scalars';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { EndedAssignments, endAssignmentsAfter } from '../assignment/assignment-ending';
import { School } from './school.entity';
import { schoolPolicy } from './school.policy';

@InputType({ description: "A school's leaving the program." })
export class DeactivateSchoolInput {
  @Field(() => DateScalar, { description: "The school's last day in the program; its open assignments end on it." })
  effectiveDate!: string;
}

@ObjectType({ description: 'A school deactivated, with the assignments it ended.' })
export class SchoolDeactivated extends EndedAssignments {
  @Field(() => School, { description: 'The school, inactive, with deactivatedOn set.' })
  school!: School;
}

/**
 * Deactivates a school on a date (whoever may update the school), in one transaction: its open assignments end on
 * that day (or are deleted when they start later), each audited, and the school is inactive with `deactivatedOn`.
 */
export async function deactivateSchool(ctx: RequestContext, id: string, input: DeactivateSchoolInput): Promise<SchoolDeactivated> {
  requireRole(ctx.actor, ...schoolPolicy.writers);
  return ctx.em.transactional(async (em) => {
    const school = await findWritable(em, ctx, School, schoolPolicy, parseId(id), 'update');
    const ended = await endAssignmentsAfter(em, ctx, { school: school.id }, input.effectiveDate);
    const before = snapshot(school);
    school.active = false;
    school.deactivatedOn = input.effectiveDate;
    audit(em, ctx, { action: 'update', entityType: 'School', entityId: school.id, before, after: snapshot(school) });
    await em.flush();
    return Object.assign(new SchoolDeactivated(), ended, { school });
  });
}
