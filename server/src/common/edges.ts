import { raw, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import { readableOrder } from './hidden-fields';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Actor } from './actor';
import type { RequestContext } from './context';
import { badInput } from './errors';
import { idArray, preparedInTurn } from './prepared';
import { parseRows, readColumns, readOnly, textRows, type Fields } from './read-only';
import { cachedStatement, Whole } from './statement-cache';
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
  fields?: Fields,
): Promise<Page<T>[]> {
  const empty = parentIds.map(() => ({ items: [] as T[], totalCount: 0 }));
  const filter = scoped(spec.policy, actor, where);
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
  const property = spec.sortColumns[sort.field];
  const { sql: order, values: orderValues } = spec.policy.isHidden(property)
    ? readableOrder(meta, property, spec.policy.visibility(actor, property), direction)
    : { sql: `e0.${column(property)} ${direction}, e0.id ${direction}`, values: [] };
  // The parents' ids as one array parameter: one statement text whatever their number.
  const ofParents = `e0.${parentColumn} = any(?)`;
  const key = `${spec.entity.name}.${spec.parent} ${order}`;
  const offset = (page.page - 1) * page.perPage;
  const input = { filter, parents: new Whole(idArray(parentIds)), from: offset, to: offset + page.perPage, orderValues };

  const columns = readColumns(em, spec.entity, fields);
  const rowsStatement = cachedStatement(`edge ${key} ${columns.join(',')}`, input, ({ filter, parents, from, to, orderValues }) => {
    const knex = em.getKnex();
    const ranked = em
      .createQueryBuilder(spec.entity, 'e0')
      .select(columns.map((name) => `e0.${name}`))
      .where(filter)
      .andWhere(ofParents, [parents.value])
      .getKnexQuery()
      // Through knex, which keeps the order's values as parameters (the ORM would write them into the SQL).
      .select(knex.raw(`row_number() over (partition by e0.${parentColumn} order by ${order}) as edge_rank`, orderValues));
    const { sql, bindings } = knex
      .select('*')
      .from(ranked.as('ranked'))
      .where('edge_rank', '>', from)
      .andWhere('edge_rank', '<=', to)
      .orderBy('edge_rank')
      .toSQL()
      .toNative();
    return { sql: textRows(em, spec.entity, fields, sql), bindings };
  });
  const statements = [rowsStatement];
  if (totals)
    statements.push(
      cachedStatement(`edge totals ${key}`, { filter, parents: input.parents }, ({ filter, parents }) =>
        em
          .createQueryBuilder(spec.entity, 'e0')
          .select([spec.parent, raw('count(*) as total')])
          .where(filter)
          .andWhere(ofParents, [parents.value])
          .groupBy(spec.parent)
          .getKnexQuery()
          .toSQL()
          .toNative(),
      ),
    );
  // Both written at once: the connection pipelines them.
  const [rows, counts = []] = await preparedInTurn<Record<string, unknown>>(em, statements);
  const pages = new Map(parentIds.map((id, index) => [id, empty[index]]));
  // Presented, never changed: read-only entities, not merged into the identity map (common/read-only.ts).
  for (const item of readOnly(em, spec.entity, parseRows(rows as { rows: string }[]), fields))
    pages.get((item[spec.parent] as Row).id)?.items.push(item);
  for (const count of counts) {
    const page = pages.get(Number(count[parentColumn]));
    if (page) page.totalCount = Number(count.total);
  }
  return parentIds.map((id) => pages.get(id)!);
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
