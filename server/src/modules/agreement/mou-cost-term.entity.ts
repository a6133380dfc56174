import { Check, Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { AbsenceReason } from '../officer-absence/officer-absence.entity';
import { OfficerRank } from '../officer/officer.entity';
import { Mou } from './mou.entity';

export enum CostBasis {
  HOURLY = 'HOURLY',
  ANNUAL_PER_OFFICER = 'ANNUAL_PER_OFFICER',
}

registerEnumType(CostBasis, {
  name: 'CostBasis',
  description: "How an agency's cost is reckoned.",
  valuesConfig: {
    HOURLY: { description: 'Hours worked times an hourly rate by rank.' },
    ANNUAL_PER_OFFICER: { description: 'An annual amount per full-time officer, spread over 260 working days a year.' },
  },
});

@ObjectType({ description: 'The hourly rate of one rank.' })
export class HourlyRate {
  @Field(() => OfficerRank, { description: 'Rank.' })
  rank!: OfficerRank;

  @Field({ description: 'Dollars per hour, an exact decimal as text, such as "61.68".' })
  hourlyRate!: string;
}

/**
 * The money terms of an agreement from a date on: a rate change is a new term from its date. A term holds from
 * `effectiveFrom` until the next term of the same agreement, within the agreement's own period.
 */
@ObjectType({ description: 'The cost terms of an agreement from a date on (a rate change is a new term).', simpleResolvers: true })
@Entity()
@Unique({ name: 'mou_cost_term_one_per_day', properties: ['mou', 'effectiveFrom'] })
@Check({ name: 'mou_cost_term_hours_range', expression: 'hours_per_day > 0 and hours_per_day <= 24' })
@Check({
  name: 'mou_cost_term_instructional_share_range',
  expression: 'instructional_share_percent >= 0 and instructional_share_percent <= 100',
})
@Check({
  name: 'mou_cost_term_non_instructional_share_range',
  expression: 'non_instructional_share_percent >= 0 and non_instructional_share_percent <= 100',
})
@Check({ name: 'mou_cost_term_annual_amount', expression: "basis <> 'ANNUAL_PER_OFFICER' or annual_amount is not null" })
@Check({ name: 'mou_cost_term_rates_array', expression: "jsonb_typeof(hourly_rates) = 'array'" })
export class MouCostTerm extends BaseEntity<'hoursPerDay' | 'hourlyRates' | 'excludedAbsenceReasons'> {
  @ManyToOne(() => Mou, { ref: true, deleteRule: 'cascade', index: 'mou_cost_term_mou_index' })
  mou!: Ref<Mou>;

  @Field(() => DateScalar, { description: 'First day these terms apply.' })
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => CostBasis, { description: 'How the cost is reckoned.' })
  @Enum({ items: () => CostBasis })
  basis!: CostBasis;

  @Field({ description: 'Scheduled hours of a full-time day, an exact decimal as text (default "8").' })
  @Property({ type: 'decimal', precision: 4, scale: 2, default: 8 })
  hoursPerDay: string = '8';

  @Field({ description: 'District share on instructional days, in percent, an exact decimal as text.' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  instructionalSharePercent!: string;

  @Field({ description: 'District share on non-instructional working days (summer, breaks, closures), in percent.' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  nonInstructionalSharePercent!: string;

  @Field(() => [HourlyRate], { description: 'Hourly rates by rank (basis HOURLY).' })
  @Property({ type: 'json', default: '[]' })
  hourlyRates: HourlyRate[] = [];

  @Field(() => String, { nullable: true, description: 'Annual amount per full-time officer (basis ANNUAL_PER_OFFICER).' })
  @Property({ type: 'decimal', precision: 12, scale: 2, nullable: true })
  annualAmount?: string | null;

  @Field(() => [AbsenceReason], { description: 'Absences for these reasons are not billed: their days are left out.' })
  @Property({ type: 'text[]', default: '{}' })
  excludedAbsenceReasons: AbsenceReason[] = [];
}
