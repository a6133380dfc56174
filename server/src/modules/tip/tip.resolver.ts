import { Args, Authorized, Ctx, Extensions, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { ListType, PageArgs } from '../../common/list';
import { requireActor } from '../../common/policy';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { TipStep } from './tip-step.entity';
import { tipStepService } from './tip-step.service';
import { Tip } from './tip.entity';
import {
  BulkUpdateTipInput,
  BulkUpdateTipStepInput,
  CreateTipInput,
  CreateTipStepInput,
  TipFilter,
  TipSort,
  TipStepFilter,
  TipStepSort,
  UpdateTipInput,
  UpdateTipStepInput,
} from './tip.inputs';
import { tipPolicy } from './tip.policy';
import { assignedOfficers, tipQueue, tipService } from './tip.service';
import { firstActionDueAt, isOverdue } from './tip.settings';
import { tipReport, type TipReportSettings } from './tip-report.service';
import { TipReport, TipReportArgs } from './tip-report.types';

const TipQueuePage = ListType(Tip, 'tipQueue');

@Resolver(() => Tip)
export class TipResolver extends createCrudResolver({
  type: Tip,
  plural: 'tips',
  singular: 'tip',
  filter: TipFilter,
  sort: TipSort,
  create: CreateTipInput,
  update: UpdateTipInput,
  bulkUpdate: BulkUpdateTipInput,
  service: tipService,
  writers: 'ADMIN enters and deletes tips; a chief updates the tips of its officers, an officer those it reads. Never ANALYST.',
}) {
  @Authorized(...tipPolicy.readers)
  @Query(() => TipQueuePage, {
    description: 'Tips nobody is assigned to and tips overdue for their first action: life-safety first, then oldest first.',
  })
  tipQueue(@Ctx() ctx: RequestContext, @Args(() => PageArgs) page: PageArgs) {
    return tipQueue(ctx, page);
  }

  @Extensions({ reads: ['receivedAt', 'lifeSafety'] })
  @FieldResolver(() => Date, { description: 'When the first action is due (TIP_LIFE_SAFETY_MINUTES or TIP_FIRST_ACTION_HOURS).' })
  firstActionDueAt(@Root() tip: Tip) {
    return firstActionDueAt(tip);
  }

  @Extensions({ reads: ['receivedAt', 'lifeSafety', 'firstActionAt', 'status'] })
  @FieldResolver(() => Boolean, { description: 'Open, without a first action, and past its deadline, now.' })
  overdue(@Root() tip: Tip) {
    return isOverdue(tip);
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school; null when unknown.' })
  school(@Root() tip: Tip, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return tip.school ? ctx.loaders.one(School, tip.school.id) : null;
  }

  @FieldResolver(() => [Officer], { description: 'The officers assigned to it.' })
  assignedOfficers(@Root() tip: Tip, @Ctx() ctx: RequestContext) {
    return assignedOfficers(ctx, tip);
  }
}

@Resolver(() => TipStep)
export class TipStepResolver extends createCrudResolver({
  type: TipStep,
  plural: 'tipSteps',
  singular: 'tipStep',
  filter: TipStepFilter,
  sort: TipStepSort,
  create: CreateTipStepInput,
  update: UpdateTipStepInput,
  bulkUpdate: BulkUpdateTipStepInput,
  service: tipStepService,
  writers: 'ADMIN; a chief for its own officers; an officer as itself; on tips they read. Never ANALYST.',
}) {
  @FieldResolver(() => Officer, { description: 'The officer who took it.' })
  officer(@Root() step: TipStep, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Officer, step.officer.id);
  }

  @FieldResolver(() => Tip, { nullable: true, description: 'The tip.' })
  tip(@Root() step: TipStep, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Tip, step.tip.id);
  }
}

/** The tip report: ADMIN and ANALYST the district; a chief district aggregates with small cells withheld; never an officer. */
export function tipReportResolver(settings: TipReportSettings) {
  @Resolver()
  class TipReportResolver {
    @Authorized(Role.ADMIN, Role.ANALYST, Role.AGENCY_CHIEF)
    @Query(() => TipReport, {
      description:
        'Tips received in a period (by category, source, school, month), how fast they were first acted on and closed, how they ended, ' +
        'with the period before and the program year; its CSV in `csv`. ADMIN and ANALYST: the district; an agency chief: district ' +
        'aggregates with small cells withheld. FORBIDDEN for officers.',
    })
    tipReport(@Ctx() ctx: RequestContext, @Args(() => TipReportArgs) args: TipReportArgs) {
      return tipReport(ctx, args, settings);
    }
  }
  return TipReportResolver;
}
