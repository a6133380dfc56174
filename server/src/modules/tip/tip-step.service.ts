import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { CrudService, reference } from '../../common/crud';
import { today } from '../../common/dates';
import { badInput, conflict, forbidden } from '../../common/errors';
import { requireActor } from '../../common/policy';
import { parseId } from '../../common/validation';
import { Activity, ActivityCategory } from '../activity/activity.entity';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { TipStep } from './tip-step.entity';
import { Tip, TipStatus } from './tip.entity';
import {
  tipStepSortColumns,
  type BulkUpdateTipStepInput,
  type CreateTipStepInput,
  type TipStepFilter,
  type UpdateTipStepInput,
} from './tip.inputs';
import { tipPolicy, tipStepPolicy } from './tip.policy';
import { tipSettings } from './tip.settings';

async function officerFor(em: EntityManager, ctx: RequestContext, officerId: string | null | undefined): Promise<Officer> {
  const actor = requireActor(ctx.actor);
  if (actor.role === Role.OFFICER) {
    if (officerId && parseId(officerId, 'officerId') !== actor.officerId) throw forbidden('An officer logs tip steps only as itself');
    return reference(em, ctx, Officer, officerPolicy, actor.officerId ?? 0, 'officerId');
  }
  if (!officerId) throw badInput('officerId is required', { officerId: ['Choose the officer'] });
  return reference(em, ctx, Officer, officerPolicy, officerId, 'officerId');
}

/** The activity a step counts as: its officer's TIP_FOLLOW_UP, on the step's day in the program's time zone. */
function syncActivity(step: TipStep, tip: Tip, activity: Activity): void {
  activity.officer = ref(step.officer.getEntity());
  activity.school = tip.school ?? null;
  activity.date = today(tipSettings().timeZone, step.takenAt);
  activity.category = ActivityCategory.TIP_FOLLOW_UP;
  activity.durationMinutes = step.minutes;
}

/** The tip's first action is its earliest step; the first step also moves it on to IN_PROGRESS. */
// Not flushed here: a deleted step must leave before its activity, in the caller's one flush.
async function settleTip(em: EntityManager, ctx: RequestContext, tip: Tip, without?: TipStep): Promise<void> {
  const before = snapshot(tip);
  const steps = await em.find(TipStep, { tip: tip.id }, { fields: ['takenAt'] });
  const times = steps.filter((step) => step !== without).map((step) => step.takenAt.getTime());
  tip.firstActionAt = times.length ? new Date(Math.min(...times)) : null;
  if (times.length && (tip.status === TipStatus.RECEIVED || tip.status === TipStatus.ASSIGNED)) tip.status = TipStatus.IN_PROGRESS;
  audit(em, ctx, { action: 'update', entityType: 'Tip', entityId: tip.id, before, after: snapshot(tip) });
}

async function check(em: EntityManager, ctx: RequestContext, step: TipStep, isNew: boolean): Promise<void> {
  const tip = step.tip.getEntity();
  if (step.takenAt.getTime() > Date.now() + 60_000)
    throw badInput('A step cannot be in the future', { takenAt: ['takenAt must not be in the future'] });
  if (step.takenAt < tip.receivedAt)
    throw badInput('A step cannot come before the tip was received', { takenAt: ['takenAt must be after the tip was received'] });
  if (isNew && tip.status === TipStatus.CLOSED) throw conflict('This tip is closed: no more steps', { reason: 'TIP_CLOSED' });
  const activity = step.activity.getEntity();
  syncActivity(step, tip, activity);
  await em.flush();
  audit(em, ctx, {
    action: isNew ? 'create' : 'update',
    entityType: 'Activity',
    entityId: activity.id,
    after: snapshot(activity),
    details: { tipStepOf: tip.id },
  });
  await settleTip(em, ctx, tip);
}

export const tipStepService = new CrudService<TipStep, TipStepFilter, CreateTipStepInput, UpdateTipStepInput, BulkUpdateTipStepInput>({
  entity: TipStep,
  policy: tipStepPolicy,
  sortColumns: tipStepSortColumns,
  populate: ['officer', 'tip', 'activity'],
  where(filter) {
    const where: FilterQuery<TipStep>[] = [];
    if (filter?.tipId) where.push({ tip: parseId(filter.tipId, 'filter.tipId') });
    if (filter?.officerId) where.push({ officer: parseId(filter.officerId, 'filter.officerId') });
    return { $and: where };
  },
  async build(em, ctx, { tipId, officerId, takenAt, ...values }) {
    const tip = await reference(em, ctx, Tip, tipPolicy, tipId, 'tipId');
    const officer = await officerFor(em, ctx, officerId);
    const activity = em.create(Activity, {
      officer,
      school: tip.school ?? null,
      date: ctx.today,
      category: ActivityCategory.TIP_FOLLOW_UP,
      durationMinutes: values.minutes,
    });
    return em.create(TipStep, { ...values, tip, officer, activity, takenAt: takenAt ?? new Date() });
  },
  async apply(em, ctx, step, input: Partial<UpdateTipStepInput>) {
    for (const [key, value] of Object.entries(input))
      if (value !== undefined && key !== 'version') (step as unknown as Record<string, unknown>)[key] = value;
    await Promise.resolve();
  },
  check,
  async beforeDelete(em, ctx, step) {
    const activity = step.activity.getEntity();
    audit(em, ctx, { action: 'delete', entityType: 'Activity', entityId: activity.id, before: snapshot(activity) });
    em.remove(activity);
    await settleTip(em, ctx, step.tip.getEntity(), step);
  },
});
