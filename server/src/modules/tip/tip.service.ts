import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { CrudService, findPage, reference } from '../../common/crud';
import { badInput, conflict, forbidden } from '../../common/errors';
import type { Page, PageArgs } from '../../common/list';
import { requireActor, requireRole } from '../../common/policy';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { School } from '../school/school.entity';
import { schoolPolicy } from '../school/school.policy';
import { TipOfficer } from './tip-officer.entity';
import { TipStep } from './tip-step.entity';
import { Tip, TipStatus, type TipDisposition } from './tip.entity';
import { tipSortColumns, type BulkUpdateTipInput, type CreateTipInput, type TipFilter, type UpdateTipInput } from './tip.inputs';
import { tipOfficerPolicy, tipPolicy } from './tip.policy';
import { allowedMinutes } from './tip.settings';

/** Open tips without a first action past their deadline, as a filter (times as text: the statement cache binds them). */
export function overdueWhere(now = new Date()): FilterQuery<Tip> {
  const before = (lifeSafety: boolean) => new Date(now.getTime() - allowedMinutes(lifeSafety) * 60_000).toISOString();
  return {
    firstActionAt: null,
    status: { $ne: TipStatus.CLOSED },
    $or: [
      { lifeSafety: true, receivedAt: { $lt: before(true) } },
      { lifeSafety: false, receivedAt: { $lt: before(false) } },
    ],
  } as FilterQuery<Tip>;
}

async function schoolFor(em: EntityManager, ctx: RequestContext, schoolId: string | null | undefined) {
  return schoolId ? ref(await reference(em, ctx, School, schoolPolicy, schoolId, 'schoolId')) : null;
}

/**
 * Replaces a tip's assigned officers; a chief assigns and unassigns only its own agency's officers, an officer
 * neither. Every officer added and dropped is checked before anything is written.
 */
async function assign(em: EntityManager, ctx: RequestContext, tip: Tip, officerIds: string[]): Promise<void> {
  const actor = requireActor(ctx.actor);
  const before = tip.id ? await em.find(TipOfficer, { tip: tip.id }) : [];
  const had = new Set(before.map((assignee) => assignee.officer.id));
  const officers: Officer[] = [];
  for (const id of new Set(parseIds(officerIds, 'officerIds'))) {
    const officer = await reference(em, ctx, Officer, officerPolicy, id, 'officerIds');
    // Keeping an officer already assigned is no new assignment.
    if (
      !had.has(officer.id) &&
      !tipOfficerPolicy.allowsFacts(actor, 'create', { officerId: officer.id, agencyId: officer.agency.id }, ctx.today)
    )
      throw forbidden(`You may not assign officer ${officer.id} to a tip: only your own agency's officers`);
    officers.push(officer);
  }
  if (tip.status === TipStatus.CLOSED) throw conflict('This tip is closed: its officers no longer change', { reason: 'TIP_CLOSED' });
  const keep = new Set(officers.map((officer) => officer.id));
  const gone = [...had].filter((id) => !keep.has(id));
  // An officer the actor does not read has no agency here, and so is refused.
  const agencies = new Map(
    (gone.length ? await em.find(Officer, { id: { $in: gone } }) : []).map((officer) => [officer.id, officer.agency.id]),
  );
  for (const officerId of gone)
    if (!tipOfficerPolicy.allowsFacts(actor, 'delete', { officerId, agencyId: agencies.get(officerId) }, ctx.today))
      throw forbidden(`You may not unassign officer ${officerId} from the tip: only your own agency's officers`);
  if (gone.length) {
    // Row security skips a row it refuses without an error: count the rows gone so a refused removal never passes.
    const removed = await em.nativeDelete(TipOfficer, { tip: tip.id, officer: { $in: gone } });
    if (removed !== gone.length) throw forbidden("You may not unassign some of the tip's officers");
  }
  for (const officer of officers) if (!had.has(officer.id)) em.create(TipOfficer, { tip, officer });
  if (officers.length && tip.status === TipStatus.RECEIVED) tip.status = TipStatus.ASSIGNED;
  audit(em, ctx, {
    action: 'assign',
    entityType: 'Tip',
    entityId: tip.id,
    details: { before: [...had].sort((a, b) => a - b), after: [...keep].sort((a, b) => a - b) },
  });
}

