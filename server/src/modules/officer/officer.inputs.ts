import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { OfficerRank, OfficerStatus } from './officer.entity';

// A sort or filter on a field hidden from the caller treats it as null on those officers (officer.policy.ts).
const HIDDEN_LAST = 'Officers whose value is hidden from you, or null, come last in both directions.';

export const OfficerSortField = sortFields(
  {
    LAST_NAME: 'LAST_NAME',
    FIRST_NAME: 'FIRST_NAME',
    BADGE_NUMBER: 'BADGE_NUMBER',
    RANK: 'RANK',
    STATUS: 'STATUS',
    SRO_SINCE: 'SRO_SINCE',
    AGENCY_NAME: 'AGENCY_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'Officer',
  {
    LAST_NAME: 'Family name.',
    FIRST_NAME: 'Given name.',
    BADGE_NUMBER: `Badge number. ${HIDDEN_LAST}`,
    RANK: 'Rank.',
    STATUS: `Status. ${HIDDEN_LAST}`,
    SRO_SINCE: `Date the officer started as an SRO. ${HIDDEN_LAST}`,
    AGENCY_NAME: "Name of the officer's agency.",
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type OfficerSortField = (typeof OfficerSortField)[keyof typeof OfficerSortField];

export const officerSortColumns: Record<OfficerSortField, string> = {
  LAST_NAME: 'lastName',
  FIRST_NAME: 'firstName',
  BADGE_NUMBER: 'badgeNumber',
  RANK: 'rank',
  STATUS: 'status',
  SRO_SINCE: 'sroSince',
  AGENCY_NAME: 'agency.name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which officers to list; all conditions must hold.' })
export class OfficerFilter {
  @Field({
    nullable: true,
    description: 'Text the first name, last name or badge number contains, ignoring case (a badge number only where you may read it).',
  })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these officers.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only officers of this agency.' })
  @IsOptional()
  agencyId?: string;

  @Field(() => OfficerStatus, { nullable: true, description: 'Only officers with this status, among those whose status you may read.' })
  @IsOptional()
  status?: OfficerStatus;

  @Field(() => OfficerRank, { nullable: true, description: 'Only officers of this rank.' })
  @IsOptional()
  rank?: OfficerRank;

  @Field(() => ID, { nullable: true, description: 'Only officers with an assignment (at any time, or on `assignedOn`) at this school.' })
  @IsOptional()
  schoolId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only officers with an assignment on this date.' })
  @IsOptional()
  assignedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only officers without any assignment on this date.' })
  @IsOptional()
  unassignedOn?: string;
}

export const OfficerSort = SortInput(OfficerSortField, 'Officer', 'officers', { field: 'LAST_NAME' });
export type OfficerSort = InstanceType<typeof OfficerSort>;

const PHONE = /^[0-9+().\- x]{7,40}$/;

@InputType({ description: 'A new officer.' })
export class CreateOfficerInput {
  @Field(() => ID, { description: "The officer's agency. A chief may only name its own." })
  agencyId!: string;

  @Field({ description: 'Given name.' })
  @Length(1, 100)
  @Matches(/\S/, { message: 'firstName must not be blank' })
  firstName!: string;

  @Field({ description: 'Family name.' })
  @Length(1, 100)
  @Matches(/\S/, { message: 'lastName must not be blank' })
  lastName!: string;

  @Field({ description: 'Badge number, unique within the agency.' })
  @Length(1, 40)
  @Matches(/^\S(.*\S)?$/, { message: 'badgeNumber must not start or end with spaces' })
  badgeNumber!: string;

  @Field(() => OfficerRank, { description: 'Rank.' })
  rank!: OfficerRank;

  @Field(() => String, { nullable: true, description: 'Work e-mail.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field(() => OfficerStatus, { nullable: true, defaultValue: OfficerStatus.ACTIVE, description: 'Status; ACTIVE when left out.' })
  @IsOptional()
  status?: OfficerStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date the officer started as an SRO.' })
  @IsOptional()
  sroSince?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date SRO basic training was completed.' })
  @IsOptional()
  sroTrainingCompletedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes to an officer: only the fields given change; null clears an optional field.' })
export class UpdateOfficerInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'Move the officer to another agency. ADMIN only.' })
  @OmittableNotNull()
  agencyId?: string;

  @Field({ nullable: true, description: 'Given name.' })
  @OmittableNotNull()
  @Length(1, 100)
  @Matches(/\S/, { message: 'firstName must not be blank' })
  firstName?: string;

  @Field({ nullable: true, description: 'Family name.' })
  @OmittableNotNull()
  @Length(1, 100)
  @Matches(/\S/, { message: 'lastName must not be blank' })
  lastName?: string;

  @Field({ nullable: true, description: 'Badge number, unique within the agency.' })
  @OmittableNotNull()
  @Length(1, 40)
  @Matches(/^\S(.*\S)?$/, { message: 'badgeNumber must not start or end with spaces' })
  badgeNumber?: string;

  @Field(() => OfficerRank, { nullable: true, description: 'Rank.' })
  @OmittableNotNull()
  rank?: OfficerRank;

  @Field(() => String, { nullable: true, description: 'Work e-mail, or null to clear it.' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone, or null to clear it.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field(() => OfficerStatus, { nullable: true, description: 'Status. Setting INACTIVE is how an officer leaves the program.' })
  @OmittableNotNull()
  status?: OfficerStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Date the officer started as an SRO.' })
  @IsOptional()
  sroSince?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date SRO basic training was completed.' })
  @IsOptional()
  sroTrainingCompletedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes applied to several officers at once.' })
export class BulkUpdateOfficerInput {
  @Field(() => OfficerStatus, { nullable: true, description: 'New status for all of them.' })
  @OmittableNotNull()
  status?: OfficerStatus;
}

@InputType({ description: 'A move of an officer to another agency, from a date.' })
export class TransferOfficerInput {
  @Field(() => ID, { description: 'The agency the officer serves from effectiveDate.' })
  agencyId!: string;

  @Field(() => DateScalar, {
    description:
      "First day with the new agency: today or earlier, and not before the officer's last move. Activities on or after it are " +
      'credited to the new agency (a backdated transfer re-credits them); earlier ones stay where they were.',
  })
  effectiveDate!: string;
}
