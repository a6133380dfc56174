import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { readableOrder } from './hidden-fields';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Actor } from './actor';
import type { RequestContext } from './context';
import { badInput } from './errors';
import { readEdges, type Fields, type ReadOrder } from '../db/read-path';
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
  /** Who reads which rows and fields (`<feature>.policy.ts`): a sort by a hidden field follows its rule. */
  policy: Policy<T, string>;
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
 * A paginated to-many edge (school -> assignments) for many parents at once, through the read path
 * (db/read-path#readEdges): the parents' pages and, unless only the items are wanted, their totals.
 */
export async function pagesByParent<T extends Row>(
  em: EntityManager,
  actor: Actor,
  spec: EdgeSpec<T>,
  parentIds: readonly number[],
  { where, sort, page, totals = true }: EdgeQuery<T>,
  fields?: Fields,
): Promise<Page<T>[]> {
  const filter = scoped(spec.policy, actor, where);
  if (filter === false) return parentIds.map(() => ({ items: [] as T[], totalCount: 0 }));

  const meta = em.getMetadata().get<T>(spec.entity.name);
  const column = (property: string) => {
    const field = (meta.properties as Record<string, { fieldNames: string[] } | undefined>)[property];
    if (!field)
      throw badInput(`This list cannot be sorted by ${sort.field}`, { sort: [`Sort ${spec.entity.name} rows here by their own fields`] });
    return field.fieldNames[0];
  };
  const direction = sort.order === SortOrder.DESC ? 'desc' : 'asc';
  const property = spec.sortColumns[sort.field];
  const order: ReadOrder<T> & { sql: string } = spec.policy.isHidden(property)
    ? { orm: [], ...readableOrder(meta, property, spec.policy.visibility(actor, property), direction) }
    : {
        orm: [{ [property]: direction } as QueryOrderMap<T>, { id: direction } as QueryOrderMap<T>],
        sql: `e0.${column(property)} ${direction}, e0.id ${direction}`,
        values: [],
      };
  return readEdges(em, spec.entity, parentIds, {
    parent: spec.parent,
    filter,
    order,
    page: page.page,
    perPage: page.perPage,
    totals,
    fields,
  });
}

/**
 * The batch loader of an edge for one question (`key`, with the query it stands for): a page for each parent,
 * in two statements whatever their number, with the to-one relations the operation asks of the items.
 */
function edgeLoader<T extends Row, V>(
  ctx: RequestContext,
  spec: EdgeSpec<T>,
  key: string,
  query: () => EdgeQuery<T>,
  answer: (page: Page<T>) => V,
): DataLoader<number, V> {
  const actor = requireActor(ctx.actor);
  return ctx.loaders.keyed(
    `${spec.entity.name}.${spec.parent}:${key}`,
    () =>
      new DataLoader<number, V>(async (parentIds) => {
        const pages = await pagesByParent(ctx.em, actor, spec, parentIds, query(), ctx.fieldsOf(spec.entity));
        await ctx.loaders.prefetch(
          spec.entity,
          pages.flatMap((page) => page.items),
        );
        return pages.map(answer);
      }),
  );
}

/** One parent's page of an edge; parents asking the same question in one request share one batch. */
export function loadEdge<T extends Row>(ctx: RequestContext, spec: EdgeSpec<T>, parentId: number, query: EdgeQuery<T>): Promise<Page<T>> {
  return edgeLoader(
    ctx,
    spec,
    JSON.stringify(query),
    () => query,
    (page) => page,
  ).load(parentId);
}

/**
 * One parent's items of an edge asked as a plain list (no totals), for a question named by `key`: its query is
 * built once per batch, not for every parent.
 */
export function loadEdgeItems<T extends Row>(
  ctx: RequestContext,
  spec: EdgeSpec<T>,
  parentId: number,
  key: string,
  query: () => Omit<EdgeQuery<T>, 'totals'>,
): Promise<T[]> {
  return edgeLoader(
    ctx,
    spec,
    `items ${key}`,
    () => ({ ...query(), totals: false }),
    (page) => page.items,
  ).load(parentId);
}