function close(tip: Tip, disposition: TipDisposition): void {
  if (tip.status === TipStatus.CLOSED) throw conflict('This tip is already closed', { reason: 'TIP_CLOSED' });
  tip.status = TipStatus.CLOSED;
  tip.disposition = disposition;
  tip.closedAt = new Date();
}

function check(_em: EntityManager, _ctx: RequestContext, tip: Tip): Promise<void> {
  if (tip.receivedAt.getTime() > Date.now() + 60_000)
    throw badInput('A tip cannot be received in the future', { receivedAt: ['receivedAt must not be in the future'] });
  return Promise.resolve();
}

export const tipService = new CrudService<Tip, TipFilter, CreateTipInput, UpdateTipInput, BulkUpdateTipInput>({
  entity: Tip,
  policy: tipPolicy,
  sortColumns: tipSortColumns,
  where(filter, ctx) {
    const where: FilterQuery<Tip>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.source) where.push({ source: filter.source });
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.schoolId) where.push({ school: parseId(filter.schoolId, 'filter.schoolId') });
    if (filter?.lifeSafety !== undefined && filter.lifeSafety !== null) where.push({ lifeSafety: filter.lifeSafety });
    if (filter?.officerId) where.push({ assignees: { $some: { officer: parseId(filter.officerId, 'filter.officerId') } } });
    if (filter?.mine) where.push({ assignees: { $some: { officer: requireActor(ctx.actor).officerId ?? 0 } } });
    if (filter?.overdue === true) where.push(overdueWhere());
    if (filter?.overdue === false) where.push({ $not: overdueWhere() } as FilterQuery<Tip>);
    if (filter?.q) where.push({ referenceNumber: { $ilike: `%${filter.q}%` } });
    return { $and: where };
  },
  async build(em, ctx, { schoolId, officerIds, ...values }) {
    const tip = em.create(Tip, { ...values, lifeSafety: values.lifeSafety ?? false, school: await schoolFor(em, ctx, schoolId) });
    if (officerIds?.length) await assign(em, ctx, tip, officerIds);
    return tip;
  },
  async apply(em, ctx, tip, input: Partial<UpdateTipInput>) {
    const { schoolId, officerIds, closeAs, version: _version, ...values } = input;
    if (schoolId !== undefined) tip.school = await schoolFor(em, ctx, schoolId);
    for (const [key, value] of Object.entries(values)) if (value !== undefined) (tip as unknown as Record<string, unknown>)[key] = value;
    if (officerIds !== undefined) await assign(em, ctx, tip, officerIds);
    if (closeAs) close(tip, closeAs);
  },
  check,
  // A tip's steps go with it, and the activities they count as with them.
  async beforeDelete(em, ctx, tip) {
    for (const step of await em.find(TipStep, { tip: tip.id }, { populate: ['activity'] })) {
      audit(em, ctx, { action: 'delete', entityType: 'TipStep', entityId: step.id, before: snapshot(step) });
      audit(em, ctx, { action: 'delete', entityType: 'Activity', entityId: step.activity.id, before: snapshot(step.activity.getEntity()) });
      em.remove(step);
      em.remove(step.activity.getEntity());
    }
  },
});

/**
 * The queue: tips nobody is assigned to and tips overdue for their first action, life-safety first, then oldest
 * first. Each reader sees its own tips' queue.
 */
export function tipQueue(ctx: RequestContext, page: PageArgs): Promise<Page<Tip>> {
  requireRole(ctx.actor, ...tipPolicy.readers);
  const where = { $or: [{ status: TipStatus.RECEIVED }, overdueWhere()] } as FilterQuery<Tip>;
  const order = { orm: [{ lifeSafety: 'desc' }, { receivedAt: 'asc' }, { id: 'asc' }] as never, values: [] };
  return findPage(ctx, Tip, tipPolicy, where, order, page);
}

/** The officers assigned to a tip, that the actor may see. */
export async function assignedOfficers(ctx: RequestContext, tip: Tip): Promise<Officer[]> {
  const actor = requireActor(ctx.actor);
  if (actor.role === Role.ANALYST) return [];
  const rows = await ctx.em.find(TipOfficer, { tip: tip.id }, { populate: ['officer'], orderBy: { officer: { lastName: 'asc' } } });
  return rows.map((row) => row.officer.getEntity());
}
