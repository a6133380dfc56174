import { QueryOrder, raw, type EntityClass, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EdgeRead, Identified, PageRead, ReadOrder, ReadPage } from './types';

// A hidden field's order (common/hidden-fields.ts#readableOrder): `<expression> <dir> nulls last, e0.id <dir>`.
const HIDDEN_ORDER = /^(.+) (asc|desc) nulls last, e0\.id (asc|desc)$/s;

/** The ORM's form of a read's order: the order by a hidden field as a raw expression, nulls last, then id. */
function ormOrder<T>(order: ReadOrder<T>): QueryOrderMap<T>[] {
  if (order.orm.length > 0) return order.orm;
  const parts = order.sql === undefined ? null : HIDDEN_ORDER.exec(order.sql);
  if (!parts) throw new Error(`db/read-path/orm.ts cannot read the order ${JSON.stringify(order.sql)} as the ORM's`);
  const [, expression, direction, tieBreak] = parts;
  return [
    // The SQL's alias `e0` is the ORM's root alias, whatever its name.
    {
      [raw((alias: string) => expression.replaceAll('e0.', `${alias}.`), order.values)]:
        direction === 'asc' ? QueryOrder.ASC_NULLS_LAST : QueryOrder.DESC_NULLS_LAST,
    } as QueryOrderMap<T>,
    { id: tieBreak } as QueryOrderMap<T>,
  ];
}

/** READ_PATH=orm: a page and its total through `em.findAndCount`, as managed entities with every column. */
export async function ormPage<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  { filter, order, page, perPage }: PageRead<T>,
): Promise<ReadPage<T>> {
  const [items, totalCount] = await em.findAndCount(entity, filter, {
    orderBy: ormOrder(order),
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return { items, totalCount };
}

/** READ_PATH=orm: each parent's page of an edge through its own `em.findAndCount` (or `em.find` without totals). */
export async function ormEdges<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentIds: readonly number[],
  { parent, filter, order, page, perPage, totals }: EdgeRead<T>,
): Promise<ReadPage<T>[]> {
  const pages: ReadPage<T>[] = [];
  for (const parentId of parentIds) {
    const where = { $and: [filter, { [parent]: parentId }] } as FilterQuery<T>;
    const options = { orderBy: ormOrder(order), limit: perPage, offset: (page - 1) * perPage };
    if (totals) {
      const [items, totalCount] = await em.findAndCount(entity, where, options);
      pages.push({ items, totalCount });
    } else pages.push({ items: await em.find(entity, where, options), totalCount: 0 });
  }
  return pages;
}

/** READ_PATH=orm: rows by id through `em.find`. */
export const ormByIds = <T extends Identified>(em: EntityManager, entity: EntityClass<T>, ids: readonly number[]): Promise<T[]> =>
  em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
