import { IsOptional, Max, MaxLength, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { AssignmentRole } from './assignment.entity';

export const AssignmentSortField = sortFields(
  {
    START_DATE: 'START_DATE',
    END_DATE: 'END_DATE',
    ROLE: 'ROLE',
    FTE: 'FTE',
    OFFICER_NAME: 'OFFICER_NAME',
    SCHOOL_NAME: 'SCHOOL_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'Assignment',
  {
    START_DATE: 'First day.',
    END_DATE: 'Last day (open-ended assignments sort as the latest).',
    ROLE: 'Role.',
    FTE: 'Share of full time.',
    OFFICER_NAME: "Officer's family name.",
    SCHOOL_NAME: 'School name.',
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type AssignmentSortField = (typeof AssignmentSortField)[keyof typeof AssignmentSortField];

export const assignmentSortColumns: Record<AssignmentSortField, string> = {
  START_DATE: 'startDate',
  END_DATE: 'endDate',
  ROLE: 'role',
  FTE: 'fte',
  OFFICER_NAME: 'officer.lastName',
  SCHOOL_NAME: 'school.name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@ValidatorConstraint({ name: 'hundredths' })
class Hundredths implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'number' && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
  }

  defaultMessage() {
    return 'fte must have at most two decimals, such as 0.25';
  }
}

@InputType({ description: 'Which assignments to list; all conditions must hold.' })
export class AssignmentFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these assignments.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only assignments of this officer.' })
  @IsOptional()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only assignments at this school.' })
  @IsOptional()
  schoolId?: string;

  @Field(() => ID, { nullable: true, description: "Only assignments of this agency's officers." })
  @IsOptional()
  agencyId?: string;

  @Field(() => AssignmentRole, { nullable: true, description: 'Only assignments with this role.' })
  @IsOptional()
  role?: AssignmentRole;

  @Field(() => DateScalar, { nullable: true, description: 'Only assignments active on this date (start <= date <= end, or open-ended).' })
  @IsOptional()
  activeOn?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only assignments active on some day from this date on (open-ended, or ending on or after it); with activeTo, those overlapping a period.',
  })
  @IsOptional()
  activeFrom?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only assignments active on some day up to this date (starting on or before it).',
  })
  @IsOptional()
  activeTo?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only assignments that end on or after this date (open-ended ones excluded).' })
  @IsOptional()
  endsFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only assignments that end on or before this date.' })
  @IsOptional()
  endsTo?: string;

  @Field({ nullable: true, description: "Text the officer's name or the school's name contains, ignoring case." })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const AssignmentSort = SortInput(AssignmentSortField, 'Assignment', 'assignments', { field: 'START_DATE' });
export type AssignmentSort = InstanceType<typeof AssignmentSort>;

@InputType({
  description: 'A new assignment. It must keep the rules: no overlapping PRIMARY, at most 1.00 FTE a day, active officer and school.',
})
export class CreateAssignmentInput {
  @Field(() => ID, { description: 'The officer (must be ACTIVE).' })
  officerId!: string;

  @Field(() => ID, { description: 'The school (must be active).' })
  schoolId!: string;

  @Field(() => AssignmentRole, { description: "The officer's role at the school." })
  role!: AssignmentRole;

  @Field(() => DateScalar, { description: 'First day.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, inclusive; null or left out for open-ended.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Float, { description: 'Share of full time: more than 0, at most 1, two decimals.' })
  @Min(0.01, { message: 'fte must be greater than 0' })
  @Max(1, { message: 'fte must be at most 1' })
  @Validate(Hundredths)
  fte!: number;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes to an assignment: only the fields given change.' })
export class UpdateAssignmentInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The officer.' })
  @OmittableNotNull()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'The school.' })
  @OmittableNotNull()
  schoolId?: string;

  @Field(() => AssignmentRole, { nullable: true, description: 'Role.' })
  @OmittableNotNull()
  role?: AssignmentRole;

  @Field(() => DateScalar, { nullable: true, description: 'First day.' })
  @OmittableNotNull()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, inclusive; null makes it open-ended.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => Float, { nullable: true, description: 'Share of full time.' })
  @OmittableNotNull()
  @Min(0.01, { message: 'fte must be greater than 0' })
  @Max(1, { message: 'fte must be at most 1' })
  @Validate(Hundredths)
  fte?: number;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes applied to several assignments at once, such as ending them all on one day.' })
export class BulkUpdateAssignmentInput {
  @Field(() => DateScalar, { nullable: true, description: 'New last day for all of them; null makes them open-ended.' })
  @IsOptional()
  endDate?: string | null;
}
