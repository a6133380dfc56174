import type { FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { addDays } from '../../common/dates';
import { badInput } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import { agencyPolicy } from '../agency/agency.policy';
import { Mou, MouStatus } from './mou.entity';
import {
  mouSortColumns,
  type BulkUpdateMouInput,
  type CreateMouInput,
  type MouElementInput,
  type MouFilter,
  type MouPositionInput,
  type MouSignatoryInput,
  type UpdateMouInput,
} from './mou.inputs';
import { mouPolicy } from './mou.policy';

export interface AgreementSettings {
  /** MOU_RENEWAL_DAYS: an agreement IN_FORCE expiring within this many days from today is one to renew. */
  renewalDays: number;
}

/** Agreements IN_FORCE whose expiry falls within [today, today + renewalDays], as an ORM filter. */
export const toRenew = (today: string, renewalDays: number): FilterQuery<Mou> => ({
  status: MouStatus.IN_FORCE,
  expiryDate: { $gte: today, $lte: addDays(today, renewalDays) },
});

/** Each element and each rank at most once; blank names refused; counts of 1 or more. */
function checkLists(mou: Mou): void {
  const elements = mou.elements.map((element) => element.element);
  if (new Set(elements).size !== elements.length)
    throw badInput('Each COPS element appears once', { elements: ['An element is listed twice'] });
  const ranks = mou.positions.map((position) => position.rank);
  if (new Set(ranks).size !== ranks.length) throw badInput('Each rank appears once', { positions: ['A rank is listed twice'] });
  if (mou.positions.some((position) => !Number.isInteger(position.count) || position.count < 1 || position.count > 10_000)) {
    throw badInput('A count of positions is from 1 to 10000', { positions: ['count must be from 1 to 10000'] });
  }
  if (mou.signatories.some((signatory) => !signatory.name.trim() || !signatory.title.trim())) {
    throw badInput('A signatory needs a name and a title', { signatories: ['name and title must not be blank'] });
  }
}

const signatories = (list: MouSignatoryInput[]) =>
  list.map(({ name, title, signedOn }) => ({ name: name.trim(), title: title.trim(), signedOn: signedOn ?? null }));
const elements = (list: MouElementInput[]) =>
  list.map(({ element, addressed, location }) => ({ element, addressed, location: location?.trim() || null }));
const positions = (list: MouPositionInput[]) => list.map(({ rank, count }) => ({ rank, count }));

export function mouService({ renewalDays }: AgreementSettings) {
  return new CrudService<Mou, MouFilter, CreateMouInput, UpdateMouInput, BulkUpdateMouInput>({
    entity: Mou,
    policy: mouPolicy,
    sortColumns: mouSortColumns,
    populate: ['agency'],
    where(filter, ctx) {
      const where: FilterQuery<Mou>[] = [];
      if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
      if (filter?.agencyId) where.push({ agency: parseId(filter.agencyId, 'filter.agencyId') });
      if (filter?.status) where.push({ status: filter.status });
      if (filter?.inForceOn) where.push({ effectiveDate: { $lte: filter.inForceOn }, expiryDate: { $gte: filter.inForceOn } });
      if (filter?.toRenew === true) where.push(toRenew(ctx.today, renewalDays));
      if (filter?.toRenew === false) where.push({ $not: toRenew(ctx.today, renewalDays) });
      if (filter?.q) where.push({ title: { $ilike: `%${filter.q}%` } });
      return { $and: where };
    },
    async build(em, ctx, input) {
      const agency = await reference(em, ctx, Agency, agencyPolicy, input.agencyId, 'agencyId');
      return em.create(Mou, {
        agency,
        title: input.title.trim(),
        effectiveDate: input.effectiveDate,
        expiryDate: input.expiryDate,
        status: input.status ?? MouStatus.DRAFT,
        signatories: signatories(input.signatories ?? []),
        elements: elements(input.elements ?? []),
        positions: positions(input.positions ?? []),
      });
    },
    async apply(em, ctx, mou, input: Partial<UpdateMouInput>) {
      const { agencyId, signatories: signers, elements: checklist, positions: funded, title, ...values } = input;
      if (agencyId !== undefined)
        mou.agency = em.getReference(Agency, (await reference(em, ctx, Agency, agencyPolicy, agencyId, 'agencyId')).id, { wrapped: true });
      if (title !== undefined) mou.title = title.trim();
      if (signers !== undefined) mou.signatories = signatories(signers);
      if (checklist !== undefined) mou.elements = elements(checklist);
      if (funded !== undefined) mou.positions = positions(funded);
      assignDefined(mou, values);
    },
    async check(_em, _ctx, mou) {
      if (mou.expiryDate < mou.effectiveDate) {
        throw badInput('The expiry date cannot be before the effective date', {
          expiryDate: ['expiryDate must be on or after effectiveDate'],
        });
      }
      if (!mou.title.trim()) throw badInput('The title must not be blank', { title: ['title must not be blank'] });
      checkLists(mou);
    },
  });
}
