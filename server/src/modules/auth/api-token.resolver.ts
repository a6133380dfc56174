import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { badInput, forbidden, notFound } from '../../common/errors';
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

/** How long API tokens live (config.ts: API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS). */
export interface ApiTokenSettings {
  defaultDays: number;
  maxDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Everyone manages its own API tokens, analysts included: this is their only mutation. Only a signed-in session
 * creates them, so that a leaked token cannot outlive its expiry by issuing itself successors.
 */
export function apiTokenResolver(settings: ApiTokenSettings) {
  @Authorized()
  @Resolver(() => ApiToken)
  class ApiTokenResolver {
    @Query(() => [ApiToken], { description: 'Your API tokens, newest first, revoked ones included.' })
    apiTokens(@Ctx() ctx: RequestContext) {
      return ctx.em.find(ApiToken, { user: requireActor(ctx.actor).userId }, { orderBy: { id: 'desc' } });
    }

    @Mutation(() => CreatedApiToken, {
      description:
        'Creates an API token that acts as you until it expires or is revoked. Its secret is shown only in this answer. ' +
        'Only from a signed-in session: an API token cannot create API tokens (FORBIDDEN).',
    })
    async createApiToken(
      @Ctx() ctx: RequestContext,
      @Arg('name', { description: 'What will use it, such as "Power BI refresh".' }) name: string,
      @Arg('lifetimeDays', () => Int, {
        nullable: true,
        description:
          "Days until the token expires, from 1 to the server's API_TOKEN_MAX_DAYS; the server's API_TOKEN_DEFAULT_DAYS when left out (both 365 unless configured).",
      })
      lifetimeDays?: number | null,
    ): Promise<CreatedApiToken> {
      const actor = requireActor(ctx.actor);
      if (actor.viaApiToken) throw forbidden('An API token cannot create API tokens: sign in to create one');
      const trimmed = name.trim();
      validateName(trimmed);
      const days = lifetimeDays ?? settings.defaultDays;
      if (days < 1 || days > settings.maxDays) {
        throw badInput(`lifetimeDays must be from 1 to ${settings.maxDays}`, { lifetimeDays: [`From 1 to ${settings.maxDays} days`] });
      }
      return ctx.em.transactional(async (em) => {
        const token = newToken('sra');
        const expiresAt = new Date(Date.now() + days * DAY_MS);
        const apiToken = em.create(ApiToken, {
          user: actor.userId,
          name: trimmed,
          tokenHash: hashToken(token),
          prefix: token.slice(0, 8),
          expiresAt,
        });
        await em.flush();
        audit(em, ctx, {
          action: 'token_issued',
          entityType: 'ApiToken',
          entityId: apiToken.id,
          details: { name: trimmed, expiresAt: expiresAt.toISOString() },
        });
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
  return ApiTokenResolver;
}

function validateName(name: string): void {
  if (name.length < 1 || name.length > 100) {
    throw badInput('name must have 1 to 100 characters', { name: ['Give the token a name of 1 to 100 characters'] });
  }
}
