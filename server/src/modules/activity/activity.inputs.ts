import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, SortOrder, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { ActivityCategory, InstructionTopic } from './activity.entity';

export const ActivitySortField = sortFields(
  {
    DATE: 'DATE',
    CATEGORY: 'CATEGORY',
    DURATION_MINUTES: 'DURATION_MINUTES',
    STUDENTS_REACHED: 'STUDENTS_REACHED',
    STAFF_REACHED: 'STAFF_REACHED',
    OFFICER_NAME: 'OFFICER_NAME',
    SCHOOL_NAME: 'SCHOOL_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'Activity',
  {
    DATE: 'Day of the activity.',
    CATEGORY: 'Category.',
    DURATION_MINUTES: 'Duration.',
    STUDENTS_REACHED: 'Students reached.',
    STAFF_REACHED: 'Staff reached.',
    OFFICER_NAME: "Officer's family name.",
    SCHOOL_NAME: 'School name.',
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type ActivitySortField = (typeof ActivitySortField)[keyof typeof ActivitySortField];

export const activitySortColumns: Record<ActivitySortField, string> = {
  DATE: 'date',
  CATEGORY: 'category',
  DURATION_MINUTES: 'durationMinutes',
  STUDENTS_REACHED: 'studentsReached',
  STAFF_REACHED: 'staffReached',
  OFFICER_NAME: 'officer.lastName',
  SCHOOL_NAME: 'school.name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which activities to list; all conditions must hold.' })
export class ActivityFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these activities.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only activities of this officer.' })
  @IsOptional()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only activities at this school.' })
  @IsOptional()
  schoolId?: string;

  @Field({ nullable: true, description: 'Only district-wide activities (true: no school) or only school activities (false).' })
  @IsOptional()
  districtWide?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "Only activities done for this agency: by the agency its officer served on the activity's date, not today's.",
  })
  @IsOptional()
  agencyId?: string;

  @Field(() => ActivityCategory, { nullable: true, description: 'Only activities of this category.' })
  @IsOptional()
  category?: ActivityCategory;

  @Field(() => InstructionTopic, { nullable: true, description: 'Only classroom lessons on this topic.' })
  @IsOptional()
  topic?: InstructionTopic;

  @Field(() => DateScalar, { nullable: true, description: 'Only activities on or after this date.' })
  @IsOptional()
  dateFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only activities on or before this date.' })
  @IsOptional()
  dateTo?: string;

  @Field({ nullable: true, description: "Text the notes, the officer's name or the school's name contains, ignoring case." })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const ActivitySort = SortInput(ActivitySortField, 'Activity', 'activities', { field: 'DATE', order: SortOrder.DESC });
export type ActivitySort = InstanceType<typeof ActivitySort>;

const NOTES_MESSAGE = 'notes can be at most 500 characters';

@InputType({ description: 'A new activity. Never name or otherwise identify a student, in any field.' })
export class CreateActivityInput {
  @Field(() => ID, { nullable: true, description: 'The officer; an OFFICER user logs only as itself and may leave this out.' })
  @IsOptional()
  officerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The school; null or left out for district-wide work.' })
  @IsOptional()
  schoolId?: string | null;

  @Field(() => DateScalar, { description: 'Day of the activity; not in the future.' })
  date!: string;

  @Field(() => ActivityCategory, { description: 'Category.' })
  category!: ActivityCategory;

  @Field(() => InstructionTopic, { nullable: true, description: 'Topic; only for CLASSROOM_INSTRUCTION.' })
  @IsOptional()
  topic?: InstructionTopic | null;

  @Field(() => Int, { description: 'Duration in minutes, 1 to 1440.' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(1440, { message: 'durationMinutes must be at most 1440 (a day)' })
  durationMinutes!: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Students reached (a count).' })
  @IsOptional()
  @Min(0, { message: 'studentsReached cannot be negative' })
  @Max(100_000, { message: 'studentsReached must be at most 100000' })
  studentsReached?: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: 'Staff reached (a count).' })
  @IsOptional()
  @Min(0, { message: 'staffReached cannot be negative' })
  @Max(100_000, { message: 'staffReached must be at most 100000' })
  staffReached?: number;

  @Field(() => String, { nullable: true, description: 'Notes, at most 500 characters. Never name a student.' })
  @IsOptional()
  @MaxLength(500, { message: NOTES_MESSAGE })
  notes?: string | null;
}

@InputType({ description: 'Changes to an activity: only the fields given change.' })
export class UpdateActivityInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The officer. ADMIN, or a chief within its agency.' })
  @OmittableNotNull()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'The school; null for district-wide work.' })
  @IsOptional()
  schoolId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the activity.' })
  @OmittableNotNull()
  date?: string;

  @Field(() => ActivityCategory, { nullable: true, description: 'Category.' })
  @OmittableNotNull()
  category?: ActivityCategory;

  @Field(() => InstructionTopic, { nullable: true, description: 'Topic; only for CLASSROOM_INSTRUCTION.' })
  @IsOptional()
  topic?: InstructionTopic | null;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes, 1 to 1440.' })
  @OmittableNotNull()
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(1440, { message: 'durationMinutes must be at most 1440 (a day)' })
  durationMinutes?: number;

  @Field(() => Int, { nullable: true, description: 'Students reached.' })
  @OmittableNotNull()
  @Min(0, { message: 'studentsReached cannot be negative' })
  @Max(100_000, { message: 'studentsReached must be at most 100000' })
  studentsReached?: number;

  @Field(() => Int, { nullable: true, description: 'Staff reached.' })
  @OmittableNotNull()
  @Min(0, { message: 'staffReached cannot be negative' })
  @Max(100_000, { message: 'staffReached must be at most 100000' })
  staffReached?: number;

  @Field(() => String, { nullable: true, description: 'Notes, at most 500 characters. Never name a student.' })
  @IsOptional()
  @MaxLength(500, { message: NOTES_MESSAGE })
  notes?: string | null;
}

@InputType({ description: 'Changes applied to several activities at once.' })
export class BulkUpdateActivityInput {
  @Field(() => ID, { nullable: true, description: 'Move them all to this school; null makes them district-wide.' })
  @IsOptional()
  schoolId?: string | null;
}
