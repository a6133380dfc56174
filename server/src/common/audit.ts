import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from './context';
import { AuditEvent } from './audit-event.entity';

// Never written to the audit trail, whatever entity they belong to.
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'token', 'tokenHash']);
// Bookkeeping every change touches; the audit row's own time says when.
const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'version']);

export type Snapshot = Record<string, unknown>;

/** Plain values of a row's columns, with relations as their ids (hidden columns such as hashes are left out). */
export function snapshot(row: object): Snapshot {
  return wrap(row).toObject() as Snapshot;
}

export function diff(before: Snapshot, after: Snapshot): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SECRET_FIELDS.has(key) || IGNORED_FIELDS.has(key)) continue;
    const was = before[key] ?? null;
    const now = after[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = { before: was, after: now };
  }
  return changes;
}

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: number | string;
  before?: Snapshot;
  after?: Snapshot;
  details?: Record<string, unknown>;
  /** For actions without a signed-in actor, such as a failed sign-in. */
  actorLabel?: string;
}

/** Adds an audit event to the EntityManager's unit of work: it is written by the same flush as the change. */
export function audit(em: EntityManager, ctx: RequestContext, entry: AuditEntry): void {
  const changes = entry.before || entry.after ? diff(entry.before ?? {}, entry.after ?? {}) : null;
  em.persist(
    em.create(AuditEvent, {
      actorUserId: ctx.actor?.userId ?? null,
      actorLabel: entry.actorLabel ?? ctx.actor?.label ?? 'system',
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      changes,
      details: entry.details ?? null,
      requestId: ctx.requestId,
      clientAddress: ctx.clientAddress,
    }),
  );
}
