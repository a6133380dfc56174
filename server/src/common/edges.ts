import { raw, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Actor } from './actor';
import type { RequestContext } from './context';
import { badInput } from './errors';
import { readOnly } from './read-only';
import { requireActor } from './policy';
import type { Page, PageArgs } from './list';
import { SortOrder } from './list';
import { scoped, type Policy } from './policy';
import type { SortArg } from './list';

interface Row {
  id: number;
}

export interface EdgeSpec<T extends Row> {
  entity: EntityClass<T>;
  policy: Policy<T>;
  /** The many-to-one property pointing at the parent, such as `school`. */
  parent: keyof T & string;
  sortColumns: Record<string, string>;
}

export interface EdgeQuery<T> {
  where: FilterQuery<T>;
  sort: SortArg<string>;
  page: PageArgs;
  /** False when only the items are wanted (a plain list field): the totals' statement is not run. */
  totals?: boolean;
}

/**
 * A paginated to-many edge (school -> assignments) for many parents in two statements, whatever their number:
 * the page of each parent by `row_number() over (partition by parent)`, and the totals by `group by parent`
 * (left out when the caller wants only the items).
 */
export async function pagesByParent<T extends Row>(
  em: EntityManager,
  actor: Actor,
  spec: EdgeSpec<T>,
  parentIds: readonly number[],
  { where, sort, page, totals = true }: EdgeQuery<T>,
): Promise<Page<T>[]> {
  const empty = parentIds.map(() => ({ items: [] as T[], totalCount: 0 }));
  const filter = scoped(spec.policy, actor, { $and: [where, { [spec.parent]: { $in: [...parentIds] } }] } as FilterQuery<T>);
  if (filter === false) return empty;

  const meta = em.getMetadata().get<T>(spec.entity.name);
  const column = (property: string) => {
    const field = (meta.properties as Record<string, { fieldNames: string[] } | undefined>)[property];
    if (!field)
      throw badInput(`This list cannot be sorted by ${sort.field}`, { sort: [`Sort ${spec.entity.name} rows here by their own fields`] });
    return field.fieldNames[0];
  };
  const parentColumn = column(spec.parent);
  const direction = sort.order === SortOrder.DESC ? 'desc' : 'asc';
  const order = `e0.${column(spec.sortColumns[sort.field])} ${direction}, e0.id ${direction}`;

  const ranked = em
    .createQueryBuilder(spec.entity, 'e0')
    .select(['*', raw(`row_number() over (partition by e0.${parentColumn} order by ${order}) as edge_rank`)])
    .where(filter);
  const knex = em.getKnex();
  const offset = (page.page - 1) * page.perPage;
  const rowsQuery = knex
    .select('*')
    .from(ranked.getKnexQuery().as('ranked'))
    .where('edge_rank', '>', offset)
    .andWhere('edge_rank', '<=', offset + page.perPage)
    .orderBy('edge_rank');
  const countsQuery = em
    .createQueryBuilder(spec.entity, 'e0')
    .select([spec.parent, raw('count(*) as total')])
    .where(filter)
    .groupBy(spec.parent);

  const transaction = em.getTransactionContext();
  // One after the other: both run on the request's single transaction connection.
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(rowsQuery, [], 'all', transaction);
  const counts = totals ? await countsQuery.execute<{ total: string }[]>('all', false) : [];
  const pages = new Map(parentIds.map((id, index) => [id, empty[index]]));
  // Presented, never changed: read-only entities, not merged into the identity map (common/read-only.ts).
  const entities = readOnly(em, spec.entity, rows);
  rows.forEach((row, index) => pages.get(Number(row[parentColumn]))?.items.push(entities[index]));
  for (const count of counts as unknown as Record<string, unknown>[]) {
    const page = pages.get(Number(count[parentColumn]));
    if (page) page.totalCount = Number(count.total);
  }
  return parentIds.map((id) => pages.get(id)!);
}

/** One parent's page of an edge; parents asking the same question in one request share one batch. */
export function loadEdge<T extends Row>(ctx: RequestContext, spec: EdgeSpec<T>, parentId: number, query: EdgeQuery<T>): Promise<Page<T>> {
  const actor = requireActor(ctx.actor);
  const key = `${spec.entity.name}.${spec.parent}:${JSON.stringify(query)}`;
  return ctx.loaders
    .keyed(key, () => new DataLoader<number, Page<T>>((parentIds) => pagesByParent(ctx.em, actor, spec, parentIds, query)))
    .load(parentId);
}
