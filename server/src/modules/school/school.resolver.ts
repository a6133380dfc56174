import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.resolver';
import type { RequestContext } from '../../common/context';
import { loadEdge } from '../../common/edges';
import { ListType, PageArgs } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { Activity } from '../activity/activity.entity';
import { activityEdge } from '../activity/activity.edges';
import { ActivityFilter, ActivitySort } from '../activity/activity.inputs';
import { activityService } from '../activity/activity.service';
import { Assignment } from '../assignment/assignment.entity';
import { assignmentEdge, assignmentsActiveOn } from '../assignment/assignment.edges';
import { AssignmentFilter, AssignmentSort } from '../assignment/assignment.inputs';
import { assignmentService } from '../assignment/assignment.service';
import { CoverageStatus, loadCoverageStatus } from '../assignment/coverage';
import { School } from './school.entity';
import { BulkUpdateSchoolInput, CreateSchoolInput, SchoolFilter, SchoolSort, UpdateSchoolInput } from './school.inputs';
import { schoolService } from './school.service';
import { DeactivateSchoolInput, deactivateSchool, SchoolDeactivated } from './school-deactivation';

const AssignmentList = ListType(Assignment, 'assignments');
const ActivityList = ListType(Activity, 'activities');

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => School)
export class SchoolResolver extends createCrudResolver({
  type: School,
  plural: 'schools',
  singular: 'school',
  filter: SchoolFilter,
  sort: SchoolSort,
  create: CreateSchoolInput,
  update: UpdateSchoolInput,
  bulkUpdate: BulkUpdateSchoolInput,
  service: schoolService,
  writers: 'ADMIN only.',
}) {
  @Mutation(() => SchoolDeactivated, {
    description:
      'Deactivates a school on a date (ADMIN only; audited): in the same transaction its open assignments end on that day (those ' +
      'starting later are deleted), and the answer lists them.',
  })
  deactivateSchool(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The school.' }) id: string,
    @Arg('input', () => DeactivateSchoolInput, { description: "The school's last day in the program." }) input: DeactivateSchoolInput,
  ) {
    return deactivateSchool(ctx, id, input);
  }

  @FieldResolver(() => AssignmentList, { description: "The school's assignments, past, present and future." })
  assignments(
    @Root() school: School,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssignmentFilter, { nullable: true, description: 'Which assignments, such as `{ activeOn: "2026-09-14" }`.' })
    filter?: AssignmentFilter,
    @Arg('sort', () => AssignmentSort, { nullable: true, description: 'Order; by start date when left out.' }) sort?: AssignmentSort,
  ) {
    return loadEdge(ctx, assignmentEdge('school'), school.id, {
      where: assignmentService.spec.where(filter, ctx),
      sort: sort ?? new AssignmentSort(),
      page,
    });
  }

  @FieldResolver(() => [Assignment], { description: "The school's assignments active on a date." })
  assignmentsOn(
    @Root() school: School,
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) date?: string,
  ) {
    return assignmentsActiveOn(ctx, 'school', school.id, date ?? ctx.today);
  }

  @FieldResolver(() => CoverageStatus, {
    description:
      'COVERED (a PRIMARY officer present, or its substitute), PARTIAL (only SECONDARY or BACKUP) or UNCOVERED on a date. Never NO_SCHOOL: coverageReport tells the calendar.',
  })
  coverageStatus(
    @Root() school: School,
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) date?: string,
  ) {
    return loadCoverageStatus(ctx, school.id, date ?? ctx.today);
  }

  @FieldResolver(() => ActivityList, { description: 'Activities logged at the school that you may see.' })
  activities(
    @Root() school: School,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities.' }) filter?: ActivityFilter,
    @Arg('sort', () => ActivitySort, { nullable: true, description: 'Order; newest first when left out.' }) sort?: ActivitySort,
  ) {
    return loadEdge(ctx, activityEdge('school'), school.id, {
      where: activityService.spec.where(filter, ctx),
      sort: sort ?? new ActivitySort(),
      page,
    });
  }
}
