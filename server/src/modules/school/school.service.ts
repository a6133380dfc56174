import type { FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined } from '../../common/crud';
import { parseId, parseIds } from '../../common/validation';
import type { Assignment } from '../assignment/assignment.entity';
import { activeOn } from '../assignment/assignment.rules';
import { School } from './school.entity';
import { schoolPolicy } from './school.policy';
import {
  schoolSortColumns,
  type BulkUpdateSchoolInput,
  type CreateSchoolInput,
  type SchoolFilter,
  type UpdateSchoolInput,
} from './school.inputs';

export const schoolService = new CrudService<School, SchoolFilter, CreateSchoolInput, UpdateSchoolInput, BulkUpdateSchoolInput>({
  entity: School,
  policy: schoolPolicy,
  sortColumns: schoolSortColumns,
  where(filter) {
    const where: FilterQuery<School>[] = [];
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({ $or: [{ name: { $ilike: like } }, { ncesId: { $ilike: like } }, { principalName: { $ilike: like } }] });
    }
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.level) where.push({ level: filter.level });
    if (filter?.locale) where.push({ locale: filter.locale });
    if (filter?.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    const served: FilterQuery<Assignment>[] = [];
    if (filter?.agencyId) served.push({ officer: { agency: parseId(filter.agencyId, 'filter.agencyId') } });
    if (filter?.officerId) served.push({ officer: parseId(filter.officerId, 'filter.officerId') });
    if (served.length && filter?.servedOn) served.push(activeOn(filter.servedOn));
    if (served.length) where.push({ assignments: { $some: { $and: served } } });
    return { $and: where };
  },
  async build(em, _ctx, input) {
    return em.create(School, { ...input, active: input.active ?? true });
  },
  async apply(_em, _ctx, school, input) {
    assignDefined(school, input);
  },
});
