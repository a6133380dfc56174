import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { badInput, notFound } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { parseId } from '../../common/validation';
import { ApiToken } from './api-token.entity';
import { hashToken, newToken } from './tokens';

@ObjectType({ description: 'A new API token. The secret is in `token`, shown only this once.' })
export class CreatedApiToken {
  @Field({ description: 'The secret: send it as `Authorization: Bearer <token>`. It is never shown again.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The stored token (without its secret).' })
  apiToken!: ApiToken;
}

/** Everyone manages its own API tokens, analysts included: this is their only mutation. */
@Authorized()
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken], { description: 'Your API tokens, newest first, revoked ones included.' })
  apiTokens(@Ctx() ctx: RequestContext) {
    return ctx.em.find(ApiToken, { user: requireActor(ctx.actor).userId }, { orderBy: { id: 'desc' } });
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token that acts as you. Its secret is shown only in this answer.' })
  async createApiToken(
    @Ctx() ctx: RequestContext,
    @Arg('name', { description: 'What will use it, such as "Power BI refresh".' }) name: string,
  ): Promise<CreatedApiToken> {
    const actor = requireActor(ctx.actor);
    const trimmed = name.trim();
    validateName(trimmed);
    return ctx.em.transactional(async (em) => {
      const token = newToken('sra');
      const apiToken = em.create(ApiToken, { user: actor.userId, name: trimmed, tokenHash: hashToken(token), prefix: token.slice(0, 8) });
      await em.flush();
      audit(em, ctx, { action: 'token_issued', entityType: 'ApiToken', entityId: apiToken.id, details: { name: trimmed } });
      await em.flush();
      return { token, apiToken };
    });
  }

  @Mutation(() => ApiToken, { description: 'Revokes one of your API tokens; it stops working at once.' })
  revokeApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Token id.' }) id: string) {
    const actor = requireActor(ctx.actor);
    return ctx.em.transactional(async (em) => {
      const apiToken = await em.findOne(ApiToken, { id: parseId(id), user: actor.userId });
      if (!apiToken) throw notFound('ApiToken', id);
      apiToken.revokedAt ??= new Date();
      audit(em, ctx, { action: 'token_revoked', entityType: 'ApiToken', entityId: apiToken.id });
      await em.flush();
      return apiToken;
    });
  }
}

function validateName(name: string): void {
  if (name.length < 1 || name.length > 100) {
    throw badInput('name must have 1 to 100 characters', { name: ['Give the token a name of 1 to 100 characters'] });
  }
}
