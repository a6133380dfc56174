import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { ActivityCategory, InstructionTopic } from '../activity/activity.entity';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School, SchoolLevel, SchoolLocale } from '../school/school.entity';
import { ComparisonPeriod, PeriodPreset, SeriesInterval } from './periods';
import { ReportScope } from './report.scope';
import { SmallCellRule, type CellBasis } from './small-cells';

@InputType({ description: 'Which activities a program activity report counts; all conditions must hold.' })
export class ActivityReportFilter {
  @Field(() => ID, {
    nullable: true,
    description: "Only activities done for this agency: by the agency its officer served on the activity's date, not today's.",
  })
  agencyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only activities at this school.' })
  schoolId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only activities of this officer.' })
  officerId?: string | null;

  @Field(() => ActivityCategory, { nullable: true, description: 'Only activities of this category.' })
  category?: ActivityCategory | null;

  @Field(() => InstructionTopic, { nullable: true, description: 'Only classroom lessons on this topic.' })
  topic?: InstructionTopic | null;

  @Field(() => SchoolLevel, { nullable: true, description: 'Only activities at schools of this level (district-wide work is left out).' })
  level?: SchoolLevel | null;

  @Field(() => SchoolLocale, { nullable: true, description: 'Only activities at schools in this locale (district-wide work is left out).' })
  locale?: SchoolLocale | null;
}

@ArgsType()
export class ActivityReportArgs {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the period; give it with `to`.' })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: `Last day of the period, included; on or after \`from\`, at most 3 years after it.`,
  })
  to?: string | null;

  @Field(() => PeriodPreset, {
    nullable: true,
    description: 'A period relative to today, instead of from and to. CURRENT_QUARTER when no period is given at all.',
  })
  preset?: PeriodPreset | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A whole program year, named by the calendar year it starts in (2026 for July 2026 to June 2027), instead of from and to.',
  })
  programYear?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'With programYear: only its quarter 1, 2, 3 or 4 (Q1 starts on the first day of the program year).',
  })
  quarter?: number | null;

  @Field(() => ActivityReportFilter, { nullable: true, description: 'Which activities to count.' })
  filter?: ActivityReportFilter | null;

  @Field(() => SeriesInterval, { defaultValue: SeriesInterval.MONTH, description: 'Bucket size of the time series.' })
  interval: SeriesInterval = SeriesInterval.MONTH;

  @Field(() => ComparisonPeriod, {
    defaultValue: ComparisonPeriod.PREVIOUS_PERIOD,
    description: 'Which period `previous` and `change` compare with; BAD_USER_INPUT when it would start before 0001-01-01.',
  })
  compareTo: ComparisonPeriod = ComparisonPeriod.PREVIOUS_PERIOD;
}

@ObjectType({ description: 'The days a report covers, both included.', simpleResolvers: true })
export class ReportPeriod {
  @Field(() => DateScalar, { description: 'First day.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day, included.' })
  to!: string;

  @Field(() => Int, { description: 'Number of days.' })
  days!: number;

  @Field({ description: 'A name for the period, such as "Q1 2026-27" or "2026-07-01 to 2026-09-30".' })
  label!: string;
}

const SUPPRESSED = 'null when suppressed';

/** Hours from summed minutes, to two decimals: the one rule for every hours figure of a report, so that changes add up. */
export function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

@ObjectType({
  description:
    "What a set of activities adds up to. For an agency chief, figures that include other agencies' work and rest on too few officers or " +
    'activities are null, with `suppressed` true (see `ActivityReport.smallCells`).',
  simpleResolvers: true,
})
export class ActivityFigures {
  @Field(() => Int, { nullable: true, description: `Number of activities; ${SUPPRESSED}.` })
  activities!: number | null;

  @Field(() => Int, { nullable: true, description: `Summed duration in minutes; ${SUPPRESSED}.` })
  minutes!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: `Summed duration in hours: the summed minutes divided by 60, rounded to two decimals; ${SUPPRESSED}.`,
  })
  hours!: number | null;

  @Field(() => Int, { nullable: true, description: `Summed students reached (a student reached twice counts twice); ${SUPPRESSED}.` })
  studentsReached!: number | null;

  @Field(() => Int, { nullable: true, description: `Summed staff reached; ${SUPPRESSED}.` })
  staffReached!: number | null;

  @Field({
    description:
      "True when the figures are withheld (null): for an agency chief, they include other agencies' work and rest on fewer officers or " +
      'activities than `ActivityReport.smallCells` allows, or they would let such a figure be subtracted back from a total.',
  })
  suppressed!: boolean;

  /** What the cell rests on, for the small-cell rule; counted only for callers whose cells may be suppressed. */
  basis?: CellBasis;
}

