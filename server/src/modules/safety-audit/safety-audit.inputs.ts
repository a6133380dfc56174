import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import {
  ChecklistArea,
  CorrectiveActionOwner,
  CorrectiveActionStatus,
  FindingResult,
  FindingSeverity,
  SafetyAuditStatus,
} from './safety-audit.enums';

export const SafetyAuditSortField = sortFields({ DATE: 'DATE', STATUS: 'STATUS', CREATED_AT: 'CREATED_AT' } as const, 'SafetyAudit', {
  DATE: 'Day of the audit.',
  STATUS: 'DRAFT before SUBMITTED.',
  CREATED_AT: 'When the record was created.',
});
export type SafetyAuditSortField = (typeof SafetyAuditSortField)[keyof typeof SafetyAuditSortField];
export const safetyAuditSortColumns: Record<SafetyAuditSortField, string> = { DATE: 'date', STATUS: 'status', CREATED_AT: 'createdAt' };
export const SafetyAuditSort = SortInput(SafetyAuditSortField, 'SafetyAudit', 'safety audits', { field: 'DATE' });
export type SafetyAuditSort = InstanceType<typeof SafetyAuditSort>;

@InputType({ description: 'Which safety audits to list; all conditions must hold.' })
export class SafetyAuditFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these audits.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only audits of this school.' })
  @IsOptional()
  schoolId?: string;

  @Field(() => SafetyAuditStatus, { nullable: true, description: 'Only audits in this status.' })
  @IsOptional()
  status?: SafetyAuditStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Only audits on or after this day.' })
  @IsOptional()
  dateFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only audits on or before this day.' })
  @IsOptional()
  dateTo?: string;
}

@InputType({ description: 'A new audit, started as a DRAFT.' })
export class CreateSafetyAuditInput {
  @Field(() => ID, { description: 'The school audited; an officer audits only schools it is assigned to.' })
  schoolId!: string;

  @Field(() => ID, { description: 'The published checklist version to audit against.' })
  templateId!: string;

  @Field(() => DateScalar, { description: 'Day the building is walked; not in the future.' })
  date!: string;

  @Field(() => [ID], { nullable: true, description: 'Officers on the team; an officer creating an audit is always on it.' })
  @IsOptional()
  @ArrayMaxSize(20)
  officerIds?: string[];

  @Field(() => [String], { nullable: true, description: 'District staff on the team, by role and name, such as "Principal: J. Rivera".' })
  @IsOptional()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  districtStaff?: string[];

  @Field(() => Int, { nullable: true, description: 'Minutes the walk took (1-1440), credited to each officer; 120 if not given.' })
  @IsOptional()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;
}

@InputType({ description: 'Changes to a DRAFT audit: only the fields given change.' })
export class UpdateSafetyAuditInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day the building is walked.' })
  @OmittableNotNull()
  date?: string;

  @Field(() => [ID], { nullable: true, description: 'The whole team of officers, replacing the current one.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  officerIds?: string[];

  @Field(() => [String], { nullable: true, description: 'District staff on the team, replacing the current list.' })
  @OmittableNotNull()
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  districtStaff?: string[];

  @Field(() => Int, { nullable: true, description: 'Minutes the walk took (1-1440).' })
  @OmittableNotNull()
  @Min(1)
  @Max(1440)
  durationMinutes?: number;
}

@InputType({ description: 'The result for one checklist item; saving it again replaces it.' })
export class FindingInput {
  @Field(() => ID, { description: "A checklist item of the audit's version." })
  itemId!: string;

  @Field(() => FindingResult, { description: 'What the team found.' })
  result!: FindingResult;

  @Field(() => FindingSeverity, {
    nullable: true,
    description: "Severity of a NEEDS_IMPROVEMENT or DEFICIENT result; the item's default when not given. Ignored otherwise.",
  })
  @IsOptional()
  severity?: FindingSeverity;

  @Field(() => String, { nullable: true, description: 'A short note (at most 500 characters). Never name a student.' })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@InputType({ description: 'A corrective action raised from a NEEDS_IMPROVEMENT or DEFICIENT finding.' })
export class CreateCorrectiveActionInput {
  @Field(() => ID, { description: 'The finding it answers.' })
  findingId!: string;

  @Field({ description: 'What is to be done.' })
  @Length(1, 500)
  @Matches(/\S/, { message: 'what must not be blank' })
  what!: string;

  @Field(() => CorrectiveActionOwner, { description: 'Who does it.' })
  owner!: CorrectiveActionOwner;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Due day; by default the audit's day plus the days the finding's severity allows.",
  })
  @IsOptional()
  dueOn?: string;
}

