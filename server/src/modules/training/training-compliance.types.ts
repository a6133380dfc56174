import { IsOptional } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';

export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT',
  DUE_SOON = 'DUE_SOON',
  NON_COMPLIANT = 'NON_COMPLIANT',
}

registerEnumType(ComplianceStatus, {
  name: 'ComplianceStatus',
  description: "An officer's standing on one training requirement on a date.",
  valuesConfig: {
    COMPLIANT: { description: 'Met, or not yet due and further away than TRAINING_DUE_SOON_DAYS.' },
    DUE_SOON: { description: 'Not met (or expiring), and due within TRAINING_DUE_SOON_DAYS.' },
    NON_COMPLIANT: { description: 'Not met, and past due.' },
  },
});

@InputType({ description: 'Which rows of the training compliance report; all conditions must hold.' })
export class TrainingComplianceFilter {
  @Field(() => ID, { nullable: true, description: "Only this agency's officers." })
  @IsOptional()
  agencyId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this officer.' })
  @IsOptional()
  officerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this requirement.' })
  @IsOptional()
  requirementId?: string;

  @Field(() => ComplianceStatus, { nullable: true, description: 'Only rows of this status.' })
  @IsOptional()
  status?: ComplianceStatus;
}

@ObjectType({ description: 'One officer on one requirement on the date.' })
export class TrainingComplianceRow {
  @Field(() => ID, { description: 'The officer.' })
  officerId!: string;

  @Field({ description: "The officer's name, family name first." })
  officerName!: string;

  @Field(() => ID, { description: "The officer's agency." })
  agencyId!: string;

  @Field({ description: "The agency's name." })
  agencyName!: string;

  @Field(() => ID, { description: 'The requirement.' })
  requirementId!: string;

  @Field({ description: "The requirement's name." })
  requirementName!: string;

  @Field(() => ComplianceStatus, { description: 'Standing on the date.' })
  status!: ComplianceStatus;

  @Field({ description: 'Why, in words: what is held or missing.' })
  reason!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it is or was due (an expiry, a deadline); null when nothing falls due.' })
  dueDate!: string | null;
}

@ObjectType({ description: "An agency's share of assigned officers compliant on the date." })
export class AgencyTrainingShare {
  @Field(() => ID, { description: 'The agency.' })
  agencyId!: string;

  @Field({ description: "The agency's name." })
  agencyName!: string;

  @Field(() => Int, { description: 'Officers assigned on the date to whom some requirement applies.' })
  officers!: number;

  @Field(() => Int, { description: 'Of them, officers with no NON_COMPLIANT requirement (DUE_SOON counts as compliant).' })
  compliant!: number;

  @Field(() => Float, { description: 'compliant / officers, from 0 to 1.' })
  share!: number;
}

@ObjectType({ description: 'Training compliance on a date: per officer and requirement, per agency, and who lapses soon.' })
export class TrainingComplianceReport {
  @Field(() => DateScalar, { description: 'The date.' })
  date!: string;

  @Field(() => Int, { description: 'TRAINING_DUE_SOON_DAYS: the window of DUE_SOON.' })
  dueSoonDays!: number;

  @Field(() => [TrainingComplianceRow], {
    description: 'Per officer and requirement, the rows you may read, by agency, officer and requirement.',
  })
  rows!: TrainingComplianceRow[];

  @Field(() => [AgencyTrainingShare], {
    description: 'Per agency, the share compliant: every agency for ADMIN, ANALYST and chiefs (aggregates only); none for officers.',
  })
  agencies!: AgencyTrainingShare[];

  @Field(() => [TrainingComplianceRow], {
    description: 'Of the rows, those not NON_COMPLIANT today that lapse within the next 90 days (their due date before date + 90).',
  })
  lapsing!: TrainingComplianceRow[];

  @Field({ description: 'The rows as CSV (RFC 4180, a header line first).' })
  csv!: string;
}
