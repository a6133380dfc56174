import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { createCrudResolver } from '../../common/crud.resolver';
import type { RequestContext } from '../../common/context';
import { loadEdge } from '../../common/edges';
import { ListType, PageArgs } from '../../common/list';
import { requireActor } from '../../common/policy';
import { DateScalar } from '../../common/scalars';
import { Activity } from '../activity/activity.entity';
import { ActivityFilter, ActivitySort } from '../activity/activity.inputs';
import { activityEdge } from '../activity/activity.edges';
import { activityService } from '../activity/activity.service';
import { Agency } from '../agency/agency.entity';
import { Assignment } from '../assignment/assignment.entity';
import { AssignmentFilter, AssignmentSort } from '../assignment/assignment.inputs';
import { assignmentEdge, assignmentsActiveOn } from '../assignment/assignment.edges';
import { assignmentService } from '../assignment/assignment.service';
import { Officer, OfficerStatus } from './officer.entity';
import {
  BulkUpdateOfficerInput,
  CreateOfficerInput,
  OfficerFilter,
  OfficerSort,
  TransferOfficerInput,
  UpdateOfficerInput,
} from './officer.inputs';
import { transferOfficer } from './officer-transfer.service';
import { EndOfficerServiceInput, endOfficerService, OfficerServiceEnded } from './officer-service-end';
import { officerPolicy } from './officer.policy';
import { officerService } from './officer.service';

const OfficerList = ListType(Officer, 'officers');
const AssignmentList = ListType(Assignment, 'assignments');
const ActivityList = ListType(Activity, 'activities');

const HIDDEN = 'Null when hidden from you: only ADMIN, analysts and its own agency see it.';
const CONTACT = 'Personal contact: null unless you are ADMIN, its own agency chief or the officer itself.';

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => Officer)
export class OfficerResolver extends createCrudResolver({
  type: Officer,
  plural: 'officers',
  singular: 'officer',
  filter: OfficerFilter,
  sort: OfficerSort,
  create: CreateOfficerInput,
  update: UpdateOfficerInput,
  bulkUpdate: BulkUpdateOfficerInput,
  service: officerService,
  writers: 'ADMIN, or a chief for its own agency (a chief cannot move an officer to another agency).',
}) {
  @Mutation(() => Officer, {
    description:
      "Moves an officer to another agency from a date (ADMIN only; audited). Dated in the officer's agency history: activities on or " +
      'after effectiveDate are credited to the new agency, earlier ones stay with the agency they were done for. CONFLICT when the ' +
      'officer moved after effectiveDate; BAD_USER_INPUT for a future date or the same agency.',
  })
  transferOfficer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The officer.' }) id: string,
    @Arg('input', () => TransferOfficerInput, { description: 'The new agency and the first day with it.' }) input: TransferOfficerInput,
  ) {
    return transferOfficer(ctx, id, input);
  }

  @Mutation(() => OfficerServiceEnded, {
    description:
      "Ends an officer's service in the program on a date (ADMIN only; audited): in the same transaction its " +
      'open assignments end on that day (those starting later are deleted), and the answer lists them. INACTIVE once the day is past.',
  })
  endOfficerService(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The officer.' }) id: string,
    @Arg('input', () => EndOfficerServiceInput, { description: 'The last day in the program.' }) input: EndOfficerServiceInput,
  ) {
    return endOfficerService(ctx, id, input);
  }

  @FieldResolver(() => String, { nullable: true, description: `Badge number, unique within the agency. ${HIDDEN}` })
  badgeNumber(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'badgeNumber');
  }

  @FieldResolver(() => OfficerStatus, { nullable: true, description: `Availability to the program. ${HIDDEN}` })
  status(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'status');
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: `Date the officer started as an SRO. ${HIDDEN}` })
  sroSince(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'sroSince');
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: `Date SRO basic training was completed; null while not done. ${HIDDEN}` })
  sroTrainingCompletedOn(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'sroTrainingCompletedOn');
  }

  @FieldResolver(() => String, { nullable: true, description: `Notes about the officer. ${HIDDEN}` })
  notes(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'notes');
  }

  @FieldResolver(() => String, { nullable: true, description: `Work e-mail. ${CONTACT}` })
  email(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'email');
  }

  @FieldResolver(() => String, { nullable: true, description: `Work phone. ${CONTACT}` })
  phone(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    return officerPolicy.shown(requireActor(ctx.actor), officer, 'phone');
  }

  @FieldResolver(() => Agency, { description: 'The agency that employs the officer.' })
  agency(@Root() officer: Officer, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Agency, officer.agency.id);
  }

  @FieldResolver(() => AssignmentList, { description: "The officer's assignments, past, present and future." })
  assignments(
    @Root() officer: Officer,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssignmentFilter, { nullable: true, description: 'Which assignments.' }) filter?: AssignmentFilter,
    @Arg('sort', () => AssignmentSort, { nullable: true, description: 'Order; by start date when left out.' }) sort?: AssignmentSort,
  ) {
    return loadEdge(ctx, assignmentEdge('officer'), officer.id, {
      where: assignmentService.spec.where(filter, ctx),
      sort: sort ?? new AssignmentSort(),
      page,
    });
  }

  @FieldResolver(() => [Assignment], { description: "The officer's assignments active on a date." })
  assignmentsOn(
    @Root() officer: Officer,
    @Ctx() ctx: RequestContext,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The date; today when left out.' }) date?: string,
  ) {
    return assignmentsActiveOn(ctx, 'officer', officer.id, date ?? ctx.today);
  }

  @FieldResolver(() => ActivityList, { description: "The officer's activity log. Empty for callers who may not see it." })
  activities(
    @Root() officer: Officer,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Which activities.' }) filter?: ActivityFilter,
    @Arg('sort', () => ActivitySort, { nullable: true, description: 'Order; newest first when left out.' }) sort?: ActivitySort,
  ) {
    return loadEdge(ctx, activityEdge('officer'), officer.id, {
      where: activityService.spec.where(filter, ctx),
      sort: sort ?? new ActivitySort(),
      page,
    });
  }
}

/** The agency -> officers edge lives here, beside the officers' policy. It checks the actor in loadEdge. */
@Resolver(() => Agency)
export class AgencyOfficersResolver {
  @FieldResolver(() => OfficerList, { description: "The agency's officers." })
  officers(
    @Root() agency: Agency,
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OfficerFilter, { nullable: true, description: 'Which officers.' }) filter?: OfficerFilter,
    @Arg('sort', () => OfficerSort, { nullable: true, description: 'Order; by last name when left out.' }) sort?: OfficerSort,
  ) {
    const edge = {
      entity: Officer,
      policy: officerPolicy,
      parent: 'agency' as const,
      sortColumns: officerService.spec.sortColumns,
    };
    return loadEdge(ctx, edge, agency.id, { where: officerService.spec.where(filter, ctx), sort: sort ?? new OfficerSort(), page });
  }
}
