import type { FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput } from '../../common/errors';
import { parseId } from '../../common/validation';
import { Mou } from './mou.entity';
import { CostBasis, MouCostTerm } from './mou-cost-term.entity';
import {
  mouCostTermSortColumns,
  type BulkUpdateMouCostTermInput,
  type CreateMouCostTermInput,
  type HourlyRateInput,
  type MouCostTermFilter,
  type UpdateMouCostTermInput,
} from './mou-cost-term.inputs';
import { mouCostTermPolicy, mouPolicy } from './mou.policy';

/** An exact decimal as text: digits, at most `scale` decimals. Money never passes through floating point. */
const DECIMAL = (scale: number) => new RegExp(`^\\d{1,10}(\\.\\d{1,${scale}})?$`);

function decimal(value: string, field: string, scale: number, max?: number): string {
  const text = value.trim();
  if (!DECIMAL(scale).test(text) || (max !== undefined && Number(text) > max)) {
    throw badInput(`${field} must be a decimal number with at most ${scale} decimals${max === undefined ? '' : ` up to ${max}`}`, {
      [field]: [`Not a valid amount: ${value}`],
    });
  }
  return text;
}

function rates(list: HourlyRateInput[]) {
  const ranks = list.map((rate) => rate.rank);
  if (new Set(ranks).size !== ranks.length) throw badInput('Each rank has one rate', { hourlyRates: ['A rank is listed twice'] });
  return list.map(({ rank, hourlyRate }) => ({ rank, hourlyRate: decimal(hourlyRate, 'hourlyRates', 2) }));
}

export const mouCostTermService = new CrudService<
  MouCostTerm,
  MouCostTermFilter,
  CreateMouCostTermInput,
  UpdateMouCostTermInput,
  BulkUpdateMouCostTermInput
>({
  entity: MouCostTerm,
  policy: mouCostTermPolicy,
  sortColumns: mouCostTermSortColumns,
  populate: ['mou'],
  where(filter) {
    const where: FilterQuery<MouCostTerm>[] = [];
    if (filter?.mouId) where.push({ mou: parseId(filter.mouId, 'filter.mouId') });
    return { $and: where };
  },
  async build(em, ctx, { mouId, hourlyRates, ...values }) {
    const mou = await reference(em, ctx, Mou, mouPolicy, mouId, 'mouId');
    return em.create(MouCostTerm, { ...values, mou, hoursPerDay: values.hoursPerDay ?? '8', hourlyRates: rates(hourlyRates ?? []) });
  },
  async apply(_em, _ctx, term, { hourlyRates, ...values }: Partial<UpdateMouCostTermInput>) {
    if (hourlyRates !== undefined) term.hourlyRates = rates(hourlyRates);
    assignDefined(term, values);
  },
  async check(_em, _ctx, term) {
    term.hoursPerDay = decimal(String(term.hoursPerDay), 'hoursPerDay', 2, 24);
    term.instructionalSharePercent = decimal(String(term.instructionalSharePercent), 'instructionalSharePercent', 2, 100);
    term.nonInstructionalSharePercent = decimal(String(term.nonInstructionalSharePercent), 'nonInstructionalSharePercent', 2, 100);
    if (term.annualAmount != null) term.annualAmount = decimal(String(term.annualAmount), 'annualAmount', 2);
    if (term.basis === CostBasis.ANNUAL_PER_OFFICER && term.annualAmount == null) {
      throw badInput('An annual basis needs the annual amount', { annualAmount: ['Give the annual amount per officer'] });
    }
  },
});
