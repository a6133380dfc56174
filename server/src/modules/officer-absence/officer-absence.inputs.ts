import { IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { AbsenceReason } from './officer-absence.entity';

export const OfficerAbsenceSortField = sortFields(
  {
    START_DATE: 'START_DATE',
    END_DATE: 'END_DATE',
    REASON: 'REASON',
    OFFICER_NAME: 'OFFICER_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'OfficerAbsence',
  {
    START_DATE: 'First day.',
    END_DATE: 'Last day (open-ended absences sort as the latest).',
    REASON: 'Reason.',
    OFFICER_NAME: "Absent officer's family name.",
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type OfficerAbsenceSortField = (typeof OfficerAbsenceSortField)[keyof typeof OfficerAbsenceSortField];

export const officerAbsenceSortColumns: Record<OfficerAbsenceSortField, string> = {
  START_DATE: 'startDate',
  END_DATE: 'endDate',
  REASON: 'reason',
  OFFICER_NAME: 'officer.lastName',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which absences to list; all conditions must hold.' })
export class OfficerAbsenceFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these absences.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only absences of this officer.' })
  @IsOptional()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only absences this officer substitutes for.' })
  @IsOptional()
  substituteOfficerId?: string;

  @Field(() => ID, { nullable: true, description: "Only absences of this agency's officers." })
  @IsOptional()
  agencyId?: string;

  @Field(() => AbsenceReason, { nullable: true, description: 'Only absences for this reason.' })
  @IsOptional()
  reason?: AbsenceReason;

  @Field(() => DateScalar, { nullable: true, description: 'Only absences that include this date (start <= date <= end, or open-ended).' })
  @IsOptional()
  activeOn?: string;

  @Field({ nullable: true, description: "Text the absent officer's or the substitute's name contains, ignoring case." })
  @IsOptional()
  @MaxLength(200)
  q?: string;
}

export const OfficerAbsenceSort = SortInput(OfficerAbsenceSortField, 'OfficerAbsence', 'absences', {
  field: 'START_DATE',
});
export type OfficerAbsenceSort = InstanceType<typeof OfficerAbsenceSort>;

@InputType({
  description:
    'A new absence. No overlap with another absence of the officer; a substitute must be another ACTIVE officer, present on those days, and stay within 1.00 FTE.',
})
export class CreateOfficerAbsenceInput {
  @Field(() => ID, { description: 'The absent officer.' })
  officerId!: string;

  @Field(() => DateScalar, { description: 'First day away.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day away, inclusive; null or left out while not known.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => AbsenceReason, { description: 'Why the officer is away.' })
  reason!: AbsenceReason;

  @Field(() => ID, { nullable: true, description: "The officer who covers the absent officer's schools on those days, if any." })
  @IsOptional()
  substituteOfficerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (no student data).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes to an absence: only the fields given change.' })
export class UpdateOfficerAbsenceInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => ID, { nullable: true, description: 'The absent officer.' })
  @OmittableNotNull()
  officerId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day away.' })
  @OmittableNotNull()
  startDate?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day away, inclusive; null makes it open-ended.' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => AbsenceReason, { nullable: true, description: 'Reason.' })
  @OmittableNotNull()
  reason?: AbsenceReason;

  @Field(() => ID, { nullable: true, description: 'The substitute; null removes it.' })
  @IsOptional()
  substituteOfficerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (no student data).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string | null;
}

@InputType({ description: 'Changes applied to several absences at once, such as ending them all on one day.' })
export class BulkUpdateOfficerAbsenceInput {
  @Field(() => DateScalar, { nullable: true, description: 'New last day for all of them; null makes them open-ended.' })
  @IsOptional()
  endDate?: string | null;
}
