import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../common/actor';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { expectVersion, findPage, findVisible, orderBy, reference } from '../../common/crud';
import { badInput, conflict, notFound } from '../../common/errors';
import type { PageArgs, SortArg } from '../../common/list';
import { requireRole } from '../../common/policy';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';
import { schoolPolicy } from '../school/school.policy';
import { ChecklistItem, ChecklistTemplate } from './checklist.entity';
import { SafetyAudit, SafetyAuditFinding, SafetyAuditOfficer } from './safety-audit.entity';
import { FindingResult, SafetyAuditStatus } from './safety-audit.enums';
import {
  safetyAuditSortColumns,
  type CreateSafetyAuditInput,
  type FindingInput,
  type SafetyAuditFilter,
  type UpdateSafetyAuditInput,
} from './safety-audit.inputs';
import { safetyAuditPolicy } from './safety-audit.policy';

/** Results that call for a severity and may raise corrective actions. */
export const FAILING_RESULTS = new Set([FindingResult.NEEDS_IMPROVEMENT, FindingResult.DEFICIENT]);

export function listSafetyAudits(ctx: RequestContext, filter: SafetyAuditFilter | undefined, sort: SortArg<string>, page: PageArgs) {
  const actor = requireRole(ctx.actor, ...safetyAuditPolicy.readers);
  const where: FilterQuery<SafetyAudit>[] = [];
  if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
  if (filter?.schoolId) where.push({ school: parseId(filter.schoolId, 'filter.schoolId') });
  if (filter?.status) where.push({ status: filter.status });
  if (filter?.dateFrom) where.push({ date: { $gte: filter.dateFrom } });
  if (filter?.dateTo) where.push({ date: { $lte: filter.dateTo } });
  const order = orderBy<SafetyAudit>(sort, safetyAuditSortColumns, {
    policy: safetyAuditPolicy,
    meta: ctx.em.getMetadata().get(SafetyAudit.name),
    actor,
  });
  return findPage(ctx, SafetyAudit, safetyAuditPolicy, { $and: where }, order, page);
}

export function getSafetyAudit(ctx: RequestContext, id: number) {
  requireRole(ctx.actor, ...safetyAuditPolicy.readers);
  return findVisible(ctx.em, ctx, SafetyAudit, safetyAuditPolicy, id);
}

/** A DRAFT audit the actor may change: NOT_FOUND when hidden, CONFLICT when submitted. */
async function draftFor(em: EntityManager, ctx: RequestContext, id: number): Promise<SafetyAudit> {
  requireRole(ctx.actor, ...safetyAuditPolicy.writers);
  const row = await findVisible(em, ctx, SafetyAudit, safetyAuditPolicy, id);
  if (!row) throw notFound('SafetyAudit', id);
  if (row.status !== SafetyAuditStatus.DRAFT)
    throw conflict(`Safety audit ${id} is submitted and read-only: record a new audit instead`, { reason: 'SUBMITTED' });
  return row;
}

function checkDate(ctx: RequestContext, date: string) {
  if (date > ctx.today) throw badInput('An audit cannot be in the future', { date: [`date must be on or before ${ctx.today}`] });
}

/** The team's officer ids: an officer creating or changing an audit is always on its team. */
function teamOf(ctx: RequestContext, officerIds: string[] | undefined): number[] {
  const ids = new Set(parseIds(officerIds ?? [], 'officerIds'));
  if (ctx.actor?.role === Role.OFFICER && ctx.actor.officerId) ids.add(ctx.actor.officerId);
  if (ids.size === 0) throw badInput('An audit needs at least one officer on its team', { officerIds: ['Choose the officers'] });
  return [...ids];
}

async function replaceTeam(em: EntityManager, audit: SafetyAudit, officerIds: number[]) {
  await em.nativeDelete(SafetyAuditOfficer, { audit: audit.id, officer: { $nin: officerIds } });
  const present = new Set((await em.find(SafetyAuditOfficer, { audit: audit.id })).map((member) => member.officer.id));
  for (const officerId of officerIds)
    if (!present.has(officerId)) em.persist(em.create(SafetyAuditOfficer, { audit: audit.id, officer: ref(Officer, officerId) }));
}

export function createSafetyAudit(ctx: RequestContext, input: CreateSafetyAuditInput): Promise<SafetyAudit> {
  requireRole(ctx.actor, ...safetyAuditPolicy.writers);
  return ctx.em.transactional(async (em) => {
    // An officer sees exactly the schools it is assigned to: those it may audit.
    const school = await reference(em, ctx, School, schoolPolicy, input.schoolId, 'schoolId');
    const template = await em.findOne(ChecklistTemplate, { id: parseId(input.templateId, 'templateId') });
    if (!template?.publishedAt)
      throw badInput('templateId must name a published checklist version', { templateId: ['Choose a published checklist version'] });
    checkDate(ctx, input.date);
    const row = em.create(SafetyAudit, {
      school,
      template,
      date: input.date,
      districtStaff: input.districtStaff ?? [],
      durationMinutes: input.durationMinutes ?? 120,
    });
    await em.persistAndFlush(row);
    await replaceTeam(em, row, teamOf(ctx, input.officerIds));
    audit(em, ctx, { action: 'create', entityType: 'SafetyAudit', entityId: row.id, after: snapshot(row) });
    await em.flush();
    return row;
  });
}