@InputType({ description: 'Changes to a corrective action: only the fields given change. Every change is audited.' })
export class UpdateCorrectiveActionInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'What is to be done.' })
  @OmittableNotNull()
  @Length(1, 500)
  @Matches(/\S/, { message: 'what must not be blank' })
  what?: string;

  @Field(() => CorrectiveActionOwner, { nullable: true, description: 'Who does it.' })
  @OmittableNotNull()
  owner?: CorrectiveActionOwner;

  @Field(() => DateScalar, { nullable: true, description: 'Due day.' })
  @OmittableNotNull()
  dueOn?: string;

  @Field(() => CorrectiveActionStatus, {
    nullable: true,
    description: 'New status; DONE sets completedOn to today unless given, DEFERRED needs deferredReason.',
  })
  @OmittableNotNull()
  status?: CorrectiveActionStatus;

  @Field(() => String, { nullable: true, description: 'Why it is deferred.' })
  @IsOptional()
  @MaxLength(500)
  deferredReason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day it was completed (DONE only); not in the future.' })
  @IsOptional()
  completedOn?: string | null;
}

@InputType({ description: 'Which corrective actions to list; all conditions must hold.' })
export class CorrectiveActionFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these actions.' })
  @IsOptional()
  ids?: string[];

  @Field(() => ID, { nullable: true, description: 'Only actions of findings of this audit.' })
  @IsOptional()
  auditId?: string;

  @Field(() => ID, { nullable: true, description: 'Only actions at this school.' })
  @IsOptional()
  schoolId?: string;

  @Field(() => CorrectiveActionStatus, { nullable: true, description: 'Only actions in this status.' })
  @IsOptional()
  status?: CorrectiveActionStatus;

  @Field(() => CorrectiveActionOwner, { nullable: true, description: 'Only actions of this owner.' })
  @IsOptional()
  owner?: CorrectiveActionOwner;

  @Field({ nullable: true, description: 'Only overdue actions (true: past due and not DONE) or only the others (false).' })
  @IsOptional()
  overdue?: boolean;
}

export const CorrectiveActionSortField = sortFields(
  { DUE_ON: 'DUE_ON', STATUS: 'STATUS', CREATED_AT: 'CREATED_AT' } as const,
  'CorrectiveAction',
  {
    DUE_ON: 'Due day.',
    STATUS: 'Status.',
    CREATED_AT: 'When the record was created.',
  },
);
export type CorrectiveActionSortField = (typeof CorrectiveActionSortField)[keyof typeof CorrectiveActionSortField];
export const correctiveActionSortColumns: Record<CorrectiveActionSortField, string> = {
  DUE_ON: 'dueOn',
  STATUS: 'status',
  CREATED_AT: 'createdAt',
};
export const CorrectiveActionSort = SortInput(CorrectiveActionSortField, 'CorrectiveAction', 'corrective actions', { field: 'DUE_ON' });
export type CorrectiveActionSort = InstanceType<typeof CorrectiveActionSort>;

@InputType({ description: 'An item of a draft checklist version: new when `id` is left out, else changed.' })
export class ChecklistItemInput {
  @Field(() => ID, { nullable: true, description: 'The item to change; leave out to add one.' })
  @IsOptional()
  id?: string;

  @Field(() => ChecklistArea, { description: 'Area of the item.' })
  area!: ChecklistArea;

  @Field(() => Int, { description: 'Order of the item in its version.' })
  @Min(1)
  @Max(10_000)
  position!: number;

  @Field({ description: 'What must hold.' })
  @Length(1, 500)
  @Matches(/\S/, { message: 'criterion must not be blank' })
  criterion!: string;

  @Field({ defaultValue: '', description: 'How to check it.' })
  @MaxLength(2000)
  guidance: string = '';

  @Field(() => FindingSeverity, { description: 'Severity of a failure unless the auditor says otherwise.' })
  defaultSeverity!: FindingSeverity;
}
