import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { OfficerRank } from '../officer/officer.entity';
import { CopsElement, MouStatus } from './mou.entity';

export const MouSortField = sortFields(
  {
    TITLE: 'TITLE',
    EFFECTIVE_DATE: 'EFFECTIVE_DATE',
    EXPIRY_DATE: 'EXPIRY_DATE',
    STATUS: 'STATUS',
    AGENCY_NAME: 'AGENCY_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'Mou',
  {
    TITLE: 'Title.',
    EFFECTIVE_DATE: 'First day in force.',
    EXPIRY_DATE: 'Last day in force.',
    STATUS: 'Status.',
    AGENCY_NAME: "Agency's name.",
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type MouSortField = (typeof MouSortField)[keyof typeof MouSortField];

export const mouSortColumns: Record<MouSortField, string> = {
  TITLE: 'title',
  EFFECTIVE_DATE: 'effectiveDate',
  EXPIRY_DATE: 'expiryDate',
  STATUS: 'status',
  AGENCY_NAME: 'agency.name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which agreements to list; all conditions must hold.' })
export class MouFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these agreements.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: "Only this agency's agreements." })
  @IsOptional()
  agencyId?: string;

  @Field(() => MouStatus, { nullable: true, description: 'Only agreements with this status.' })
  @IsOptional()
  status?: MouStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Only agreements whose period includes this date.' })
  @IsOptional()
  inForceOn?: string;

  @Field({
    nullable: true,
    description: 'Only agreements IN_FORCE that expire within MOU_RENEWAL_DAYS from today (true), or all others (false).',
  })
  @IsOptional()
  toRenew?: boolean;

  @Field({ nullable: true, description: 'Text the title contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const MouSort = SortInput(MouSortField, 'Mou', 'agreements', { field: 'EXPIRY_DATE' });
export type MouSort = InstanceType<typeof MouSort>;

@InputType({ description: 'A person who signed the agreement.' })
export class MouSignatoryInput {
  @Field({ description: 'Full name.' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'Title.' })
  @MaxLength(200)
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day signed; null while not signed.' })
  @IsOptional()
  signedOn?: string | null;
}

@InputType({ description: 'One COPS element of the checklist.' })
export class MouElementInput {
  @Field(() => CopsElement, { description: 'The element (each at most once).' })
  element!: CopsElement;

  @Field({ description: 'Whether the agreement addresses it.' })
  addressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Where it is addressed, such as "Section 4.2".' })
  @IsOptional()
  @MaxLength(200)
  location?: string | null;
}

@InputType({ description: 'Positions funded at one rank.' })
export class MouPositionInput {
  @Field(() => OfficerRank, { description: 'Rank (each at most once).' })
  rank!: OfficerRank;

  @Field(() => Int, { description: 'How many positions (1 or more).' })
  count!: number;
}

@InputType({ description: 'A new agreement with one agency.' })
export class CreateMouInput {
  @Field(() => ID, { description: 'The agency.' })
  agencyId!: string;

  @Field({ description: 'Title.' })
  @MaxLength(200)
  title!: string;

  @Field(() => DateScalar, { description: 'First day in force.' })
  effectiveDate!: string;

  @Field(() => DateScalar, { description: 'Last day in force, inclusive; on or after the first.' })
  expiryDate!: string;

  @Field(() => MouStatus, { nullable: true, description: 'Status; DRAFT when left out.' })
  @IsOptional()
  status?: MouStatus;

  @Field(() => [MouSignatoryInput], { nullable: true, description: 'Signatories; none when left out.' })
  @IsOptional()
  signatories?: MouSignatoryInput[];

  @Field(() => [MouElementInput], { nullable: true, description: 'The COPS elements checklist; empty when left out.' })
  @IsOptional()
  elements?: MouElementInput[];

  @Field(() => [MouPositionInput], { nullable: true, description: 'Positions funded; none when left out.' })
  @IsOptional()
  positions?: MouPositionInput[];
}

@InputType({ description: 'Changes to an agreement: only the fields given change.' })
export class UpdateMouInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The agency.' })
  @OmittableNotNull()
  agencyId?: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @OmittableNotNull()
  @MaxLength(200)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day in force.' })
  @OmittableNotNull()
  effectiveDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day in force.' })
  @OmittableNotNull()
  expiryDate?: string;

  @Field(() => MouStatus, { nullable: true, description: 'Status.' })
  @OmittableNotNull()
  status?: MouStatus;

  @Field(() => [MouSignatoryInput], { nullable: true, description: 'Signatories (the whole list).' })
  @OmittableNotNull()
  signatories?: MouSignatoryInput[];

  @Field(() => [MouElementInput], { nullable: true, description: 'The COPS elements checklist (the whole list).' })
  @OmittableNotNull()
  elements?: MouElementInput[];

  @Field(() => [MouPositionInput], { nullable: true, description: 'Positions funded (the whole list).' })
  @OmittableNotNull()
  positions?: MouPositionInput[];
}

@InputType({ description: 'Changes applied to several agreements at once.' })
export class BulkUpdateMouInput {
  @Field(() => MouStatus, { nullable: true, description: 'New status for all of them.' })
  @OmittableNotNull()
  status?: MouStatus;
}
