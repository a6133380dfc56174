import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';

export const SchoolYearSortField = sortFields({ FIRST_DAY: 'FIRST_DAY', NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const, 'SchoolYear', {
  FIRST_DAY: 'First instructional day.',
  NAME: 'Name.',
  CREATED_AT: 'When the record was created.',
});
export type SchoolYearSortField = (typeof SchoolYearSortField)[keyof typeof SchoolYearSortField];
export const schoolYearSortColumns: Record<SchoolYearSortField, string> = { FIRST_DAY: 'firstDay', NAME: 'name', CREATED_AT: 'createdAt' };

@InputType({ description: 'Which school years to list; all conditions must hold.' })
export class SchoolYearFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these school years.' })
  @IsOptional()
  ids?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Only the school year that includes this date.' })
  @IsOptional()
  includes?: string;

  @Field({ nullable: true, description: 'Text the name contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const SchoolYearSort = SortInput(SchoolYearSortField, 'SchoolYear', 'school years', { field: 'FIRST_DAY' });
export type SchoolYearSort = InstanceType<typeof SchoolYearSort>;

@InputType({ description: 'A new school year. School years do not overlap.' })
export class CreateSchoolYearInput {
  @Field({ description: 'Name, such as "2026-27".' })
  @MaxLength(40)
  name!: string;

  @Field(() => DateScalar, { description: 'First instructional day.' })
  firstDay!: string;

  @Field(() => DateScalar, { description: 'Last instructional day, on or after the first.' })
  lastDay!: string;
}

@InputType({ description: 'Changes to a school year: only the fields given change.' })
export class UpdateSchoolYearInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @OmittableNotNull()
  @MaxLength(40)
  name?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First instructional day.' })
  @OmittableNotNull()
  firstDay?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last instructional day.' })
  @OmittableNotNull()
  lastDay?: string;
}

@InputType({ description: 'Changes applied to several school years at once.' })
export class BulkUpdateSchoolYearInput {
  @Field(() => DateScalar, { nullable: true, description: 'New last instructional day for all of them.' })
  @OmittableNotNull()
  lastDay?: string;
}

export const SchoolClosureSortField = sortFields(
  { START_DATE: 'START_DATE', END_DATE: 'END_DATE', REASON: 'REASON', CREATED_AT: 'CREATED_AT' } as const,
  'SchoolClosure',
  { START_DATE: 'First day closed.', END_DATE: 'Last day closed.', REASON: 'Reason.', CREATED_AT: 'When the record was created.' },
);
export type SchoolClosureSortField = (typeof SchoolClosureSortField)[keyof typeof SchoolClosureSortField];
export const schoolClosureSortColumns: Record<SchoolClosureSortField, string> = {
  START_DATE: 'startDate',
  END_DATE: 'endDate',
  REASON: 'reason',
  CREATED_AT: 'createdAt',
};

@InputType({ description: 'Which closures to list; all conditions must hold.' })
export class SchoolClosureFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these closures.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only closures that close this school: its own and the district-wide ones.' })
  @IsOptional()
  closesSchoolId?: string;

  @Field({ nullable: true, description: 'true: only district-wide closures; false: only closures of one school.' })
  @IsOptional()
  districtWide?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Only closures that end on or after this date.' })
  @IsOptional()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only closures that start on or before this date.' })
  @IsOptional()
  to?: string;

  @Field({ nullable: true, description: 'Text the reason contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const SchoolClosureSort = SortInput(SchoolClosureSortField, 'SchoolClosure', 'closures', { field: 'START_DATE' });
export type SchoolClosureSort = InstanceType<typeof SchoolClosureSort>;

@InputType({ description: 'A new closure of one school, or of every school.' })
export class CreateSchoolClosureInput {
  @Field(() => DateScalar, { description: 'First day closed.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day closed, on or after the first.' })
  endDate!: string;

  @Field(() => ID, { nullable: true, description: 'The school closed; null or left out: every school.' })
  @IsOptional()
  schoolId?: string | null;

  @Field({ description: 'Why, such as "Thanksgiving break".' })
  @MaxLength(200)
  reason!: string;
}

@InputType({ description: 'Changes to a closure: only the fields given change.' })
export class UpdateSchoolClosureInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day closed.' })
  @OmittableNotNull()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day closed.' })
  @OmittableNotNull()
  endDate?: string;

  @Field(() => ID, { nullable: true, description: 'The school closed; null: every school.' })
  @IsOptional()
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why.' })
  @OmittableNotNull()
  @MaxLength(200)
  reason?: string;
}

@InputType({ description: 'Changes applied to several closures at once.' })
export class BulkUpdateSchoolClosureInput {
  @Field(() => String, { nullable: true, description: 'New reason for all of them.' })
  @OmittableNotNull()
  @MaxLength(200)
  reason?: string;
}
