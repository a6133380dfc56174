import { IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortInput, sortFields } from '../../common/list';
import { DateScalar } from '../../common/scalars';
import { OmittableNotNull } from '../../common/validation';
import { AbsenceReason } from '../officer-absence/officer-absence.entity';
import { OfficerRank } from '../officer/officer.entity';
import { CostBasis } from './mou-cost-term.entity';

export const MouCostTermSortField = sortFields({ EFFECTIVE_FROM: 'EFFECTIVE_FROM', CREATED_AT: 'CREATED_AT' } as const, 'MouCostTerm', {
  EFFECTIVE_FROM: 'First day the terms apply.',
  CREATED_AT: 'When the record was created.',
});
export type MouCostTermSortField = (typeof MouCostTermSortField)[keyof typeof MouCostTermSortField];
export const mouCostTermSortColumns: Record<MouCostTermSortField, string> = { EFFECTIVE_FROM: 'effectiveFrom', CREATED_AT: 'createdAt' };

@InputType({ description: 'Which cost terms to list.' })
export class MouCostTermFilter {
  @Field(() => ID, { nullable: true, description: "Only this agreement's terms." })
  @IsOptional()
  mouId?: string;
}

export const MouCostTermSort = SortInput(MouCostTermSortField, 'MouCostTerm', 'cost terms', { field: 'EFFECTIVE_FROM' });

@InputType({ description: 'The hourly rate of one rank.' })
export class HourlyRateInput {
  @Field(() => OfficerRank, { description: 'Rank (each at most once).' })
  rank!: OfficerRank;

  @Field({ description: 'Dollars per hour as an exact decimal, such as "61.68" (at most 2 decimals).' })
  hourlyRate!: string;
}

@InputType({ description: 'New cost terms of an agreement from a date on.' })
export class CreateMouCostTermInput {
  @Field(() => ID, { description: 'The agreement.' })
  mouId!: string;

  @Field(() => DateScalar, { description: 'First day these terms apply.' })
  effectiveFrom!: string;

  @Field(() => CostBasis, { description: 'How the cost is reckoned.' })
  basis!: CostBasis;

  @Field({ nullable: true, description: 'Hours of a full-time day as a decimal; "8" when left out.' })
  @IsOptional()
  hoursPerDay?: string;

  @Field({ description: 'District share on instructional days, percent (0-100), as a decimal.' })
  instructionalSharePercent!: string;

  @Field({ description: 'District share on non-instructional working days, percent (0-100), as a decimal.' })
  nonInstructionalSharePercent!: string;

  @Field(() => [HourlyRateInput], { nullable: true, description: 'Hourly rates by rank (basis HOURLY).' })
  @IsOptional()
  hourlyRates?: HourlyRateInput[];

  @Field(() => String, { nullable: true, description: 'Annual amount per full-time officer (basis ANNUAL_PER_OFFICER).' })
  @IsOptional()
  annualAmount?: string | null;

  @Field(() => [AbsenceReason], { nullable: true, description: 'Absence reasons whose days are not billed; none when left out.' })
  @IsOptional()
  excludedAbsenceReasons?: AbsenceReason[];
}

@InputType({ description: 'Changes to cost terms: only the fields given change.' })
export class UpdateMouCostTermInput {
  @Field({ description: 'The version you last read.' })
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: 'First day these terms apply.' })
  @OmittableNotNull()
  effectiveFrom?: string;

  @Field(() => CostBasis, { nullable: true, description: 'How the cost is reckoned.' })
  @OmittableNotNull()
  basis?: CostBasis;

  @Field({ nullable: true, description: 'Hours of a full-time day.' })
  @OmittableNotNull()
  hoursPerDay?: string;

  @Field({ nullable: true, description: 'District share on instructional days, percent.' })
  @OmittableNotNull()
  instructionalSharePercent?: string;

  @Field({ nullable: true, description: 'District share on non-instructional working days, percent.' })
  @OmittableNotNull()
  nonInstructionalSharePercent?: string;

  @Field(() => [HourlyRateInput], { nullable: true, description: 'Hourly rates by rank (the whole list).' })
  @OmittableNotNull()
  hourlyRates?: HourlyRateInput[];

  @Field(() => String, { nullable: true, description: 'Annual amount per full-time officer.' })
  @IsOptional()
  annualAmount?: string | null;

  @Field(() => [AbsenceReason], { nullable: true, description: 'Absence reasons whose days are not billed (the whole list).' })
  @OmittableNotNull()
  excludedAbsenceReasons?: AbsenceReason[];
}

@InputType({ description: 'Changes applied to several cost terms at once.' })
export class BulkUpdateMouCostTermInput {
  @Field(() => [AbsenceReason], { nullable: true, description: 'Absence reasons whose days are not billed.' })
  @OmittableNotNull()
  excludedAbsenceReasons?: AbsenceReason[];
}
