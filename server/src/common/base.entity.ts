import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Columns filled in by default, for `em.create`'s typing. */
export type BaseOptional = 'createdAt' | 'updatedAt' | 'version';

/**
 * Columns every table has: id, timestamps and the optimistic-locking version. Its fields appear on every type.
 *
 * Every entity type is declared with `simpleResolvers: true`: its plain column fields are read by GraphQL's
 * default resolver instead of through the global middlewares, one async call per field (the largest cost of a
 * big answer). A column cannot fail, and none needs a check of its own: what is hidden from some callers is
 * exposed only through `@FieldResolver` methods, which keep their middlewares and `@Authorized` checks.
 */
@ObjectType({ description: 'Columns every record has.', simpleResolvers: true })
export abstract class BaseEntity<Optional extends string = never> {
  /** Columns the database fills in; entities add their own defaulted columns to this list. */
  [OptionalProps]?: BaseOptional | Optional;

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Field({ description: 'When the record was created.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field({ description: 'When the record was last changed.' })
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update; it grows by one on every change.' })
  @Property({ version: true, default: 1 })
  version!: number;
}
