import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { OfficerAbsence } from './officer-absence.entity';
import { officerAbsencePolicy } from './officer-absence.policy';
import { absentOn, checkAbsence } from './officer-absence.rules';
import {
  officerAbsenceSortColumns,
  type BulkUpdateOfficerAbsenceInput,
  type CreateOfficerAbsenceInput,
  type OfficerAbsenceFilter,
  type UpdateOfficerAbsenceInput,
} from './officer-absence.inputs';

async function check(em: EntityManager, _ctx: RequestContext, absence: OfficerAbsence): Promise<void> {
  if (absence.endDate && absence.endDate < absence.startDate) {
    throw badInput('The end date cannot be before the start date', { endDate: ['endDate must be on or after startDate'] });
  }
  if (absence.substitute && absence.substitute.id === absence.officer.id) {
    throw badInput('An officer cannot substitute for itself', { substituteOfficerId: ['Name another officer, or none'] });
  }
  await checkAbsence(em, absence);
}

const substituteOf = async (em: EntityManager, ctx: RequestContext, id: string | null) =>
  id === null ? null : ref(await reference(em, ctx, Officer, officerPolicy, id, 'substituteOfficerId'));

export const officerAbsenceService = new CrudService<
  OfficerAbsence,
  OfficerAbsenceFilter,
  CreateOfficerAbsenceInput,
  UpdateOfficerAbsenceInput,
  BulkUpdateOfficerAbsenceInput
>({
  entity: OfficerAbsence,
  policy: officerAbsencePolicy,
  sortColumns: officerAbsenceSortColumns,
  populate: ['officer', 'substitute'],
  where(filter) {
    const where: FilterQuery<OfficerAbsence>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.officerId) where.push({ officer: parseId(filter.officerId, 'filter.officerId') });
    if (filter?.substituteOfficerId) where.push({ substitute: parseId(filter.substituteOfficerId, 'filter.substituteOfficerId') });
    if (filter?.agencyId) where.push({ officer: { agency: parseId(filter.agencyId, 'filter.agencyId') } });
    if (filter?.reason) where.push({ reason: filter.reason });
    if (filter?.activeOn) where.push(absentOn(filter.activeOn));
    if (filter?.q) {
      const like = `%${filter.q}%`;
      where.push({
        $or: [
          { officer: { lastName: { $ilike: like } } },
          { officer: { firstName: { $ilike: like } } },
          { substitute: { lastName: { $ilike: like } } },
          { substitute: { firstName: { $ilike: like } } },
        ],
      });
    }
    return { $and: where };
  },
  async build(em, ctx, { officerId, substituteOfficerId, ...values }) {
    const officer = await reference(em, ctx, Officer, officerPolicy, officerId, 'officerId');
    const substitute = await substituteOf(em, ctx, substituteOfficerId ?? null);
    return em.create(OfficerAbsence, { ...values, officer, substitute });
  },
  async apply(em, ctx, absence, { officerId, substituteOfficerId, ...values }: Partial<UpdateOfficerAbsenceInput>) {
    if (officerId !== undefined) absence.officer = ref(await reference(em, ctx, Officer, officerPolicy, officerId, 'officerId'));
    if (substituteOfficerId !== undefined) absence.substitute = await substituteOf(em, ctx, substituteOfficerId);
    assignDefined(absence, values);
  },
  check,
});
