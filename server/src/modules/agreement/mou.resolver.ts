import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { addDays } from '../../common/dates';
import { requireActor } from '../../common/policy';
import { Agency } from '../agency/agency.entity';
import { Mou, MouStatus } from './mou.entity';
import { BulkUpdateMouInput, CreateMouInput, MouFilter, MouSort, UpdateMouInput } from './mou.inputs';
import { mouDocumentPolicy } from './mou.policy';
import { mouService, type AgreementSettings } from './mou.service';
import { readDocumentInfo } from './mou-document';

@ObjectType({ description: 'The signed PDF of an agreement: what it is and where to download it.' })
export class MouDocument {
  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;

  @Field({ description: 'When it was uploaded.' })
  uploadedAt!: Date;

  @Field({ description: 'Where to download it (GET, signed in): /files/mou/<id>.pdf.' })
  url!: string;
}

/** The agreements' API; `renewalDays` is MOU_RENEWAL_DAYS. */
export function mouResolver(settings: AgreementSettings) {
  @Resolver(() => Mou)
  class MouResolver extends createCrudResolver({
    type: Mou,
    plural: 'mous',
    singular: 'mou',
    filter: MouFilter,
    sort: MouSort,
    create: CreateMouInput,
    update: UpdateMouInput,
    bulkUpdate: BulkUpdateMouInput,
    service: mouService(settings),
    writers: "ADMIN for any agency; AGENCY_CHIEF for its own agency's agreements.",
  }) {
    @FieldResolver(() => Agency, { description: 'The agency the district agreed with.' })
    agency(@Root() mou: Mou, @Ctx() ctx: RequestContext) {
      requireActor(ctx.actor);
      return ctx.loaders.one(Agency, mou.agency.id);
    }

    @FieldResolver(() => Boolean, {
      description: 'Whether it is IN_FORCE and expires within MOU_RENEWAL_DAYS from today: an agreement to renew.',
    })
    toRenew(@Root() mou: Mou, @Ctx() ctx: RequestContext) {
      requireActor(ctx.actor);
      return mou.status === MouStatus.IN_FORCE && mou.expiryDate >= ctx.today && mou.expiryDate <= addDays(ctx.today, settings.renewalDays);
    }

    @FieldResolver(() => MouDocument, {
      nullable: true,
      description: "The signed PDF; null when none was uploaded or when you may not read it (analysts; another agency's chief).",
    })
    async document(@Root() mou: Mou, @Ctx() ctx: RequestContext): Promise<MouDocument | null> {
      const actor = requireActor(ctx.actor);
      if (mouDocumentPolicy.rules(actor.role).read === null) return null;
      const info = await readDocumentInfo(ctx.em, mou.id);
      return info && { ...info, url: `/files/mou/${mou.id}.pdf` };
    }
  }
  return MouResolver;
}
