import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput, forbidden } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { School } from '../school/school.entity';
import { schoolPolicy } from '../school/school.policy';
import { Activity, ActivityCategory } from './activity.entity';
import { activityPolicy } from './activity.policy';
import {
  activitySortColumns,
  type ActivityFilter,
  type BulkUpdateActivityInput,
  type CreateActivityInput,
  type UpdateActivityInput,
} from './activity.inputs';

async function officerFor(em: EntityManager, ctx: RequestContext, officerId: string | null | undefined): Promise<Officer> {
  const actor = requireActor(ctx.actor);
  if (actor.role === Role.OFFICER) {
    if (officerId && parseId(officerId, 'officerId') !== actor.officerId) throw forbidden('An officer logs activities only as itself');
    return reference(em, ctx, Officer, officerPolicy, actor.officerId ?? 0, 'officerId');
  }
  if (!officerId) throw badInput('officerId is required', { officerId: ['Choose the officer'] });
  return reference(em, ctx, Officer, officerPolicy, officerId, 'officerId');
}

async function schoolFor(em: EntityManager, ctx: RequestContext, schoolId: string | null | undefined) {
  return schoolId ? ref(await reference(em, ctx, School, schoolPolicy, schoolId, 'schoolId')) : null;
}

async function check(_em: EntityManager, ctx: RequestContext, activity: Activity): Promise<void> {
  if (activity.date > ctx.today)
    throw badInput('An activity cannot be in the future', { date: [`date must be on or before ${ctx.today}`] });
  if (activity.topic && activity.category !== ActivityCategory.CLASSROOM_INSTRUCTION) {
    throw badInput('A topic is only for CLASSROOM_INSTRUCTION', { topic: ['Leave the topic empty for this category'] });
  }
}

export const activityService = new CrudService<Activity, ActivityFilter, CreateActivityInput, UpdateActivityInput, BulkUpdateActivityInput>(
  {
    entity: Activity,
    policy: activityPolicy,
    sortColumns: activitySortColumns,
    populate: ['officer'],
    where(filter) {
      const where: FilterQuery<Activity>[] = [];
      if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
      if (filter?.officerId) where.push({ officer: parseId(filter.officerId, 'filter.officerId') });
      if (filter?.schoolId) where.push({ school: parseId(filter.schoolId, 'filter.schoolId') });
      if (filter?.districtWide === true) where.push({ school: null });
      if (filter?.districtWide === false) where.push({ school: { $ne: null } });
      if (filter?.agencyId) where.push({ agency: parseId(filter.agencyId, 'filter.agencyId') });
      if (filter?.category) where.push({ category: filter.category });
      if (filter?.topic) where.push({ topic: filter.topic });
      if (filter?.dateFrom) where.push({ date: { $gte: filter.dateFrom } });
      if (filter?.dateTo) where.push({ date: { $lte: filter.dateTo } });
      if (filter?.q) {
        const like = `%${filter.q}%`;
        where.push({
          $or: [{ notes: { $ilike: like } }, { officer: { lastName: { $ilike: like } } }, { school: { name: { $ilike: like } } }],
        });
      }
      return { $and: where };
    },
    async build(em, ctx, { officerId, schoolId, ...values }) {
      const officer = await officerFor(em, ctx, officerId);
      const school = await schoolFor(em, ctx, schoolId);
      return em.create(Activity, {
        ...values,
        studentsReached: values.studentsReached ?? 0,
        staffReached: values.staffReached ?? 0,
        officer,
        school,
      });
    },
    async apply(em, ctx, activity, { officerId, schoolId, ...values }: Partial<UpdateActivityInput>) {
      if (officerId !== undefined) activity.officer = ref(await officerFor(em, ctx, officerId));
      if (schoolId !== undefined) activity.school = await schoolFor(em, ctx, schoolId);
      assignDefined(activity, values);
    },
    check,
  },
);
