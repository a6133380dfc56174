import { ref, type FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { requireActor } from '../../common/policy';
import { parseId, parseIds } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import { Assignment } from '../assignment/assignment.entity';
import { activeOn } from '../assignment/assignment.rules';
import { agencyPolicy } from '../agency/agency.policy';
import { Officer } from './officer.entity';
import { officerPolicy, type OfficerHiddenField } from './officer.policy';
import {
  officerSortColumns,
  type BulkUpdateOfficerInput,
  type CreateOfficerInput,
  type OfficerFilter,
  type UpdateOfficerInput,
} from './officer.inputs';

export const officerService = new CrudService<Officer, OfficerFilter, CreateOfficerInput, UpdateOfficerInput, BulkUpdateOfficerInput>({
  entity: Officer,
  policy: officerPolicy,
  sortColumns: officerSortColumns,
  where(filter, ctx) {
    const actor = requireActor(ctx.actor);
    // A condition on a hidden field matches only officers on whom the actor may read it (officer.policy.ts).
    const ifReadable = (field: OfficerHiddenField, condition: FilterQuery<Officer>) => officerPolicy.filterOn(actor, field, condition);
    const where: FilterQuery<Officer>[] = [];
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({
        $or: [
          { firstName: { $ilike: like } },
          { lastName: { $ilike: like } },
          ifReadable('badgeNumber', { badgeNumber: { $ilike: like } }),
        ],
      });
    }
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.agencyId) where.push({ agency: parseId(filter.agencyId, 'filter.agencyId') });
    if (filter?.status) where.push(ifReadable('status', { status: filter.status }));
    if (filter?.rank) where.push({ rank: filter.rank });
    const assignment: FilterQuery<Assignment>[] = [];
    if (filter?.schoolId) assignment.push({ school: parseId(filter.schoolId, 'filter.schoolId') });
    if (filter?.assignedOn) assignment.push(activeOn(filter.assignedOn));
    if (assignment.length) where.push({ assignments: { $some: { $and: assignment } } });
    if (filter?.unassignedOn) where.push({ assignments: { $none: activeOn(filter.unassignedOn) } });
    return { $and: where };
  },
  async build(em, ctx, { agencyId, ...values }) {
    const agency = await reference(em, ctx, Agency, agencyPolicy, agencyId, 'agencyId');
    return em.create(Officer, { ...values, agency, status: values.status ?? undefined });
  },
  async apply(em, ctx, officer, { agencyId, ...values }: Partial<UpdateOfficerInput>) {
    if (agencyId !== undefined) officer.agency = ref(await reference(em, ctx, Agency, agencyPolicy, agencyId, 'agencyId'));
    assignDefined(officer, values);
  },
});
