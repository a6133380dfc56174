import type { EntityClass, EntityMetadata, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './actor';
import { readableOrder } from './hidden-fields';
import type { RequestContext } from './context';
import { badInput, conflict, forbidden, notFound } from './errors';
import { parseId } from './validation';
import type { Page, PageArgs, SortArg } from './list';
import { SortOrder } from './list';
import { requireActor, requireRole, scoped, type Policy } from './policy';
import { audit, snapshot } from './audit';
import { readPage, type ReadOrder } from '../db/read-path';

interface Row {
  id: number;
  version: number;
}

/** A list's order: through the ORM (which joins for `agency.name`), or as SQL when it sorts by a hidden field. */
export type ListOrder<T> = ReadOrder<T>;

/** What sorting by a hidden field needs: the record type's policy, its metadata and who asks. */
export interface HiddenSort {
  policy: Policy<unknown, string>;
  meta: EntityMetadata;
  actor: Actor;
}

/**
 * The order for a sort argument, with id as the tie-break in the same direction. A hidden field sorts only the
 * rows where the actor may read it; the others come last, as if their value were null.
 */
export function orderBy<T>(sort: SortArg<string>, columns: Record<string, string>, hidden?: HiddenSort): ListOrder<T> {
  const direction = sort.order === SortOrder.DESC ? 'desc' : 'asc';
  const path = columns[sort.field];
  if (hidden?.policy.isHidden(path))
    return { orm: [], ...readableOrder(hidden.meta, path, hidden.policy.visibility(hidden.actor, path), direction) };
  const order = path.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), direction as never);
  return { orm: [order as QueryOrderMap<T>, { id: direction } as QueryOrderMap<T>], values: [] };
}

/**
 * One page of the rows the actor may read that match `where`, and their total, through the read path
 * (db/read-path): only the fields the operation asks are read, and the rows are only presented.
 */
export async function findPage<T extends Row>(
  ctx: RequestContext,
  entity: EntityClass<T>,
  policy: Policy<T, string>,
  where: FilterQuery<T>,
  order: ListOrder<T>,
  { page, perPage }: PageArgs,
): Promise<Page<T>> {
  const filter = scoped(policy, requireActor(ctx.actor), where);
  if (filter === false) return { items: [], totalCount: 0 };
  const found = await readPage(ctx.em, entity, { filter, order, page, perPage, fields: ctx.fieldsOf(entity) });
  await ctx.loaders.prefetch(entity, found.items);
  return found;
}

/** One row the actor may read, or null: a hidden row and a missing one look the same. */
export async function findVisible<T extends Row>(
  em: EntityManager,
  ctx: RequestContext,
  entity: EntityClass<T>,
  policy: Policy<T, string>,
  id: number,
  populate: string[] = [],
): Promise<T | null> {
  const filter = scoped(policy, requireActor(ctx.actor), { id } as FilterQuery<T>);
  if (filter === false) return null;
  return em.findOne(entity, filter, { populate: populate as never });
}

/** A row to change: NOT_FOUND when it is missing or hidden, FORBIDDEN when visible but not the actor's to change. */
export async function findWritable<T extends Row>(
  em: EntityManager,
  ctx: RequestContext,
  entity: EntityClass<T>,
  policy: Policy<T, string>,
  id: number,
  action: 'update' | 'delete',
  populate: string[] = [],
): Promise<T> {
  const row = await findVisible(em, ctx, entity, policy, id, populate);
  if (!row) throw notFound(entity.name, id);
  const actor = requireActor(ctx.actor);
  const allowed = action === 'update' ? policy.canUpdate(actor, row, ctx.today) : policy.canDelete(actor, row, ctx.today);
  if (!allowed) throw refused(policy, actor, row, ctx.today, `You may not ${action} this ${entity.name.toLowerCase()}`);
  return row;
}

/** FORBIDDEN with the policy's reason when it has one to give, else `otherwise`. */
function refused<T>(policy: Policy<T, string>, actor: Actor, row: T, today: string, otherwise: string) {
  return forbidden(policy.refusal?.(actor, row, today) ?? otherwise);
}

/** Optimistic locking: the client must have seen the current version. */
export function expectVersion(row: Row & object, version: number, entityName: string): void {
  if (row.version !== version) {
    throw conflict(
      `${entityName} ${row.id} was changed by someone else (version ${row.version}, you sent ${version}): reload it and try again`,
      {
        reason: 'STALE_VERSION',
        currentVersion: row.version,
      },
    );
  }
}

/** Copies the defined fields of an input onto a row; `null` clears a field, `undefined` leaves it. */
export function assignDefined<T extends object>(row: T, values: Partial<Record<keyof T, unknown>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && key !== 'version') (row as Record<string, unknown>)[key] = value;
  }
}

/** What a module tells the generic service about its records. */
export interface CrudSpec<T extends Row, Filter, Create, Update, BulkUpdate> {
  entity: EntityClass<T>;
  /** Who reads and writes which rows and fields (`<feature>.policy.ts`): lists, reads and writes ask it alone. */
  policy: Policy<T, string>;
  sortColumns: Record<string, string>;
  /** The ORM filter for a list's filter argument. */
  where(filter: Filter | undefined, ctx: RequestContext): FilterQuery<T>;
  /** Builds a new row from the input (resolving and checking references); not yet persisted. */
  build(em: EntityManager, ctx: RequestContext, input: Create): Promise<T>;
  /** Applies an update or bulk-update input to a row. */
  apply(em: EntityManager, ctx: RequestContext, row: T, input: Update | BulkUpdate): Promise<void>;
  /** Relations the policy's write rules read, loaded with the row. */
  populate?: string[];
  /** Business rules checked before a new or changed row is written, inside the transaction. */
  check?(em: EntityManager, ctx: RequestContext, row: T, isNew: boolean): Promise<void>;
  /** Business rules checked before a row is deleted, inside the transaction. */
  beforeDelete?(em: EntityManager, ctx: RequestContext, row: T): Promise<void>;
}

