import type { FilterQuery } from '@mikro-orm/core';
import { addDays } from '../../common/dates';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { expectVersion, findPage, findVisible, orderBy } from '../../common/crud';
import { badInput, forbidden, notFound } from '../../common/errors';
import type { PageArgs, SortArg } from '../../common/list';
import { requireRole } from '../../common/policy';
import { parseId, parseIds } from '../../common/validation';
import { CorrectiveAction } from './corrective-action.entity';
import { SafetyAuditFinding } from './safety-audit.entity';
import { CorrectiveActionStatus, type FindingSeverity } from './safety-audit.enums';
import {
  correctiveActionSortColumns,
  type CorrectiveActionFilter,
  type CreateCorrectiveActionInput,
  type UpdateCorrectiveActionInput,
} from './safety-audit.inputs';
import { correctiveActionPolicy, safetyAuditFindingPolicy } from './safety-audit.policy';
import { FAILING_RESULTS } from './safety-audit.service';

/** The module's configuration (config.ts: AUDIT_CYCLE_MONTHS, ACTION_DUE_DAYS_*). */
export interface SafetyAuditSettings {
  cycleMonths: number;
  dueDays: Record<FindingSeverity, number>;
}

/** The defaults of config.ts, for schemas built without a configuration (tests, schema:emit). */
export const DEFAULT_SAFETY_AUDIT_SETTINGS: SafetyAuditSettings & { programYearStartMonth: number } = {
  programYearStartMonth: 7,
  cycleMonths: 12,
  dueDays: { CRITICAL: 7, HIGH: 30, MEDIUM: 90, LOW: 180 },
};

export function listCorrectiveActions(
  ctx: RequestContext,
  filter: CorrectiveActionFilter | undefined,
  sort: SortArg<string>,
  page: PageArgs,
) {
  const actor = requireRole(ctx.actor, ...correctiveActionPolicy.readers);
  const where: FilterQuery<CorrectiveAction>[] = [];
  if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
  if (filter?.auditId) where.push({ finding: { audit: parseId(filter.auditId, 'filter.auditId') } });
  if (filter?.schoolId) where.push({ finding: { audit: { school: parseId(filter.schoolId, 'filter.schoolId') } } });
  if (filter?.status) where.push({ status: filter.status });
  if (filter?.owner) where.push({ owner: filter.owner });
  const overdue: FilterQuery<CorrectiveAction> = { dueOn: { $lt: ctx.today }, status: { $ne: CorrectiveActionStatus.DONE } };
  if (filter?.overdue === true) where.push(overdue);
  if (filter?.overdue === false) where.push({ $not: overdue });
  const order = orderBy<CorrectiveAction>(sort, correctiveActionSortColumns, {
    policy: correctiveActionPolicy,
    meta: ctx.em.getMetadata().get(CorrectiveAction.name),
    actor,
  });
  return findPage(ctx, CorrectiveAction, correctiveActionPolicy, { $and: where }, order, page);
}

export function getCorrectiveAction(ctx: RequestContext, id: number) {
  requireRole(ctx.actor, ...correctiveActionPolicy.readers);
  return findVisible(ctx.em, ctx, CorrectiveAction, correctiveActionPolicy, id);
}

function checkCompletedOn(ctx: RequestContext, completedOn: string | null | undefined) {
  if (completedOn && completedOn > ctx.today)
    throw badInput('An action cannot be completed in the future', { completedOn: [`completedOn must be on or before ${ctx.today}`] });
}

export function createCorrectiveAction(ctx: RequestContext, input: CreateCorrectiveActionInput, settings: SafetyAuditSettings) {
  requireRole(ctx.actor, ...correctiveActionPolicy.writers);
  return ctx.em.transactional(async (em) => {
    const finding = await findVisible(em, ctx, SafetyAuditFinding, safetyAuditFindingPolicy, parseId(input.findingId, 'findingId'), [
      'audit',
    ]);
    if (!finding) throw badInput('findingId does not name a finding you can see', { findingId: [`No finding with id ${input.findingId}`] });
    if (!FAILING_RESULTS.has(finding.result) || !finding.severity)
      throw badInput('A corrective action is raised from a NEEDS_IMPROVEMENT or DEFICIENT finding only', {
        findingId: ['This item met its criterion'],
      });
    const dueOn = input.dueOn ?? addDays(finding.audit.getEntity().date, settings.dueDays[finding.severity]);
    const row = em.create(CorrectiveAction, { finding, what: input.what.trim(), owner: input.owner, dueOn });
    await em.persistAndFlush(row);
    audit(em, ctx, { action: 'create', entityType: 'CorrectiveAction', entityId: row.id, after: snapshot(row) });
    await em.flush();
    return row;
  });
}

export function updateCorrectiveAction(ctx: RequestContext, id: number, input: UpdateCorrectiveActionInput) {
  requireRole(ctx.actor, ...correctiveActionPolicy.writers);
  return ctx.em.transactional(async (em) => {
    const row = await findVisible(em, ctx, CorrectiveAction, correctiveActionPolicy, id);
    if (!row) throw notFound('CorrectiveAction', id);
    if (correctiveActionPolicy.rules(ctx.actor!.role).update === null) throw forbidden('You may not change this corrective action');
    expectVersion(row, input.version, 'CorrectiveAction');
    const before = snapshot(row);
    const { version: _version, ...changes } = input;
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) (row as unknown as Record<string, unknown>)[key] = value;
    if (row.status === CorrectiveActionStatus.DONE) row.completedOn ??= ctx.today;
    else row.completedOn = null;
    if (row.status !== CorrectiveActionStatus.DEFERRED) row.deferredReason = null;
    else if (!row.deferredReason?.trim())
      throw badInput('A DEFERRED action needs the reason', { deferredReason: ['Say why it is deferred'] });
    checkCompletedOn(ctx, row.completedOn);
    audit(em, ctx, { action: 'update', entityType: 'CorrectiveAction', entityId: id, before, after: snapshot(row) });
    await em.flush();
    return row;
  });
}
