import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { Agency } from '../agency/agency.entity';
import { Assignment } from '../assignment/assignment.entity';
import { Officer } from '../officer/officer.entity';
import { ReportScope } from './report.scope';

export const DEFAULT_ENDING_WITHIN_DAYS = 30;
export const MAX_ENDING_WITHIN_DAYS = 366;

@InputType({ description: 'Which agencies the staffing report covers, and how far ahead it looks for ending assignments.' })
export class StaffingFilter {
  @Field(() => ID, { nullable: true, description: 'Only this agency.' })
  agencyId?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_ENDING_WITHIN_DAYS,
    description: `Assignments ending from the report date to this many days after it (both included) are "ending". 0 to ${MAX_ENDING_WITHIN_DAYS}.`,
  })
  endingWithinDays?: number | null;
}

@ObjectType({
  description: 'Staffing counts. Assignments count when active on the report date at an active school.',
  simpleResolvers: true,
})
export class StaffingFigures {
  @Field(() => Int, { description: 'Officers with status ACTIVE.' })
  activeOfficers!: number;

  @Field(() => Int, { description: 'ACTIVE officers with at least one assignment active on the date.' })
  assignedOfficers!: number;

  @Field(() => Int, { description: 'ACTIVE officers with no assignment active on the date.' })
  unassignedOfficers!: number;

  @Field(() => Float, {
    description: "Sum of the FTE of assignments active on the date (whatever the officer's status, as in the coverage report).",
  })
  totalFte!: number;

  @Field(() => Int, { description: 'Different schools with an assignment active on the date.' })
  schoolsServed!: number;

  @Field(() => Int, { description: 'Assignments whose end date falls from the report date to endingBy, both included.' })
  assignmentsEnding!: number;
}

@ObjectType({ description: "One agency's staffing on the report date.", simpleResolvers: true })
export class AgencyStaffing extends StaffingFigures {
  @Field(() => Agency, { description: 'The agency.' })
  agency!: Agency;
}

@ObjectType({ description: 'Officers and assignments per agency on a date (SPEC.md, "Reports", 3).', simpleResolvers: true })
export class StaffingReport {
  @Field(() => DateScalar, { description: 'The date the report is for.' })
  date!: string;

  @Field(() => Int, { description: 'How many days ahead "ending" looks.' })
  endingWithinDays!: number;

  @Field(() => DateScalar, { description: 'Last day an ending assignment may end on: date plus endingWithinDays.' })
  endingBy!: string;

  @Field(() => ReportScope, { description: 'Whose officers the lists show: agency chiefs see only their own agency in the lists.' })
  scope!: ReportScope;

  @Field(() => [AgencyStaffing], {
    description:
      'Every agency that is active or still has ACTIVE officers or assignments on the date, by name. Aggregate counts: chiefs see every agency here.',
  })
  agencies!: AgencyStaffing[];

  @Field(() => StaffingFigures, {
    description: 'The same counts over all listed agencies (schoolsServed counts a school served by two agencies once).',
  })
  totals!: StaffingFigures;

  @Field(() => [Officer], {
    description: 'ACTIVE officers with no assignment active on the date, by family name. Agency chiefs: own agency only.',
  })
  unassignedOfficers!: Officer[];

  @Field(() => [Assignment], {
    description: 'Assignments ending from the date to endingBy, by end date, at active schools. Agency chiefs: own agency only.',
  })
  endingAssignments!: Assignment[];
}
