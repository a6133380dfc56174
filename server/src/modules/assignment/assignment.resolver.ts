import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { readable } from '../../common/hidden-fields';
import { requireActor } from '../../common/policy';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { Assignment } from './assignment.entity';
import {
  AssignmentFilter,
  AssignmentSort,
  BulkUpdateAssignmentInput,
  CreateAssignmentInput,
  UpdateAssignmentInput,
} from './assignment.inputs';
import { assignmentPolicy } from './assignment.policy';
import { assignmentService } from './assignment.service';

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => Assignment)
export class AssignmentResolver extends createCrudResolver({
  type: Assignment,
  plural: 'assignments',
  singular: 'assignment',
  filter: AssignmentFilter,
  sort: AssignmentSort,
  create: CreateAssignmentInput,
  update: UpdateAssignmentInput,
  bulkUpdate: BulkUpdateAssignmentInput,
  service: assignmentService,
  writers:
    'ADMIN only. A broken rule (overlapping PRIMARY, more than 1.00 FTE, inactive officer or school) is a CONFLICT naming the clashing assignment.',
}) {
  // Whoever sees an assignment sees its officer (name, rank, agency) and school: coverage is district-wide.
  @FieldResolver(() => Officer, { description: 'The assigned officer.' })
  officer(@Root() assignment: Assignment, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Officer, assignment.officer.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Free-text notes. Null when hidden from you: only ADMIN, the officer's own agency chief and the officer itself see them.",
  })
  notes(@Root() assignment: Assignment, @Ctx() ctx: RequestContext) {
    const visibility = assignmentPolicy.visibility(requireActor(ctx.actor), 'notes');
    if (typeof visibility === 'boolean') return visibility ? (assignment.notes ?? null) : null;
    // The rule is on the officer: usually read already with the page (its loader then answers at once).
    const shown = (officer: Officer | null) => (officer && readable(visibility, officer) ? (assignment.notes ?? null) : null);
    const officer = ctx.loaders.one(Officer, assignment.officer.id);
    return officer instanceof Promise ? officer.then(shown) : shown(officer);
  }

  @FieldResolver(() => School, { description: 'The school served.' })
  school(@Root() assignment: Assignment, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(School, assignment.school.id);
  }
}
