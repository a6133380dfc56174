import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { Agency } from '../agency/agency.entity';
import { AbsenceReason } from '../officer-absence/officer-absence.entity';
import { School } from '../school/school.entity';

@ObjectType({ description: "One school's coverage over the period: its days by status, as coverageReport tells each day." })
export class SchoolPeriodCoverage {
  @Field(() => School, { description: 'The school.' })
  school!: School;

  @Field(() => Int, { description: 'Days the school was in the program and in session (not NO_SCHOOL).' })
  instructionalDays!: number;

  @Field(() => Int, { description: 'Instructional days COVERED.' })
  covered!: number;

  @Field(() => Int, { description: 'Instructional days PARTIAL.' })
  partial!: number;

  @Field(() => Int, { description: 'Instructional days UNCOVERED.' })
  uncovered!: number;

  @Field(() => Float, { nullable: true, description: 'covered / instructionalDays, to 4 decimals; null without instructional days.' })
  shareCovered!: number | null;

  @Field(() => Int, { description: 'The most UNCOVERED instructional days in a row (days without school in between do not break a run).' })
  longestUncoveredRun!: number;
}

@ObjectType({ description: 'Officer-days absent for one reason.' })
export class AbsentDays {
  @Field(() => AbsenceReason, { description: 'The reason of the absences.' })
  reason!: AbsenceReason;

  @Field(() => Int, { description: 'Officer-days absent for it.' })
  days!: number;
}

@ObjectType({ description: "One agency's officer-days over the period: its assigned officers on the listed schools' instructional days." })
export class AgencyPeriodCoverage {
  @Field(() => Agency, { description: 'The agency the officers served on each day.' })
  agency!: Agency;

  @Field(() => Int, {
    description: 'Officer-days present: an assigned officer, not absent, on an instructional day of one of its schools.',
  })
  officerDaysPresent!: number;

  @Field(() => Int, { description: 'Officer-days absent, all reasons.' })
  officerDaysAbsent!: number;

  @Field(() => [AbsentDays], {
    description: "Officer-days absent by reason, by reason name; a chief sees other agencies' reasons only in officerDaysAbsent.",
  })
  absentByReason!: AbsentDays[];
}

@ObjectType({ description: 'A coming school-day without coverage.' })
export class CoverageGap {
  @Field(() => DateScalar, { description: 'The day (today or later).' })
  date!: string;

  @Field(() => School, { description: 'The school UNCOVERED that day.' })
  school!: School;
}

@ObjectType({ description: 'Coverage over a period, computed in SQL over the calendar: the same day statuses as coverageReport.' })
export class CoveragePeriodReport {
  @Field(() => DateScalar, { description: 'First day.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day.' })
  to!: string;

  @Field(() => [SchoolPeriodCoverage], { description: 'Schools listed on at least one day, by name.' })
  schools!: SchoolPeriodCoverage[];

  @Field(() => [AgencyPeriodCoverage], { description: 'Agencies whose officers were assigned to the listed schools, by name.' })
  agencies!: AgencyPeriodCoverage[];

  @Field(() => [CoverageGap], {
    description: 'UNCOVERED instructional days from today on, by date then school name: empty for a past period.',
  })
  gaps!: CoverageGap[];
}