@ObjectType({ description: 'Activities of one category.', simpleResolvers: true })
export class CategoryFigures extends ActivityFigures {
  @Field(() => ActivityCategory, { description: 'The category.' })
  category!: ActivityCategory;
}

@ObjectType({ description: 'Classroom lessons on one topic.', simpleResolvers: true })
export class TopicFigures extends ActivityFigures {
  @Field(() => InstructionTopic, { description: 'The topic.' })
  topic!: InstructionTopic;
}

@ObjectType({ description: "Activities of one agency's officers.", simpleResolvers: true })
export class AgencyFigures extends ActivityFigures {
  @Field(() => Agency, { description: 'The agency.' })
  agency!: Agency;
}

@ObjectType({ description: 'Activities at one school, or district-wide work.', simpleResolvers: true })
export class SchoolFigures extends ActivityFigures {
  @Field(() => School, { nullable: true, description: 'The school; null for district-wide work (activities without a school).' })
  school!: School | null;
}

@ObjectType({ description: 'Activities of one officer.', simpleResolvers: true })
export class OfficerFigures extends ActivityFigures {
  @Field(() => Officer, { description: 'The officer.' })
  officer!: Officer;
}

@ObjectType({
  description: 'Activities in one week or month of the period; buckets without activities are included with zeros.',
  simpleResolvers: true,
})
export class SeriesBucket extends ActivityFigures {
  @Field(() => DateScalar, { description: 'First day of the bucket inside the period (the period start for a first, partial bucket).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the bucket inside the period (the period end for a last, partial bucket).' })
  to!: string;
}

@ObjectType({ description: 'How a figure moved from the previous period to this one.', simpleResolvers: true })
export class FigureChange {
  @Field(() => Float, {
    nullable: true,
    description: 'This period minus the previous one, of the figures shown (hours: of the rounded hours); null when suppressed.',
  })
  absolute!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The change as a percentage of the previous period, to one decimal (hours: of the minutes, which rounding does not move); null when ' +
      'the previous figure is 0 or when suppressed.',
  })
  percent!: number | null;

  @Field({ description: "True when either period's figure is suppressed, and with it the change." })
  suppressed!: boolean;
}

@ObjectType({ description: 'Changes of the totals from the previous period.', simpleResolvers: true })
export class ActivityChange {
  @Field(() => FigureChange, { description: 'Change in the number of activities.' })
  activities!: FigureChange;

  @Field(() => FigureChange, { description: 'Change in minutes.' })
  minutes!: FigureChange;

  @Field(() => FigureChange, { description: 'Change in hours.' })
  hours!: FigureChange;

  @Field(() => FigureChange, { description: 'Change in students reached.' })
  studentsReached!: FigureChange;

  @Field(() => FigureChange, { description: 'Change in staff reached.' })
  staffReached!: FigureChange;
}

/** Where a period's figures come from: one SQL statement per method, run only when its field is asked for. */
export interface ActivityFiguresSource {
  totals(): Promise<ActivityFigures>;
  byCategory(): Promise<CategoryFigures[]>;
  byTopic(): Promise<TopicFigures[]>;
  byAgency(): Promise<AgencyFigures[]>;
  bySchool(): Promise<SchoolFigures[]>;
  byOfficer(): Promise<OfficerFigures[]>;
  series(): Promise<SeriesBucket[]>;
}

/**
 * Absolute change of the figures shown, to two decimals against float noise (integers stay whole), and percent
 * change to one decimal (null from a previous 0); a suppressed figure on either side suppresses the change.
 */
export function figureChange(now: number | null, before: number | null): FigureChange {
  if (now === null || before === null) return { absolute: null, percent: null, suppressed: true };
  return {
    absolute: Math.round((now - before) * 100) / 100,
    percent: before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10,
    suppressed: false,
  };
}

const DETAIL = 'Agency chiefs: own agency only. Officers: own activities only.';

