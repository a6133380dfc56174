import { Entity, Index, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';

/** One thing that happened, written in the same transaction as the change. Rows are never changed or removed. */
@ObjectType({ description: 'One audited action: who did what to which record, with the fields before and after.', simpleResolvers: true })
@Entity()
@Index({ name: 'audit_event_entity_index', properties: ['entityType', 'entityId'] })
export class AuditEvent extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'Id of the user who acted; null for a failed sign-in or the system.' })
  @Property({ type: 'integer', nullable: true })
  @Index({ name: 'audit_event_actor_index' })
  actorUserId?: number | null;

  @Field({ description: 'E-mail or name of the actor at the time, kept even if the user changes later.' })
  @Property({ length: 254 })
  actorLabel!: string;

  @Field({
    description:
      'What happened: create, update, delete, login, login_failure, logout, export, token_issued, token_revoked, password_reset.',
  })
  @Property({ length: 40 })
  @Index({ name: 'audit_event_action_index' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Type of the record acted on, such as Assignment.' })
  @Property({ type: 'string', length: 40, nullable: true })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the record acted on.' })
  @Property({ type: 'string', length: 40, nullable: true })
  entityId?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Changed fields: { field: { before, after } }. Secrets never appear.' })
  @Property({ type: 'jsonb', nullable: true })
  changes?: Record<string, { before: unknown; after: unknown }> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Other facts about the action, such as the filters of an export.' })
  @Property({ type: 'jsonb', nullable: true })
  details?: Record<string, unknown> | null;

  @Field({ description: 'Id of the HTTP request, as in the server log.' })
  @Property({ length: 64 })
  requestId!: string;

  @Field(() => String, { nullable: true, description: "The client's network address." })
  @Property({ type: 'string', length: 64, nullable: true })
  clientAddress?: string | null;
}
