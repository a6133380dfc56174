import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditEvent } from '../../common/audit-event.entity';
import type { RequestContext } from '../../common/context';
import { findPage, orderBy } from '../../common/crud';
import { ListType, PageArgs, SortInput, SortOrder, sortFields, type SortArg } from '../../common/list';
import { auditPolicy } from './audit.policy';
import { parseIds } from '../../common/validation';

const AuditEventSortField = sortFields({ CREATED_AT: 'CREATED_AT', ACTION: 'ACTION' } as const, 'AuditEvent', {
  CREATED_AT: 'When it happened.',
  ACTION: 'Action.',
});
type AuditEventSortField = (typeof AuditEventSortField)[keyof typeof AuditEventSortField];

@InputType({ description: 'Which audit events to list.' })
class AuditEventFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these events.' })
  @IsOptional()
  ids?: string[];

  @Field({ nullable: true, description: 'Only this action, such as update or login_failure.' })
  @IsOptional()
  @MaxLength(40)
  action?: string;

  @Field({ nullable: true, description: 'Only events about this type of record, such as Assignment.' })
  @IsOptional()
  @MaxLength(40)
  entityType?: string;

  @Field(() => ID, { nullable: true, description: 'Only events about the record with this id (with entityType).' })
  @IsOptional()
  entityId?: string;

  @Field(() => ID, { nullable: true, description: 'Only events by this user.' })
  @IsOptional()
  actorUserId?: string;

  @Field({ nullable: true, description: 'Only events at or after this instant.' })
  @IsOptional()
  from?: Date;

  @Field({ nullable: true, description: 'Only events before this instant.' })
  @IsOptional()
  to?: Date;
}

const AuditEventSort = SortInput(AuditEventSortField, 'AuditEvent', 'audit events', {
  field: 'CREATED_AT',
  order: SortOrder.DESC,
  orderDescription: 'Direction; newest first by default.',
});

const AuditEventList = ListType(AuditEvent, 'audit events');

/** The audit trail, read-only, for ADMIN. Rows are written by the changes themselves (common/audit.ts). */
@Authorized(...auditPolicy.readers)
@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @Query(() => AuditEventList, { description: 'Audit events matching the filter, newest first by default. ADMIN only.' })
  auditEvents(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Which events.' }) filter?: AuditEventFilter,
    @Arg('sort', () => AuditEventSort, { nullable: true, description: 'Order of the rows.' }) sort?: SortArg<AuditEventSortField>,
  ) {
    const where: FilterQuery<AuditEvent>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.action) where.push({ action: filter.action });
    if (filter?.entityType) where.push({ entityType: filter.entityType });
    if (filter?.entityId) where.push({ entityId: filter.entityId });
    if (filter?.actorUserId) where.push({ actorUserId: Number(parseIds([filter.actorUserId], 'filter.actorUserId')[0]) });
    if (filter?.from) where.push({ createdAt: { $gte: filter.from } });
    if (filter?.to) where.push({ createdAt: { $lt: filter.to } });
    const order = orderBy<AuditEvent>(sort ?? new AuditEventSort(), { CREATED_AT: 'createdAt', ACTION: 'action' });
    return findPage(ctx, AuditEvent, auditPolicy, { $and: where }, order, page);
  }
}