@ObjectType({ description: 'Program activity for one period. Each field is computed in SQL only when asked for.', simpleResolvers: true })
export class ActivityPeriodReport {
  constructor(source: ActivityFiguresSource, period: ReportPeriod) {
    this.source = source;
    this.period = period;
  }

  private readonly source: ActivityFiguresSource;

  @Field(() => ReportPeriod, { description: 'The days counted.' })
  readonly period: ReportPeriod;

  @Field(() => ActivityFigures, { description: `Totals. ${DETAIL}` })
  totals() {
    return this.source.totals();
  }

  @Field(() => [CategoryFigures], {
    description: `By category, in alphabetical order of the category; only categories with activities. ${DETAIL}`,
  })
  byCategory() {
    return this.source.byCategory();
  }

  @Field(() => [TopicFigures], {
    description: `Classroom lessons by topic, in alphabetical order of the topic; activities without a topic are left out. ${DETAIL}`,
  })
  byTopic() {
    return this.source.byTopic();
  }

  @Field(() => [AgencyFigures], {
    description:
      'By agency, by name. For agency chiefs this is the one breakdown that also lists other agencies, as one aggregate each, unless the filter ' +
      'names a school or an officer (then only the own agency appears); small aggregates of other agencies are withheld (`suppressed`). ' +
      'Officers: own agency, own activities.',
  })
  byAgency() {
    return this.source.byAgency();
  }

  @Field(() => [SchoolFigures], { description: `By school, by name, with district-wide work (school null) last. ${DETAIL}` })
  bySchool() {
    return this.source.bySchool();
  }

  @Field(() => [OfficerFigures], { description: `By officer, by family name then given name. ${DETAIL}` })
  byOfficer() {
    return this.source.byOfficer();
  }

  @Field(() => [SeriesBucket], {
    description: `One bucket per week or month touching the period, in order, empty ones included. ${DETAIL}`,
  })
  series() {
    return this.source.series();
  }
}

@ObjectType({
  description:
    'Program activity for a period, with a comparison period (by default the previous one of equal length) and the change (SPEC.md, "Reports", 2).',
})
export class ActivityReport extends ActivityPeriodReport {
  constructor(
    source: ActivityFiguresSource,
    period: ReportPeriod,
    interval: SeriesInterval,
    scope: ReportScope,
    compareTo: ComparisonPeriod,
    previousReport: ActivityPeriodReport,
    smallCells: SmallCellRule,
  ) {
    super(source, period);
    this.interval = interval;
    this.scope = scope;
    this.compareTo = compareTo;
    this.previousReport = previousReport;
    this.smallCells = smallCells;
  }

  private readonly previousReport: ActivityPeriodReport;

  @Field(() => SeriesInterval, { description: 'Bucket size of the series.' })
  readonly interval: SeriesInterval;

  @Field(() => ReportScope, { description: 'Whose activities the figures show in detail.' })
  readonly scope: ReportScope;

  @Field(() => ComparisonPeriod, { description: 'Which comparison period `previous` holds (its days are in previous.period).' })
  readonly compareTo: ComparisonPeriod;

  @Field(() => SmallCellRule, {
    description:
      "The rule by which an agency chief's figures that include other agencies' work are suppressed. The figures of the chief's own " +
      'agency alone, and all figures of every other role, never are.',
  })
  readonly smallCells: SmallCellRule;

  @Field(() => ActivityPeriodReport, {
    description:
      'The same figures for the comparison period chosen by compareTo: by default the period of equal length just before, from minus its ' +
      'length in days to the day before from.',
  })
  previous(): ActivityPeriodReport {
    return this.previousReport;
  }

  @Field(() => ActivityChange, { description: 'How the totals changed from the comparison period (previous).' })
  async change(): Promise<ActivityChange> {
    const [now, before] = await Promise.all([this.totals(), this.previousReport.totals()]);
    return {
      activities: figureChange(now.activities, before.activities),
      minutes: figureChange(now.minutes, before.minutes),
      // The difference of the rounded hours shown; the percentage from minutes, which rounding does not move.
      hours: { ...figureChange(now.hours, before.hours), percent: figureChange(now.minutes, before.minutes).percent },
      studentsReached: figureChange(now.studentsReached, before.studentsReached),
      staffReached: figureChange(now.staffReached, before.staffReached),
    };
  }
}