/**
 * List, read, create, update, delete and their bulk forms, the same way for every record type: the policy
 * scopes every read, every write runs in one transaction with its audit event, and updates check `version`.
 */
export class CrudService<T extends Row, Filter, Create, Update extends { version: number }, BulkUpdate> {
  constructor(readonly spec: CrudSpec<T, Filter, Create, Update, BulkUpdate>) {}

  private get name(): string {
    return this.spec.entity.name;
  }

  list(ctx: RequestContext, filter: Filter | undefined, sort: SortArg<string>, page: PageArgs): Promise<Page<T>> {
    const { entity, policy } = this.spec;
    const actor = requireRole(ctx.actor, ...policy.readers);
    const order = orderBy<T>(sort, this.spec.sortColumns, { policy, meta: ctx.em.getMetadata().get(entity.name), actor });
    return findPage(ctx, entity, this.spec.policy, this.spec.where(filter, ctx), order, page);
  }

  get(ctx: RequestContext, id: number): Promise<T | null> {
    requireRole(ctx.actor, ...this.spec.policy.readers);
    return findVisible(ctx.em, ctx, this.spec.entity, this.spec.policy, id);
  }

  create(ctx: RequestContext, input: Create): Promise<T> {
    const actor = requireRole(ctx.actor, ...this.spec.policy.writers);
    return ctx.em.transactional(async (em) => {
      const row = await this.spec.build(em, ctx, input);
      if (!this.spec.policy.canCreate(actor, row, ctx.today))
        throw refused(this.spec.policy, actor, row, ctx.today, `You may not create this ${this.name.toLowerCase()}`);
      await this.spec.check?.(em, ctx, row, true);
      await em.persistAndFlush(row);
      audit(em, ctx, { action: 'create', entityType: this.name, entityId: row.id, after: snapshot(row) });
      await em.flush();
      return row;
    });
  }

  update(ctx: RequestContext, id: number, input: Update): Promise<T> {
    requireRole(ctx.actor, ...this.spec.policy.writers);
    return ctx.em.transactional(async (em) => {
      const row = await findWritable(em, ctx, this.spec.entity, this.spec.policy, id, 'update', this.spec.populate);
      expectVersion(row, input.version, this.name);
      await this.change(em, ctx, row, input);
      return row;
    });
  }

  updateMany(ctx: RequestContext, ids: number[], input: BulkUpdate): Promise<T[]> {
    requireRole(ctx.actor, ...this.spec.policy.writers);
    return ctx.em.transactional(async (em) => {
      const rows: T[] = [];
      for (const id of new Set(ids)) {
        const row = await findWritable(em, ctx, this.spec.entity, this.spec.policy, id, 'update', this.spec.populate);
        await this.change(em, ctx, row, input);
        rows.push(row);
      }
      return rows;
    });
  }

  delete(ctx: RequestContext, id: number): Promise<T> {
    return this.deleteMany(ctx, [id]).then(([row]) => row);
  }

  deleteMany(ctx: RequestContext, ids: number[]): Promise<T[]> {
    requireRole(ctx.actor, ...this.spec.policy.writers);
    return ctx.em.transactional(async (em) => {
      const rows: T[] = [];
      for (const id of new Set(ids)) {
        const row = await findWritable(em, ctx, this.spec.entity, this.spec.policy, id, 'delete', this.spec.populate);
        await this.spec.beforeDelete?.(em, ctx, row);
        // Keep a detached copy to return: the removed entity loses its id once flushed.
        rows.push({ ...row });
        audit(em, ctx, { action: 'delete', entityType: this.name, entityId: row.id, before: snapshot(row) });
        em.remove(row);
      }
      await em.flush();
      return rows;
    });
  }

  private async change(em: EntityManager, ctx: RequestContext, row: T, input: Update | BulkUpdate): Promise<void> {
    const before = snapshot(row);
    await this.spec.apply(em, ctx, row, input);
    const actor = requireActor(ctx.actor);
    if (!this.spec.policy.canUpdate(actor, row, ctx.today))
      throw refused(this.spec.policy, actor, row, ctx.today, `You may not make this change to the ${this.name.toLowerCase()}`);
    await this.spec.check?.(em, ctx, row, false);
    await em.flush();
    audit(em, ctx, { action: 'update', entityType: this.name, entityId: row.id, before, after: snapshot(row) });
    await em.flush();
  }
}

/** A referenced row the actor may see, for an input's `<relation>Id`; BAD_USER_INPUT on that field otherwise. */
export async function reference<T extends Row>(
  em: EntityManager,
  ctx: RequestContext,
  entity: EntityClass<T>,
  policy: Policy<T, string>,
  id: string | number,
  field: string,
): Promise<T> {
  const row = await findVisible(em, ctx, entity, policy, parseId(id, field));
  if (!row)
    throw badInput(`${field} does not name a ${entity.name.toLowerCase()} you can see`, {
      [field]: [`No ${entity.name.toLowerCase()} with id ${id}`],
    });
  return row;
}
