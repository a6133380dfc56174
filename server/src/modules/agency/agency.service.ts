import type { FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined } from '../../common/crud';
import { parseIds } from '../../common/validation';
import { Agency } from './agency.entity';
import { agencyPolicy } from './agency.policy';
import {
  agencySortColumns,
  type AgencyFilter,
  type BulkUpdateAgencyInput,
  type CreateAgencyInput,
  type UpdateAgencyInput,
} from './agency.inputs';

export const agencyService = new CrudService<Agency, AgencyFilter, CreateAgencyInput, UpdateAgencyInput, BulkUpdateAgencyInput>({
  entity: Agency,
  policy: agencyPolicy,
  sortColumns: agencySortColumns,
  where(filter) {
    const where: FilterQuery<Agency>[] = [];
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({ $or: [{ name: { $ilike: like } }, { chiefName: { $ilike: like } }, { ori: { $ilike: like } }] });
    }
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    return { $and: where };
  },
  async build(em, _ctx, input) {
    return em.create(Agency, { ...input, active: input.active ?? true });
  },
  async apply(_em, _ctx, agency, input) {
    assignDefined(agency, input);
  },
});
