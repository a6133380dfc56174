import { IsOptional, MaxLength, Min, Max, IsInt } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SortInput, SortOrder, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { CourseKind } from './training-course.entity';

export const TrainingCourseSortField = sortFields({ NAME: 'NAME', KIND: 'KIND', CREATED_AT: 'CREATED_AT' } as const, 'TrainingCourse', {
  NAME: 'Name.',
  KIND: 'Kind.',
  CREATED_AT: 'When the record was created.',
});
export type TrainingCourseSortField = (typeof TrainingCourseSortField)[keyof typeof TrainingCourseSortField];
export const trainingCourseSortColumns: Record<TrainingCourseSortField, string> = { NAME: 'name', KIND: 'kind', CREATED_AT: 'createdAt' };

@InputType({ description: 'Which courses to list; all conditions must hold.' })
export class TrainingCourseFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these courses.' })
  @IsOptional()
  ids?: string[];

  @Field(() => CourseKind, { nullable: true, description: 'Only courses of this kind.' })
  @IsOptional()
  kind?: CourseKind;

  @Field({ nullable: true, description: 'Text the name or the provider contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const TrainingCourseSort = SortInput(TrainingCourseSortField, 'TrainingCourse', 'courses', { field: 'NAME' });
export type TrainingCourseSort = InstanceType<typeof TrainingCourseSort>;

@InputType({ description: 'A new course of the catalogue; name and provider together are unique.' })
export class CreateTrainingCourseInput {
  @Field({ description: 'Name.' })
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true, description: 'Who gives the course; empty when left out.' })
  @IsOptional()
  @MaxLength(200)
  provider?: string;

  @Field(() => Float, { description: 'Hours, greater than 0.' })
  @Min(0.01)
  @Max(9999)
  hours!: number;

  @Field(() => CourseKind, { description: 'What the course counts for.' })
  kind!: CourseKind;

  @Field(() => Int, { nullable: true, description: 'Months a completion stays valid; null or left out when it never expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;
}

@InputType({ description: 'Changes to a course: only the fields given change.' })
export class UpdateTrainingCourseInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @OmittableNotNull()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Provider.' })
  @OmittableNotNull()
  @MaxLength(200)
  provider?: string;

  @Field(() => Float, { nullable: true, description: 'Hours, greater than 0.' })
  @OmittableNotNull()
  @Min(0.01)
  @Max(9999)
  hours?: number;

  @Field(() => CourseKind, { nullable: true, description: 'Kind.' })
  @OmittableNotNull()
  kind?: CourseKind;

  @Field(() => Int, { nullable: true, description: 'Months a completion stays valid; null when it never expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;
}

@InputType({ description: 'Changes applied to several courses at once.' })
export class BulkUpdateTrainingCourseInput {
  @Field(() => Int, { nullable: true, description: 'Months a completion stays valid; null when it never expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths?: number | null;
}

export const TrainingRecordSortField = sortFields(
  { COMPLETED_ON: 'COMPLETED_ON', EXPIRES_ON: 'EXPIRES_ON', OFFICER_NAME: 'OFFICER_NAME', CREATED_AT: 'CREATED_AT' } as const,
  'TrainingRecord',
  {
    COMPLETED_ON: 'Day completed.',
    EXPIRES_ON: 'Last valid day.',
    OFFICER_NAME: "Officer's family name.",
    CREATED_AT: 'When the record was created.',
  },
);
export type TrainingRecordSortField = (typeof TrainingRecordSortField)[keyof typeof TrainingRecordSortField];
export const trainingRecordSortColumns: Record<TrainingRecordSortField, string> = {
  COMPLETED_ON: 'completedOn',
  EXPIRES_ON: 'expiresOn',
  OFFICER_NAME: 'officer.lastName',
  CREATED_AT: 'createdAt',
};

@InputType({ description: 'Which training records to list; all conditions must hold.' })
export class TrainingRecordFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these records.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only records of this officer.' })
  @IsOptional()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: "Only records of this agency's officers." })
  @IsOptional()
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Only records of this course.' })
  @IsOptional()
  courseId?: string;

  @Field(() => CourseKind, { nullable: true, description: 'Only records of courses of this kind.' })
  @IsOptional()
  kind?: CourseKind;

  @Field(() => DateScalar, { nullable: true, description: 'Only records valid on this date (completed on or before it, not expired).' })
  @IsOptional()
  validOn?: string;
}

export const TrainingRecordSort = SortInput(TrainingRecordSortField, 'TrainingRecord', 'training records', {
  field: 'COMPLETED_ON',
  order: SortOrder.DESC,
});
export type TrainingRecordSort = InstanceType<typeof TrainingRecordSort>;

@InputType({ description: "A course an officer completed. Entered by ADMIN or the officer's own agency chief." })
export class CreateTrainingRecordInput {
  @Field(() => ID, { description: 'The officer.' })
  officerId!: string;

  @Field(() => ID, { description: 'The course.' })
  courseId!: string;

  @Field(() => DateScalar, { description: 'Day the course was completed.' })
  completedOn!: string;

  @Field(() => Float, { nullable: true, description: "Hours credited; the course's hours when left out." })
  @IsOptional()
  @Min(0)
  @Max(9999)
  hoursCredited?: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last valid day; when left out, completedOn plus the course's validity (null for a course that never expires).",
  })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Certificate number.' })
  @IsOptional()
  @MaxLength(100)
  certificateNumber?: string | null;
}

@InputType({ description: 'Changes to a training record: only the fields given change.' })
export class UpdateTrainingRecordInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The course.' })
  @OmittableNotNull()
  courseId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day completed.' })
  @OmittableNotNull()
  completedOn?: string;

  @Field(() => Float, { nullable: true, description: 'Hours credited.' })
  @OmittableNotNull()
  @Min(0)
  @Max(9999)
  hoursCredited?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Last valid day; null when it never expires.' })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Certificate number; null removes it.' })
  @IsOptional()
  @MaxLength(100)
  certificateNumber?: string | null;
}

@InputType({ description: 'Changes applied to several training records at once.' })
export class BulkUpdateTrainingRecordInput {
  @Field(() => DateScalar, { nullable: true, description: 'New last valid day for all of them; null when they never expire.' })
  @IsOptional()
  expiresOn?: string | null;
}
