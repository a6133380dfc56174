import DataLoader from 'dataloader';
import type { RequestContext } from '../../common/context';
import { requireActor, scoped } from '../../common/policy';
import { ChecklistItem } from './checklist.entity';
import { CorrectiveAction } from './corrective-action.entity';
import { SafetyAuditFinding, SafetyAuditOfficer } from './safety-audit.entity';
import { isOverdue } from './overdue';
import { safetyAuditFindingPolicy, safetyAuditOfficerPolicy } from './safety-audit.policy';

/** Rows of `load` grouped by a parent id, for many parents in one statement. */
function grouped<T>(ctx: RequestContext, key: string, load: (ids: number[]) => Promise<T[]>, parentOf: (row: T) => number) {
  return ctx.loaders.keyed(
    key,
    () =>
      new DataLoader<number, T[]>(async (ids) => {
        const rows = await load([...ids]);
        return ids.map((id) => rows.filter((row) => parentOf(row) === id));
      }),
  );
}

/** The officer ids on each audit's team. */
export function loadTeam(ctx: RequestContext, auditId: number): Promise<number[]> {
  const actor = requireActor(ctx.actor);
  return grouped(
    ctx,
    'safety-audit:team',
    async (ids) => {
      const filter = scoped(safetyAuditOfficerPolicy, actor, { audit: { $in: ids } });
      return filter === false ? [] : ctx.em.find(SafetyAuditOfficer, filter, { orderBy: { id: 'asc' } });
    },
    (member) => member.audit.id,
  )
    .load(auditId)
    .then((members) => members.map((member) => member.officer.id));
}

/** Each audit's findings, in checklist order. */
export function loadFindings(ctx: RequestContext, auditId: number): Promise<SafetyAuditFinding[]> {
  const actor = requireActor(ctx.actor);
  return grouped(
    ctx,
    'safety-audit:findings',
    async (ids) => {
      const filter = scoped(safetyAuditFindingPolicy, actor, { audit: { $in: ids } });
      return filter === false ? [] : ctx.em.find(SafetyAuditFinding, filter, { orderBy: { item: { position: 'asc' } } });
    },
    (finding) => finding.audit.id,
  ).load(auditId);
}

/** Each checklist version's items, in order. */
export function loadItems(ctx: RequestContext, templateId: number): Promise<ChecklistItem[]> {
  return grouped(
    ctx,
    'safety-audit:items',
    (ids) => ctx.em.find(ChecklistItem, { template: { $in: ids } }, { orderBy: { position: 'asc' } }),
    (item) => item.template.id,
  ).load(templateId);
}

/**
 * Whether each action is overdue. A list reads only the columns its query names (common/read-only.ts), and
 * `overdue` is not one of them: its due day and status are read here, for many actions in one statement.
 */
export function loadOverdue(ctx: RequestContext, actionId: number): Promise<boolean> {
  return ctx.loaders
    .keyed(
      'safety-audit:overdue',
      () =>
        new DataLoader<number, boolean>(async (ids) => {
          const rows = await ctx.em.find(CorrectiveAction, { id: { $in: [...ids] } }, { fields: ['dueOn', 'status'] });
          const overdue = new Map(rows.map((row) => [row.id, isOverdue(row, ctx.today)]));
          return ids.map((id) => overdue.get(id) ?? false);
        }),
    )
    .load(actionId);
}
