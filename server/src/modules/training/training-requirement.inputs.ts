import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { OmittableNotNull } from '../../common/validation';
import { OfficerRank } from '../officer/officer.entity';
import { CourseKind } from './training-course.entity';
import { RequirementAppliesTo, RequirementRule } from './training-requirement.entity';

export const TrainingRequirementSortField = sortFields({ NAME: 'NAME', CREATED_AT: 'CREATED_AT' } as const, 'TrainingRequirement', {
  NAME: 'Name.',
  CREATED_AT: 'When the record was created.',
});
export type TrainingRequirementSortField = (typeof TrainingRequirementSortField)[keyof typeof TrainingRequirementSortField];
export const trainingRequirementSortColumns: Record<TrainingRequirementSortField, string> = { NAME: 'name', CREATED_AT: 'createdAt' };

@InputType({ description: 'Which training requirements to list; all conditions must hold.' })
export class TrainingRequirementFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these requirements.' })
  @IsOptional()
  ids?: string[];

  @Field({ nullable: true, description: 'Only active (true) or inactive (false) requirements.' })
  @IsOptional()
  active?: boolean;

  @Field({ nullable: true, description: 'Text the name contains, ignoring case.' })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const TrainingRequirementSort = SortInput(TrainingRequirementSortField, 'TrainingRequirement', 'training requirements', {
  field: 'NAME',
});
export type TrainingRequirementSort = InstanceType<typeof TrainingRequirementSort>;

@InputType({
  description:
    'A new training requirement. Each rule takes its own fields and only those: COURSE_BEFORE_OR_WITHIN courseKind and withinMonths; IN_SERVICE_HOURS_PER_PROGRAM_YEAR hours; CERTIFICATE_CURRENT courseId. RANKS takes ranks.',
})
export class CreateTrainingRequirementInput {
  @Field({ description: 'Name.' })
  @MaxLength(200)
  name!: string;

  @Field(() => RequirementAppliesTo, { description: 'Which assigned officers it applies to.' })
  appliesTo!: RequirementAppliesTo;

  @Field(() => [OfficerRank], { nullable: true, description: 'The ranks, for RANKS only.' })
  @IsOptional()
  ranks?: OfficerRank[];

  @Field(() => RequirementRule, { description: 'What it asks.' })
  rule!: RequirementRule;

  @Field(() => CourseKind, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: the kind of course.' })
  @IsOptional()
  courseKind?: CourseKind | null;

  @Field(() => Int, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: months after the first assignment.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  withinMonths?: number | null;

  @Field(() => Float, { nullable: true, description: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR: hours each program year.' })
  @IsOptional()
  @Min(0.01)
  @Max(9999)
  hours?: number | null;

  @Field(() => ID, { nullable: true, description: 'CERTIFICATE_CURRENT: the course whose completion must be held.' })
  @IsOptional()
  courseId?: string | null;

  @Field({ nullable: true, description: 'Whether it counts; true when left out.' })
  @IsOptional()
  active?: boolean;
}

@InputType({ description: 'Changes to a training requirement: only the fields given change.' })
export class UpdateTrainingRequirementInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @OmittableNotNull()
  @MaxLength(200)
  name?: string;

  @Field(() => RequirementAppliesTo, { nullable: true, description: 'Which assigned officers it applies to.' })
  @OmittableNotNull()
  appliesTo?: RequirementAppliesTo;

  @Field(() => [OfficerRank], { nullable: true, description: 'The ranks, for RANKS only.' })
  @OmittableNotNull()
  ranks?: OfficerRank[];

  @Field(() => RequirementRule, { nullable: true, description: 'What it asks.' })
  @OmittableNotNull()
  rule?: RequirementRule;

  @Field(() => CourseKind, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: the kind of course.' })
  @IsOptional()
  courseKind?: CourseKind | null;

  @Field(() => Int, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: months after the first assignment.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(600)
  withinMonths?: number | null;

  @Field(() => Float, { nullable: true, description: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR: hours each program year.' })
  @IsOptional()
  @Min(0.01)
  @Max(9999)
  hours?: number | null;

  @Field(() => ID, { nullable: true, description: 'CERTIFICATE_CURRENT: the course.' })
  @IsOptional()
  courseId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it counts.' })
  @OmittableNotNull()
  active?: boolean;
}

@InputType({ description: 'Changes applied to several training requirements at once.' })
export class BulkUpdateTrainingRequirementInput {
  @Field(() => Boolean, { nullable: true, description: 'Whether they count.' })
  @OmittableNotNull()
  active?: boolean;
}
