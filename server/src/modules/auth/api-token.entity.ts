import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { User } from '../user/user.entity';

/** A named, revocable token for scripts and BI tools, acting as its user. Only its hash is stored. */
@ObjectType({
  description: 'A named API token for scripts and BI tools. The secret is shown once, when it is created.',
  simpleResolvers: true,
})
@Entity()
export class ApiToken extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: 'api_token_user_index' })
  user!: Ref<User>;

  @Field({ description: 'A name that says what uses the token, such as "Power BI refresh".' })
  @Property({ length: 100 })
  name!: string;

  @Property({ length: 64, unique: 'api_token_hash_unique' })
  tokenHash!: string;

  @Field({ description: 'The first characters of the token, to recognise it.' })
  @Property({ length: 12 })
  prefix!: string;

  @Field(() => Date, { nullable: true, description: 'When the token was last used.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { description: 'When the token stops working, set when it is created.' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; it no longer works after that.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
