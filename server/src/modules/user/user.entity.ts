import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../../common/actor';
import { BaseEntity } from '../../common/base.entity';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';

/** Someone who signs in. The password hash never leaves the server: it has no @Field. */
@ObjectType({ description: 'A person or script that signs in to SRO Hub.', simpleResolvers: true })
@Entity({ tableName: 'app_user' })
@Index({ name: 'app_user_email_unique', expression: 'create unique index "app_user_email_unique" on "app_user" (lower("email"))' })
@Check({ name: 'app_user_chief_has_agency', expression: "role <> 'AGENCY_CHIEF' or agency_id is not null" })
@Check({ name: 'app_user_officer_has_officer', expression: "role <> 'OFFICER' or officer_id is not null" })
export class User extends BaseEntity<'active'> {
  @Field({ description: 'Sign-in e-mail address, unique regardless of case.' })
  @Property({ length: 254 })
  email!: string;

  @Field({ description: 'Name shown in the console and the audit log.' })
  @Property({ length: 200 })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @Enum({ items: () => Role })
  role!: Role;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict', index: 'app_user_agency_index' })
  agency?: Ref<Agency> | null;

  @ManyToOne(() => Officer, { ref: true, nullable: true, deleteRule: 'restrict', index: 'app_user_officer_index' })
  officer?: Ref<Officer> | null;

  @Property({ type: 'string', length: 255, lazy: true, hidden: true })
  passwordHash!: string;

  @Field({ description: 'False once the account is deactivated; inactive users cannot sign in.' })
  @Property({ default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true, description: 'When the user last signed in.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;
}
