import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { PeriodPreset } from '../report/periods';
import { ChecklistArea, FindingSeverity } from './safety-audit.enums';

@ArgsType()
export class SafetyAuditReportArgs {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the period; give it with `to`.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period, included.' })
  to?: string | null;

  @Field(() => PeriodPreset, { nullable: true, description: 'A period relative to today; CURRENT_QUARTER when no period is given.' })
  preset?: PeriodPreset | null;

  @Field(() => Int, { nullable: true, description: 'A whole program year, named by the calendar year it starts in.' })
  programYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'With programYear: only its quarter 1, 2, 3 or 4.' })
  quarter?: number | null;

  @Field(() => ID, { nullable: true, description: 'Only this school.' })
  schoolId?: string | null;
}

@ObjectType({ description: 'Failed findings (NEEDS_IMPROVEMENT or DEFICIENT) of one area and severity.' })
export class FindingCount {
  @Field(() => ChecklistArea, { description: 'The area.' })
  area!: ChecklistArea;

  @Field(() => FindingSeverity, { description: 'The severity.' })
  severity!: FindingSeverity;

  @Field(() => Int, { description: 'How many findings.' })
  findings!: number;
}

@ObjectType({ description: "One school's audits in the period and the share of its items meeting the criterion." })
export class SchoolAuditFigures {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field({ description: 'Its name.' })
  schoolName!: string;

  @Field(() => Int, { description: 'Submitted audits in the period.' })
  audits!: number;

  @Field(() => Float, { nullable: true, description: 'Share (0-1) of applicable items that met the criterion; null when none applied.' })
  meetingShare!: number | null;

  @Field(() => Int, { description: 'HIGH or CRITICAL failed findings of its audits without a DONE corrective action.' })
  openHighOrCritical!: number;
}

@ObjectType({ description: 'Open corrective actions of one age band, counted from the audit day to the end of the period.' })
export class AgeBandCount {
  @Field({ description: 'The band: 0-30, 31-90, 91-180 or 181+ days.' })
  band!: string;

  @Field(() => Int, { description: 'How many open actions.' })
  actions!: number;
}

@ObjectType({ description: 'The safety-audit figures of one period.' })
export class SafetyAuditFigures {
  @Field(() => DateScalar, { description: 'First day.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day, included.' })
  to!: string;

  @Field(() => Int, { description: 'Submitted audits dated in the period.' })
  audits!: number;

  @Field(() => Int, { description: 'Schools with a submitted audit in the period.' })
  schoolsAudited!: number;

  @Field(() => Int, {
    description: 'Active schools due for an audit at the end of the period: no submitted audit in the AUDIT_CYCLE_MONTHS before it.',
  })
  schoolsDue!: number;

  @Field(() => Int, { description: 'Failed findings (NEEDS_IMPROVEMENT or DEFICIENT) of the audits in the period.' })
  findings!: number;

  @Field(() => [FindingCount], { description: 'Failed findings by area and severity.' })
  findingsByAreaAndSeverity!: FindingCount[];

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0-1) of applicable items meeting the criterion, over all audits of the period.',
  })
  meetingShare!: number | null;

  @Field(() => [SchoolAuditFigures], { description: 'By school, the schools audited in the period.' })
  bySchool!: SchoolAuditFigures[];

  @Field(() => Int, { description: 'Corrective actions raised from the audits of the period.' })
  actionsOpened!: number;

  @Field(() => Int, { description: 'Corrective actions completed in the period.' })
  actionsClosed!: number;

  @Field(() => [AgeBandCount], { description: 'Actions not DONE, by age at the end of the period (or today, if earlier).' })
  openByAge!: AgeBandCount[];

  @Field(() => Int, { description: 'Actions not DONE and past due at the end of the period (or today, if earlier).' })
  overdue!: number;

  @Field(() => Float, { nullable: true, description: 'Median days from the audit to the completion of the actions closed in the period.' })
  medianDaysToClose!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same days.' })
  p90DaysToClose!: number | null;
}

@ObjectType({ description: 'The quarterly analysis of facility safety audits: the period, the one before, and the change.' })
export class SafetyAuditReport {
  @Field(() => SafetyAuditFigures, { description: 'The period asked for.' })
  current!: SafetyAuditFigures;

  @Field(() => SafetyAuditFigures, { description: 'The period before, of the same length.' })
  previous!: SafetyAuditFigures;

  @Field(() => Int, { description: 'Audits: current minus previous.' })
  auditsChange!: number;

  @Field(() => Float, { nullable: true, description: 'Meeting share: current minus previous; null when either is null.' })
  meetingShareChange!: number | null;

  @Field(() => [SchoolAuditFigures], {
    description: 'The five schools with the most open HIGH or CRITICAL findings (all time, as of today).',
  })
  mostOpenHighOrCritical!: SchoolAuditFigures[];
}

@ObjectType({ description: 'A school due for a facility safety audit.' })
export class SchoolDueForAudit {
  @Field(() => ID, { description: 'The school.' })
  schoolId!: string;

  @Field({ description: 'Its name.' })
  schoolName!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day of its last submitted audit; null when never audited.' })
  lastAuditOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Day the next audit is due (last audit plus AUDIT_CYCLE_MONTHS); null when never audited.',
  })
  dueOn!: string | null;
}
