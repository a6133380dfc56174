import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { SchoolLevel, SchoolLocale } from './school.entity';

export const SchoolSortField = sortFields(
  { NAME: 'NAME', LEVEL: 'LEVEL', LOCALE: 'LOCALE', ENROLLMENT: 'ENROLLMENT', CREATED_AT: 'CREATED_AT', UPDATED_AT: 'UPDATED_AT' } as const,
  'School',
  {
    NAME: 'School name.',
    LEVEL: 'Level.',
    LOCALE: 'Locale.',
    ENROLLMENT: 'Enrollment.',
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type SchoolSortField = (typeof SchoolSortField)[keyof typeof SchoolSortField];

export const schoolSortColumns: Record<SchoolSortField, string> = {
  NAME: 'name',
  LEVEL: 'level',
  LOCALE: 'locale',
  ENROLLMENT: 'enrollment',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which schools to list; all conditions must hold.' })
export class SchoolFilter {
  @Field({ nullable: true, description: 'Text the name, NCES id or principal name contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these schools.' })
  @IsOptional()
  ids?: string[];

  @Field(() => SchoolLevel, { nullable: true, description: 'Only schools of this level.' })
  @IsOptional()
  level?: SchoolLevel;

  @Field(() => SchoolLocale, { nullable: true, description: 'Only schools in this locale.' })
  @IsOptional()
  locale?: SchoolLocale;

  @Field({ nullable: true, description: 'Only active (true) or inactive (false) schools.' })
  @IsOptional()
  active?: boolean;

  @Field(() => ID, { nullable: true, description: "Only schools served by this agency's officers (on `servedOn`, or at any time)." })
  @IsOptional()
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Only schools this officer is assigned to (on `servedOn`, or at any time).' })
  @IsOptional()
  officerId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'With agencyId or officerId: the date the assignment must be active on.' })
  @IsOptional()
  servedOn?: string;
}

export const SchoolSort = SortInput(SchoolSortField, 'School', 'schools', { field: 'NAME' });
export type SchoolSort = InstanceType<typeof SchoolSort>;

const NCES = /^[0-9]{12}$/;
const PHONE = /^[0-9+().\- x]{7,40}$/;

@InputType({ description: 'A new school.' })
export class CreateSchoolInput {
  @Field({ description: 'Name, unique in the district.' })
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'NCES school id: 12 digits.' })
  @IsOptional()
  @Matches(NCES, { message: 'ncesId must be 12 digits' })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { description: 'Level.' })
  level!: SchoolLevel;

  @Field(() => SchoolLocale, { description: 'Locale.' })
  locale!: SchoolLocale;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => Int, { description: 'Number of enrolled students.' })
  @Min(0, { message: 'enrollment cannot be negative' })
  @Max(100_000, { message: 'enrollment must be at most 100000' })
  enrollment!: number;

  @Field(() => String, { nullable: true, description: "Principal's name." })
  @IsOptional()
  @MaxLength(200)
  principalName?: string | null;

  @Field(() => String, { nullable: true, description: 'Main telephone number.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field({ nullable: true, defaultValue: true, description: 'Whether the school is open.' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: 'Changes to a school: only the fields given change; null clears an optional field.' })
export class UpdateSchoolInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'Name, unique in the district.' })
  @OmittableNotNull()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @Field(() => String, { nullable: true, description: 'NCES school id, or null to clear it.' })
  @IsOptional()
  @Matches(NCES, { message: 'ncesId must be 12 digits' })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { nullable: true, description: 'Level.' })
  @OmittableNotNull()
  level?: SchoolLevel;

  @Field(() => SchoolLocale, { nullable: true, description: 'Locale.' })
  @OmittableNotNull()
  locale?: SchoolLocale;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of enrolled students.' })
  @OmittableNotNull()
  @Min(0, { message: 'enrollment cannot be negative' })
  @Max(100_000, { message: 'enrollment must be at most 100000' })
  enrollment?: number;

  @Field(() => String, { nullable: true, description: "Principal's name." })
  @IsOptional()
  @MaxLength(200)
  principalName?: string | null;

  @Field(() => String, { nullable: true, description: 'Main telephone number.' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;

  @Field({ nullable: true, description: 'Whether the school is open.' })
  @OmittableNotNull()
  active?: boolean;
}

@InputType({ description: 'Changes applied to several schools at once.' })
export class BulkUpdateSchoolInput {
  @Field({ nullable: true, description: 'Activate (true) or deactivate (false) them.' })
  @OmittableNotNull()
  active?: boolean;
}
