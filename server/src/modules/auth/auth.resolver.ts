import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, Info, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { User } from '../user/user.entity';
import { LoginArgs } from './auth.inputs';
import { changePassword, login, logout, type SessionSettings } from './auth.service';
import { assertOnePasswordCheck } from './one-password-check';

@ObjectType({ description: 'A new session: send the token as `Authorization: Bearer <token>`; the console gets it as a cookie.' })
export class LoginResult {
  @Field({ description: 'The session token. Keep it secret; it is shown only now.' })
  token!: string;

  @Field({ description: 'When the session ends at the latest (it also ends after a period without use).' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The signed-in user, with its role.' })
  user!: User;
}

export function authResolver(settings: SessionSettings) {
  @Resolver()
  class AuthResolver {
    @Mutation(() => LoginResult, {
      nullable: true,
      description:
        'Signs in with e-mail and password. Null with an UNAUTHENTICATED error when refused; RATE_LIMITED (with ' +
        '`retryAfterSeconds`) after repeated failures. One `login` or `changePassword` per operation (BAD_REQUEST otherwise).',
    })
    async login(
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
      @Args(() => LoginArgs) { email, password }: LoginArgs,
    ): Promise<LoginResult | null> {
      assertOnePasswordCheck(info);
      const signedIn = await login(ctx, email, password, settings);
      ctx.session.set(signedIn.token, signedIn.expiresAt);
      return signedIn;
    }

    @Authorized()
    @Mutation(() => Boolean, { description: 'Ends the current session. True when a session was ended.' })
    async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
      const ended = await logout(ctx, ctx.session.token);
      ctx.session.clear();
      return ended;
    }

    @Authorized()
    @Mutation(() => Boolean, {
      description:
        'Changes your own password, given the current one (BAD_USER_INPUT when it is wrong), throttled like `login`. Ends your ' +
        'other sessions; this one and your API tokens go on. Only from a signed-in session, not with an API token (FORBIDDEN).',
    })
    async changePassword(
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('currentPassword', { description: 'The password you sign in with now.' }) currentPassword: string,
      @Arg('newPassword', { description: 'The new password, 12 to 256 characters.' }) newPassword: string,
    ): Promise<boolean> {
      assertOnePasswordCheck(info);
      return changePassword(ctx, currentPassword, newPassword);
    }

    @Query(() => User, { nullable: true, description: 'The signed-in user, or null when not signed in.' })
    me(@Ctx() ctx: RequestContext) {
      return ctx.actor ? ctx.loaders.byId(User).load(ctx.actor.userId) : null;
    }
  }
  return AuthResolver;
}
