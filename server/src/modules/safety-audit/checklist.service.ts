import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { conflict, notFound } from '../../common/errors';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { ChecklistItem, ChecklistTemplate } from './checklist.entity';
import type { ChecklistItemInput } from './safety-audit.inputs';
import { checklistTemplatePolicy } from './safety-audit.policy';

export function checklistTemplates(ctx: RequestContext) {
  requireRole(ctx.actor, ...checklistTemplatePolicy.readers);
  return ctx.em.find(ChecklistTemplate, {}, { orderBy: { name: 'asc', versionNumber: 'desc' } });
}

/** A draft copy of a version, numbered after the highest version of its name. */
export function createChecklistVersion(ctx: RequestContext, fromId: number): Promise<ChecklistTemplate> {
  requireRole(ctx.actor, ...checklistTemplatePolicy.writers);
  return ctx.em.transactional(async (em) => {
    const from = await em.findOne(ChecklistTemplate, fromId);
    if (!from) throw notFound('ChecklistTemplate', fromId);
    const [latest] = await em.find(ChecklistTemplate, { name: from.name }, { orderBy: { versionNumber: 'desc' }, limit: 1 });
    const copy = em.create(ChecklistTemplate, { name: from.name, versionNumber: latest.versionNumber + 1 });
    await em.persistAndFlush(copy);
    const items = await em.find(ChecklistItem, { template: from.id }, { orderBy: { position: 'asc' } });
    for (const { area, position, criterion, guidance, defaultSeverity } of items)
      em.persist(em.create(ChecklistItem, { template: copy, area, position, criterion, guidance, defaultSeverity }));
    audit(em, ctx, {
      action: 'create',
      entityType: 'ChecklistTemplate',
      entityId: copy.id,
      after: snapshot(copy),
      details: { copiedFrom: from.id },
    });
    await em.flush();
    return copy;
  });
}

export function publishChecklistTemplate(ctx: RequestContext, id: number): Promise<ChecklistTemplate> {
  requireRole(ctx.actor, ...checklistTemplatePolicy.writers);
  return ctx.em.transactional(async (em) => {
    const template = await em.findOne(ChecklistTemplate, id);
    if (!template) throw notFound('ChecklistTemplate', id);
    if (template.publishedAt) throw conflict(`Checklist version ${id} is already published`, { reason: 'PUBLISHED' });
    template.publishedAt = new Date();
    audit(em, ctx, { action: 'publish', entityType: 'ChecklistTemplate', entityId: id, after: { publishedAt: template.publishedAt } });
    await em.flush();
    return template;
  });
}

/** Adds or changes an item of a draft version (the database refuses it for a published one). */
export function saveChecklistItem(ctx: RequestContext, templateId: number, input: ChecklistItemInput): Promise<ChecklistItem> {
  requireRole(ctx.actor, ...checklistTemplatePolicy.writers);
  return ctx.em.transactional(async (em) => {
    const template = await em.findOne(ChecklistTemplate, templateId);
    if (!template) throw notFound('ChecklistTemplate', templateId);
    if (template.publishedAt)
      throw conflict(`Checklist version ${templateId} is published and never changes: create a new version`, { reason: 'PUBLISHED' });
    const { id, ...values } = input;
    const item = id
      ? await em.findOne(ChecklistItem, { id: parseId(id), template: templateId })
      : em.create(ChecklistItem, { template, ...values });
    if (!item) throw notFound('ChecklistItem', id!);
    const before = id ? snapshot(item) : {};
    Object.assign(item, values);
    em.persist(item);
    await em.flush();
    audit(em, ctx, { action: id ? 'update' : 'create', entityType: 'ChecklistItem', entityId: item.id, before, after: snapshot(item) });
    await em.flush();
    return item;
  });
}
