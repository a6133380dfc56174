import { Args, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { User } from '../user/user.entity';
import { LoginArgs } from './auth.inputs';
import { login, logout, type SessionSettings } from './auth.service';

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
        'Signs in with e-mail and password. Null with an UNAUTHENTICATED error when refused; RATE_LIMITED after repeated failures.',
    })
    async login(@Ctx() ctx: RequestContext, @Args(() => LoginArgs) { email, password }: LoginArgs): Promise<LoginResult | null> {
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

    @Query(() => User, { nullable: true, description: 'The signed-in user, or null when not signed in.' })
    me(@Ctx() ctx: RequestContext) {
      return ctx.actor ? ctx.loaders.byId(User).load(ctx.actor.userId) : null;
    }
  }
  return AuthResolver;
}
