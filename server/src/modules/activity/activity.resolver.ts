import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireActor } from '../../common/policy';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { Activity } from './activity.entity';
import { ActivityFilter, ActivitySort, BulkUpdateActivityInput, CreateActivityInput, UpdateActivityInput } from './activity.inputs';
import { EDIT_WINDOW_DAYS } from './activity.policy';
import { activityService } from './activity.service';

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => Activity)
export class ActivityResolver extends createCrudResolver({
  type: Activity,
  plural: 'activities',
  singular: 'activity',
  filter: ActivityFilter,
  sort: ActivitySort,
  create: CreateActivityInput,
  update: UpdateActivityInput,
  bulkUpdate: BulkUpdateActivityInput,
  service: activityService,
  writers: `ADMIN; a chief for its own officers; an officer for itself, up to ${EDIT_WINDOW_DAYS} days after the activity date. Never ANALYST.`,
}) {
  // An activity's officer is always visible to whoever may see the activity.
  @FieldResolver(() => Officer, { description: 'The officer who did it.' })
  officer(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Officer, activity.officer.id);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description:
      "The agency the officer served on the activity's date, set by the database: it stays when the officer later moves to another agency. Null when that agency is not visible to you.",
  })
  async agency(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    // A row just written through the ORM does not know the agency the database set: read the row back.
    const agencyId = activity.agency?.id ?? (await ctx.loaders.one(Activity, activity.id))?.agency?.id;
    return agencyId ? ctx.loaders.one(Agency, agencyId) : null;
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school; null for district-wide work.' })
  school(@Root() activity: Activity, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return activity.school ? ctx.loaders.one(School, activity.school.id) : null;
  }
}
