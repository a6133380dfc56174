import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { User } from './user.entity';
import { BulkUpdateUserInput, CreateUserInput, UpdateUserInput, UserFilter, UserSort } from './user.inputs';
import { userPolicy } from './user.policy';
import { userService } from './user.service';

// Only the roles that user.policy.ts lets read accounts (ADMIN).
@Authorized(...userPolicy.readers)
@Resolver(() => User)
export class UserResolver extends createCrudResolver({
  type: User,
  plural: 'users',
  singular: 'user',
  filter: UserFilter,
  sort: UserSort,
  create: CreateUserInput,
  update: UpdateUserInput,
  bulkUpdate: BulkUpdateUserInput,
  service: userService,
  writers: 'ADMIN only; the last active ADMIN cannot be demoted, deactivated or deleted.',
}) {}

/** A user's links, visible to whoever may see the user (an admin, or the user itself through `me`). */
@Resolver(() => User)
export class UserLinksResolver {
  @FieldResolver(() => Agency, { nullable: true, description: "The chief's agency, or the officer's agency." })
  agency(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.agency ? ctx.loaders.one(Agency, user.agency.id) : null;
  }

  @FieldResolver(() => Officer, { nullable: true, description: 'For an OFFICER user: its officer record.' })
  officer(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.officer ? ctx.loaders.one(Officer, user.officer.id) : null;
  }
}