export function updateSafetyAudit(ctx: RequestContext, id: number, input: UpdateSafetyAuditInput): Promise<SafetyAudit> {
  return ctx.em.transactional(async (em) => {
    const row = await draftFor(em, ctx, id);
    expectVersion(row, input.version, 'SafetyAudit');
    const before = snapshot(row);
    if (input.date !== undefined) checkDate(ctx, input.date);
    if (input.date !== undefined) row.date = input.date;
    if (input.districtStaff !== undefined) row.districtStaff = input.districtStaff;
    if (input.durationMinutes !== undefined) row.durationMinutes = input.durationMinutes;
    if (input.officerIds !== undefined) await replaceTeam(em, row, teamOf(ctx, input.officerIds));
    // The team lives in its own table: a change of it still moves the audit's version.
    if (input.officerIds !== undefined) row.updatedAt = new Date();
    audit(em, ctx, {
      action: 'update',
      entityType: 'SafetyAudit',
      entityId: id,
      before,
      after: snapshot(row),
      details: input.officerIds ? { officerIds: input.officerIds } : undefined,
    });
    await em.flush();
    return row;
  });
}

/** Saves results as the team walks the building: each item's result is inserted or replaced. */
export function saveSafetyAuditFindings(ctx: RequestContext, id: number, findings: FindingInput[]): Promise<SafetyAudit> {
  return ctx.em.transactional(async (em) => {
    const row = await draftFor(em, ctx, id);
    const itemIds = parseIds(
      findings.map((finding) => finding.itemId),
      'itemId',
    );
    const items = new Map(
      (await em.find(ChecklistItem, { id: { $in: itemIds }, template: row.template.id })).map((item) => [item.id, item]),
    );
    const existing = new Map(
      (await em.find(SafetyAuditFinding, { audit: row.id, item: { $in: itemIds } })).map((finding) => [finding.item.id, finding]),
    );
    findings.forEach((input, index) => {
      const item = items.get(itemIds[index]);
      if (!item)
        throw badInput("itemId must be an item of the audit's checklist version", {
          [`findings.${index}.itemId`]: ['Not on this checklist'],
        });
      const severity = FAILING_RESULTS.has(input.result) ? (input.severity ?? item.defaultSeverity) : null;
      const finding = existing.get(item.id) ?? em.create(SafetyAuditFinding, { audit: row, item, result: input.result });
      const before = existing.has(item.id) ? snapshot(finding) : {};
      Object.assign(finding, { result: input.result, severity, note: input.note?.trim() || null });
      em.persist(finding);
      audit(em, ctx, {
        action: 'update',
        entityType: 'SafetyAudit',
        entityId: id,
        before,
        after: snapshot(finding),
        details: { itemId: item.id },
      });
    });
    row.updatedAt = new Date();
    await em.flush();
    return row;
  });
}

/** Submits a complete DRAFT: from then on it is read-only, and each team officer has a SAFETY_AUDIT activity (its trigger). */
export function submitSafetyAudit(ctx: RequestContext, id: number, version: number): Promise<SafetyAudit> {
  return ctx.em.transactional(async (em) => {
    const row = await draftFor(em, ctx, id);
    expectVersion(row, version, 'SafetyAudit');
    checkDate(ctx, row.date);
    const [items, answered] = await Promise.all([
      em.count(ChecklistItem, { template: row.template.id }),
      em.count(SafetyAuditFinding, { audit: row.id }),
    ]);
    if (answered < items)
      throw badInput(`${items - answered} of ${items} items have no result yet`, {
        findings: ['Give every item a result before submitting'],
      });
    row.status = SafetyAuditStatus.SUBMITTED;
    row.submittedAt = new Date();
    audit(em, ctx, {
      action: 'submit',
      entityType: 'SafetyAudit',
      entityId: id,
      before: { status: SafetyAuditStatus.DRAFT },
      after: { status: row.status },
    });
    await em.flush();
    return row;
  });
}

export function deleteSafetyAudit(ctx: RequestContext, id: number): Promise<SafetyAudit> {
  return ctx.em.transactional(async (em) => {
    const row = await draftFor(em, ctx, id);
    const before = snapshot(row);
    em.remove(row);
    audit(em, ctx, { action: 'delete', entityType: 'SafetyAudit', entityId: id, before });
    await em.flush();
    return row;
  });
}
