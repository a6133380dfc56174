import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { School } from '../school/school.entity';
import { schoolPolicy } from '../school/school.policy';
import { Assignment } from './assignment.entity';
import { assignmentPolicy } from './assignment.policy';
import { activeOn, checkAssignment } from './assignment.rules';
import {
  assignmentSortColumns,
  type AssignmentFilter,
  type BulkUpdateAssignmentInput,
  type CreateAssignmentInput,
  type UpdateAssignmentInput,
} from './assignment.inputs';

async function check(em: EntityManager, _ctx: RequestContext, assignment: Assignment, isNew: boolean): Promise<void> {
  if (assignment.endDate && assignment.endDate < assignment.startDate) {
    throw badInput('The end date cannot be before the start date', { endDate: ['endDate must be on or after startDate'] });
  }
  await checkAssignment(em, assignment, isNew);
}

export const assignmentService = new CrudService<
  Assignment,
  AssignmentFilter,
  CreateAssignmentInput,
  UpdateAssignmentInput,
  BulkUpdateAssignmentInput
>({
  entity: Assignment,
  policy: assignmentPolicy,
  sortColumns: assignmentSortColumns,
  where(filter) {
    const where: FilterQuery<Assignment>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.officerId) where.push({ officer: parseId(filter.officerId, 'filter.officerId') });
    if (filter?.schoolId) where.push({ school: parseId(filter.schoolId, 'filter.schoolId') });
    if (filter?.agencyId) where.push({ officer: { agency: parseId(filter.agencyId, 'filter.agencyId') } });
    if (filter?.role) where.push({ role: filter.role });
    if (filter?.activeOn) where.push(activeOn(filter.activeOn));
    if (filter?.activeFrom) where.push({ $or: [{ endDate: null }, { endDate: { $gte: filter.activeFrom } }] });
    if (filter?.activeTo) where.push({ startDate: { $lte: filter.activeTo } });
    if (filter?.endsFrom) where.push({ endDate: { $gte: filter.endsFrom } });
    if (filter?.endsTo) where.push({ endDate: { $lte: filter.endsTo } });
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({
        $or: [
          { officer: { lastName: { $ilike: like } } },
          { officer: { firstName: { $ilike: like } } },
          { school: { name: { $ilike: like } } },
        ],
      });
    }
    return { $and: where };
  },
  async build(em, ctx, { officerId, schoolId, ...values }) {
    const officer = await reference(em, ctx, Officer, officerPolicy, officerId, 'officerId');
    const school = await reference(em, ctx, School, schoolPolicy, schoolId, 'schoolId');
    return em.create(Assignment, { ...values, officer, school });
  },
  async apply(em, ctx, assignment, { officerId, schoolId, ...values }: Partial<UpdateAssignmentInput>) {
    if (officerId !== undefined) assignment.officer = ref(await reference(em, ctx, Officer, officerPolicy, officerId, 'officerId'));
    if (schoolId !== undefined) assignment.school = ref(await reference(em, ctx, School, schoolPolicy, schoolId, 'schoolId'));
    assignDefined(assignment, values);
  },
  check,
});
