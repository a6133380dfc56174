import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { OmittableNotNull } from '../../common/validation';
import { AgencyKind } from './agency.entity';

export const AgencySortField = sortFields(
  { NAME: 'NAME', KIND: 'KIND', CREATED_AT: 'CREATED_AT', UPDATED_AT: 'UPDATED_AT' } as const,
  'Agency',
  {
    NAME: 'Agency name.',
    KIND: 'Kind of agency.',
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type AgencySortField = (typeof AgencySortField)[keyof typeof AgencySortField];

export const agencySortColumns: Record<AgencySortField, string> = {
  NAME: 'name',
  KIND: 'kind',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which agencies to list; all conditions must hold.' })
export class AgencyFilter {
  @Field({ nullable: true, description: 'Text the name, chief name or ORI contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these agencies.' })
  @IsOptional()
  ids?: string[];

  @Field(() => AgencyKind, { nullable: true, description: 'Only agencies of this kind.' })
  @IsOptional()
  kind?: AgencyKind;

  @Field({ nullable: true, description: 'Only active (true) or inactive (false) agencies.' })
  @IsOptional()
  active?: boolean;
}

export const AgencySort = SortInput(AgencySortField, 'Agency', 'agencies', { field: 'NAME' });
export type AgencySort = InstanceType<typeof AgencySort>;

const ORI = /^[A-Z]{2}[A-Z0-9]{7}$/;
const PHONE = /^[0-9+().\- x]{7,40}$/;

@InputType({ description: 'A new agency.' })
export class CreateAgencyInput {
  @Field({ description: 'Name, unique in the district.' })
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => AgencyKind, { description: 'Kind of agency.' })
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'ORI: 9 characters, two-letter state code first, such as CO0010000.' })
  @IsOptional()
  @Matches(ORI, { message: 'ori must be 9 capital letters or digits, starting with a two-letter state code' })
  ori?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the chief or sheriff.' })
  @IsOptional()
  @MaxLength(200)
  chiefName?: string | null;

  @Field(() => String, { nullable: true, description: 'Main telephone number.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field({ nullable: true, defaultValue: true, description: 'Whether the agency takes part in the program.' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: 'Changes to an agency: only the fields given change; null clears an optional field.' })
export class UpdateAgencyInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'Name, unique in the district.' })
  @OmittableNotNull()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field(() => AgencyKind, { nullable: true, description: 'Kind of agency.' })
  @OmittableNotNull()
  kind?: AgencyKind;

  @Field(() => String, { nullable: true, description: 'ORI, or null to clear it.' })
  @IsOptional()
  @Matches(ORI, { message: 'ori must be 9 capital letters or digits, starting with a two-letter state code' })
  ori?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the chief or sheriff.' })
  @IsOptional()
  @MaxLength(200)
  chiefName?: string | null;

  @Field(() => String, { nullable: true, description: 'Main telephone number.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field({ nullable: true, description: 'Whether the agency takes part in the program.' })
  @OmittableNotNull()
  active?: boolean;
}

@InputType({ description: 'Changes applied to several agencies at once.' })
export class BulkUpdateAgencyInput {
  @Field({ nullable: true, description: 'Activate (true) or deactivate (false) them.' })
  @OmittableNotNull()
  active?: boolean;
}
