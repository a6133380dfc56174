import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { PeriodPreset } from '../report/periods';
import { ReportPeriod } from '../report/activity-report.types';

@ArgsType()
export class TipReportArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day of the period (received date, program time zone); give it with `to`.',
  })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period, included; at most 3 years after `from`.' })
  to?: string | null;

  @Field(() => PeriodPreset, {
    nullable: true,
    description: 'A period relative to today, instead of from and to. CURRENT_QUARTER when none is given.',
  })
  preset?: PeriodPreset | null;

  @Field(() => Int, {
    nullable: true,
    description: 'A whole program year, named by the calendar year it starts in, instead of from and to.',
  })
  programYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'With programYear: only its quarter 1, 2, 3 or 4.' })
  quarter?: number | null;
}

@ObjectType({ description: 'How many tips fall in one group; null when suppressed for a chief (a small cell).', simpleResolvers: true })
export class TipCount {
  @Field({ description: 'The group: a category, source, disposition, month (YYYY-MM) or school id; "none" for tips without a school.' })
  key!: string;

  @Field({ description: 'The group as a person reads it (the school name, "Schools with fewer than 5 tips"...).' })
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Tips in the group; null when suppressed.' })
  tips!: number | null;

  @Field({ description: 'True when the count is withheld as a small cell.' })
  suppressed!: boolean;
}

@ObjectType({ description: 'Median and 90th percentile of a duration over the tips that have it.', simpleResolvers: true })
export class TipDurations {
  @Field(() => Int, { nullable: true, description: 'Tips with the duration; null when suppressed.' })
  tips!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median; null without tips or when suppressed.' })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile (continuous); null without tips or when suppressed.' })
  p90!: number | null;

  @Field({ description: 'True when withheld as a small cell.' })
  suppressed!: boolean;
}

@ObjectType({ description: 'The tip figures of one period (tips received in it).', simpleResolvers: true })
export class TipPeriodFigures {
  @Field(() => ReportPeriod, { description: 'The days covered.' })
  period!: ReportPeriod;

  @Field(() => Int, { nullable: true, description: 'Tips received; null when suppressed.' })
  total!: number | null;

  @Field(() => Int, { nullable: true, description: 'Life-safety tips; null when suppressed.' })
  lifeSafety!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of tips that were life-safety (0 to 1); null without tips or when suppressed.',
  })
  lifeSafetyShare!: number | null;

  @Field(() => [TipCount], { description: 'By category, most first.' })
  byCategory!: TipCount[];

  @Field(() => [TipCount], { description: 'By source, most first.' })
  bySource!: TipCount[];

  @Field(() => [TipCount], { description: 'By school, most first; "none" for tips without a school.' })
  bySchool!: TipCount[];

  @Field(() => [TipCount], { description: 'By month received (YYYY-MM), in order.' })
  byMonth!: TipCount[];

  @Field(() => TipDurations, { description: 'Minutes from received to first action, life-safety tips.' })
  firstActionMinutesLifeSafety!: TipDurations;

  @Field(() => TipDurations, { description: 'Minutes from received to first action, other tips.' })
  firstActionMinutesOther!: TipDurations;

  @Field(() => TipDurations, { description: 'Hours from received to closed, closed tips.' })
  hoursToClose!: TipDurations;

  @Field(() => Int, { nullable: true, description: 'Tips open without a first action past their deadline now; null when suppressed.' })
  overdue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Tips whose first action came after its deadline; null when suppressed.' })
  firstActionLate!: number | null;

  @Field(() => Int, { nullable: true, description: 'Closed tips; null when suppressed.' })
  closed!: number | null;

  @Field(() => [TipCount], { description: 'Closed tips by disposition, most first.' })
  byDisposition!: TipCount[];

  @Field(() => Float, {
    nullable: true,
    description: 'Share of closed tips found UNFOUNDED or PRANK (0 to 1); null without closed tips or when suppressed.',
  })
  unfoundedOrPrankShare!: number | null;
}

@ObjectType({
  description: 'The annual figures a tip-line statute asks of a district, for the program year of the period\u2019s last day.',
  simpleResolvers: true,
})
export class TipAnnualFigures {
  @Field(() => ReportPeriod, { description: 'The program year.' })
  period!: ReportPeriod;

  @Field(() => Int, { nullable: true, description: 'Tips received; null when suppressed.' })
  total!: number | null;

  @Field(() => [TipCount], { description: 'By category, most first.' })
  byCategory!: TipCount[];

  @Field(() => [TipCount], {
    description: 'By school, most first; schools with fewer than 5 tips grouped into one line ("fewer"), as public tip-line reports do.',
  })
  bySchool!: TipCount[];
}

@ObjectType({ description: 'Tip follow-up figures: a period, the one before it, and the program year.', simpleResolvers: true })
export class TipReport {
  @Field(() => TipPeriodFigures, { description: 'The period asked for.' })
  current!: TipPeriodFigures;

  @Field(() => TipPeriodFigures, { description: 'The period of equal length just before.' })
  previous!: TipPeriodFigures;

  @Field(() => TipAnnualFigures, { description: 'The program year of the period\u2019s last day.' })
  annual!: TipAnnualFigures;

  @Field({ description: 'True when small cells are withheld (an agency chief reads district aggregates only).' })
  suppressesSmallCells!: boolean;

  @Field(() => Int, { description: 'Fewest tips a shown cell rests on, when small cells are withheld (SMALL_CELL_MIN_ACTIVITIES).' })
  minTipsPerCell!: number;

  @Field({ description: 'The report as CSV (section, group, figure, current, previous), with the same suppression.' })
  csv!: string;
}
