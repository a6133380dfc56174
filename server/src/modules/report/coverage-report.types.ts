import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { Agency } from '../agency/agency.entity';
import { AssignmentRole } from '../assignment/assignment.entity';
import { CoverageStatus } from '../assignment/coverage';
import { Officer } from '../officer/officer.entity';
import { School, SchoolLevel, SchoolLocale } from '../school/school.entity';

@InputType({ description: 'Which schools the coverage report lists; all conditions must hold. Only active schools are ever listed.' })
export class CoverageFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      "Only schools that this agency's officers serve on the date. Those schools' status, officers and the summary still count every agency's " +
      'assignments there, so UNCOVERED schools never appear with this filter.',
  })
  agencyId?: string | null;

  @Field(() => SchoolLevel, { nullable: true, description: 'Only schools of this level.' })
  level?: SchoolLevel | null;

  @Field(() => SchoolLocale, { nullable: true, description: 'Only schools in this locale.' })
  locale?: SchoolLocale | null;
}

@ObjectType({
  description: "An officer's assignment at a school on the report date: the assigned officer's, or its substitute's in its place.",
  simpleResolvers: true,
})
export class CoverageOfficer {
  @Field(() => ID, { description: 'Id of the assignment.' })
  assignmentId!: string;

  @Field(() => Officer, { description: "The officer. Chiefs see other agencies' officers with name, rank and agency only." })
  officer!: Officer;

  @Field(() => Agency, { description: "The officer's agency." })
  agency!: Agency;

  @Field(() => AssignmentRole, { description: "The officer's role at the school." })
  role!: AssignmentRole;

  @Field(() => Float, { description: 'Share of full time the officer gives this school.' })
  fte!: number;

  @Field(() => DateScalar, { description: 'First day of the assignment.' })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the assignment; null while open-ended.' })
  endDate!: string | null;

  @Field(() => Officer, {
    nullable: true,
    description:
      "In `officers`: the absent assigned officer this officer substitutes for (the assignment is the absent officer's); null otherwise.",
  })
  substituteFor!: Officer | null;

  @Field(() => Officer, { nullable: true, description: "In `absent`: the absent officer's substitute on the date; null when none." })
  substitutedBy!: Officer | null;
}

@ObjectType({ description: 'How one school is served on the report date.', simpleResolvers: true })
export class SchoolCoverage {
  @Field(() => School, { description: 'The school.' })
  school!: School;

  @Field(() => CoverageStatus, {
    description:
      'NO_SCHOOL when the school is closed or out of session; else COVERED with a PRIMARY officer present (or substituting), PARTIAL with only SECONDARY or BACKUP officers, else UNCOVERED.',
  })
  status!: CoverageStatus;

  @Field(() => [CoverageOfficer], {
    description:
      'The officers serving on the date: assigned officers present, and substitutes in place of absent ones (`substituteFor`). PRIMARY first, then SECONDARY, then BACKUP; by name within a role.',
  })
  officers!: CoverageOfficer[];

  @Field(() => [CoverageOfficer], {
    description:
      'Assigned officers absent on the date (an OfficerAbsence), with their substitute if any (`substitutedBy`); they cover nothing.',
  })
  absent!: CoverageOfficer[];

  @Field(() => Float, { description: 'Sum of the FTE of the officers serving; 0 when uncovered.' })
  totalFte!: number;

  @Field(() => Float, { nullable: true, description: 'Enrollment divided by totalFte, to two decimals; null when totalFte is 0.' })
  enrollmentPerSroFte!: number | null;
}

@ObjectType({ description: 'Schools listed, by coverage status.', simpleResolvers: true })
export class CoverageStatusCounts {
  @Field(() => Int, { description: 'Schools with a PRIMARY officer.' })
  covered!: number;

  @Field(() => Int, { description: 'Schools with only SECONDARY or BACKUP officers.' })
  partial!: number;

  @Field(() => Int, { description: 'Schools with no officer.' })
  uncovered!: number;

  @Field(() => Int, { description: 'Schools closed or out of session on the date.' })
  noSchool!: number;
}

@ObjectType({ description: "One agency's part in the listed schools' coverage.", simpleResolvers: true })
export class AgencyCoverage {
  @Field(() => Agency, { description: 'The agency.' })
  agency!: Agency;

  @Field(() => Int, { description: "Listed schools with at least one of the agency's officers assigned on the date." })
  schoolsServed!: number;

  @Field(() => Int, { description: 'Different officers of the agency assigned to listed schools on the date.' })
  officers!: number;

  @Field(() => Float, { description: "Sum of the FTE of the agency's assignments at listed schools on the date." })
  fte!: number;
}

@ObjectType({ description: 'Totals over the schools a coverage report lists.', simpleResolvers: true })
export class CoverageSummary {
  @Field(() => Int, { description: 'Schools listed.' })
  schools!: number;

  @Field(() => Int, { description: 'Their summed enrollment.' })
  enrollment!: number;

  @Field(() => CoverageStatusCounts, { description: 'Schools by status.' })
  byStatus!: CoverageStatusCounts;

  @Field(() => Int, { description: 'Different officers serving listed schools on the date (present, or substituting).' })
  officers!: number;

  @Field(() => Float, { description: 'Sum of the FTE of the officers serving listed schools on the date.' })
  totalFte!: number;

  @Field(() => Float, { nullable: true, description: 'Enrollment divided by totalFte, to two decimals; null when totalFte is 0.' })
  enrollmentPerSroFte!: number | null;

  @Field(() => [AgencyCoverage], { description: 'One entry per agency with officers at listed schools, by agency name.' })
  byAgency!: AgencyCoverage[];
}

@ObjectType({
  description: 'Which active schools have an SRO on a date, by whom, and how much (SPEC.md, "Reports", 1).',
  simpleResolvers: true,
})
export class CoverageReport {
  @Field(() => DateScalar, { description: 'The date the report is for.' })
  date!: string;

  @Field(() => CoverageSummary, { description: 'Counts by status and by agency.' })
  summary!: CoverageSummary;

  @Field(() => [SchoolCoverage], { description: 'Every active school matching the filter, by name.' })
  schools!: SchoolCoverage[];
}
