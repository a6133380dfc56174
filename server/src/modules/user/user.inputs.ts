import { IsEmail, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../../common/actor';
import { SortInput, sortFields } from '../../common/list';
import { OmittableNotNull } from '../../common/validation';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords';

export const UserSortField = sortFields(
  {
    EMAIL: 'EMAIL',
    DISPLAY_NAME: 'DISPLAY_NAME',
    ROLE: 'ROLE',
    LAST_LOGIN_AT: 'LAST_LOGIN_AT',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'User',
  {
    EMAIL: 'E-mail address.',
    DISPLAY_NAME: 'Display name.',
    ROLE: 'Role.',
    LAST_LOGIN_AT: 'Last sign-in.',
    CREATED_AT: 'When the account was created.',
    UPDATED_AT: 'When the account was last changed.',
  },
);
export type UserSortField = (typeof UserSortField)[keyof typeof UserSortField];

export const userSortColumns: Record<UserSortField, string> = {
  EMAIL: 'email',
  DISPLAY_NAME: 'displayName',
  ROLE: 'role',
  LAST_LOGIN_AT: 'lastLoginAt',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

const PASSWORD_MESSAGE = `password must have at least ${MIN_PASSWORD_LENGTH} characters`;

@InputType({ description: 'Which users to list.' })
export class UserFilter {
  @Field({ nullable: true, description: 'Text the e-mail or display name contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these users.' })
  @IsOptional()
  ids?: string[];

  @Field(() => Role, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only users bound to this agency.' })
  @IsOptional()
  agencyId?: string;

  @Field({ nullable: true, description: 'Only active (true) or deactivated (false) users.' })
  @IsOptional()
  active?: boolean;
}

export const UserSort = SortInput(UserSortField, 'User', 'users', { field: 'EMAIL' });
export type UserSort = InstanceType<typeof UserSort>;

@InputType({ description: 'A new account. A chief needs agencyId; an officer needs officerId.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in e-mail, unique regardless of case.' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Name shown in the console and the audit log.' })
  @Length(1, 200)
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'For AGENCY_CHIEF: the agency.' })
  @IsOptional()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For OFFICER: the officer record.' })
  @IsOptional()
  officerId?: string | null;

  @Field({ description: `Initial password, at least ${MIN_PASSWORD_LENGTH} characters.` })
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: PASSWORD_MESSAGE })
  password!: string;

  @Field({ nullable: true, defaultValue: true, description: 'Whether the account can sign in.' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: "Changes to an account. Setting `password` resets it, ends the user's sessions and revokes its API tokens." })
export class UpdateUserInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'Sign-in e-mail.' })
  @OmittableNotNull()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @Field({ nullable: true, description: 'Display name.' })
  @OmittableNotNull()
  @Length(1, 200)
  displayName?: string;

  @Field(() => Role, { nullable: true, description: 'Role. The last active ADMIN cannot be demoted.' })
  @OmittableNotNull()
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'For AGENCY_CHIEF: the agency.' })
  @IsOptional()
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For OFFICER: the officer record.' })
  @IsOptional()
  officerId?: string | null;

  @Field({ nullable: true, description: "A new password (a reset): the user's sessions end and its API tokens are revoked." })
  @OmittableNotNull()
  @Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, { message: PASSWORD_MESSAGE })
  password?: string;

  @Field({
    nullable: true,
    description:
      'False deactivates the account, ends its sessions and revokes its API tokens (reactivating brings none back). ' +
      'The last active ADMIN cannot be deactivated.',
  })
  @OmittableNotNull()
  active?: boolean;
}

@InputType({ description: 'Changes applied to several accounts at once.' })
export class BulkUpdateUserInput {
  @Field({
    nullable: true,
    description: 'Activate (true) or deactivate (false) them; deactivating ends their sessions and revokes their API tokens.',
  })
  @OmittableNotNull()
  active?: boolean;
}
