import { raw, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idArray, prepared, preparedInTurn } from './prepared';
import { cachedStatement, Whole } from './statement-cache';
import { findReadOnly, parseRows, readColumns, readOnly, textRows } from './text-rows';
import type { EdgeRead, Fields, Identified, PageRead, ReadPage } from './types';

/**
 * One page and its total in one statement (the total as a sub-query), as read-only entities (text-rows.ts),
 * the SQL written once per shape of the filter and order (statement-cache.ts) and run prepared (prepared.ts).
 */
export async function fastPage<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  { filter, order, page, perPage, fields }: PageRead<T>,
): Promise<ReadPage<T>> {
  const offset = (page - 1) * perPage;
  const columns = readColumns(em, entity, fields);
  const statement = cachedStatement(
    `page ${entity.name} ${columns.join(',')} ${JSON.stringify(order.orm)} ${order.sql ?? ''}`,
    { filter, perPage, offset, orderValues: order.values },
    ({ filter, perPage, offset, orderValues }) => {
      const knex = em.getKnex();
      const total = countQuery(em, entity, filter);
      const rows = em
        .createQueryBuilder(entity, 'e0')
        .select(columns.map((column) => `e0.${column}`))
        .where(filter)
        .orderBy(order.orm)
        .getKnexQuery()
        .select(knex.raw('(?) as sro_total', [total]));
      // Through knex, which keeps the values as parameters (the ORM would write them into the SQL).
      if (order.sql) rows.orderByRaw(order.sql, orderValues);
      // Limit and offset as parameters of their own: knex would leave out `offset 0`, a different statement.
      const { sql, bindings } = knex.raw('? limit ? offset ?', [rows, perPage, offset]).toSQL().toNative();
      return { sql: textRows(em, entity, fields, sql, ['r.sro_total::text']), bindings };
    },
  );
  const rows = parseRows(await prepared<{ rows: string }>(em, statement.text, statement.values));
  // Past the last page there is no row to carry the total: ask for it alone (a client paging past the end).
  const totalCount = rows.length ? Number(rows[0]![columns.length]) : page === 1 ? 0 : await count(em, entity, filter);
  return { items: readOnly(em, entity, rows, fields), totalCount };
}

/** How many rows match `filter`: the page's total, as its sub-query or alone. */
const countQuery = <T extends Identified>(em: EntityManager, entity: EntityClass<T>, filter: FilterQuery<T>) =>
  em.createQueryBuilder(entity, 'e0').count().where(filter).getKnexQuery();

async function count<T extends Identified>(em: EntityManager, entity: EntityClass<T>, filter: FilterQuery<T>): Promise<number> {
  const statement = cachedStatement(`count ${entity.name}`, filter, (filter) => countQuery(em, entity, filter).toSQL().toNative());
  const [row] = await prepared<{ count: string }>(em, statement.text, statement.values);
  return Number(row.count);
}

/**
 * A paginated to-many edge for many parents in two statements, whatever their number: the page of each parent by
 * `row_number() over (partition by parent)`, and the totals by `group by parent` (left out without `totals`),
 * written at once (the connection pipelines them).
 */
export async function fastEdges<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentIds: readonly number[],
  { parent, filter, order, page, perPage, totals, fields }: EdgeRead<T>,
): Promise<ReadPage<T>[]> {
  const meta = em.getMetadata().get<T>(entity.name);
  const parentColumn = (meta.properties as Record<string, { fieldNames: string[] }>)[parent].fieldNames[0];
  // The parents' ids as one array parameter: one statement text whatever their number.
  const ofParents = `e0.${parentColumn} = any(?)`;
  const key = `${entity.name}.${parent} ${order.sql}`;
  const offset = (page - 1) * perPage;
  const input = { filter, parents: new Whole(idArray(parentIds)), from: offset, to: offset + perPage, orderValues: order.values };

  const columns = readColumns(em, entity, fields);
  const rowsStatement = cachedStatement(`edge ${key} ${columns.join(',')}`, input, ({ filter, parents, from, to, orderValues }) => {
    const knex = em.getKnex();
    const ranked = em
      .createQueryBuilder(entity, 'e0')
      .select(columns.map((name) => `e0.${name}`))
      .where(filter)
      .andWhere(ofParents, [parents.value])
      .getKnexQuery()
      // Through knex, which keeps the order's values as parameters (the ORM would write them into the SQL).
      .select(knex.raw(`row_number() over (partition by e0.${parentColumn} order by ${order.sql}) as edge_rank`, orderValues));
    const { sql, bindings } = knex
      .select('*')
      .from(ranked.as('ranked'))
      .where('edge_rank', '>', from)
      .andWhere('edge_rank', '<=', to)
      .orderBy('edge_rank')
      .toSQL()
      .toNative();
    return { sql: textRows(em, entity, fields, sql), bindings };
  });
  const statements = [rowsStatement];
  if (totals)
    statements.push(
      cachedStatement(`edge totals ${key}`, { filter, parents: input.parents }, ({ filter, parents }) =>
        em
          .createQueryBuilder(entity, 'e0')
          .select([parent, raw('count(*) as total')])
          .where(filter)
          .andWhere(ofParents, [parents.value])
          .groupBy(parent)
          .getKnexQuery()
          .toSQL()
          .toNative(),
      ),
    );
  const [rows, counts = []] = await preparedInTurn<Record<string, unknown>>(em, statements);
  const pages = new Map(parentIds.map((id) => [id, { items: [] as T[], totalCount: 0 }]));
  for (const item of readOnly(em, entity, parseRows(rows as { rows: string }[]), fields))
    pages.get((item[parent] as Identified).id)?.items.push(item);
  for (const count of counts) {
    const found = pages.get(Number(count[parentColumn]));
    if (found) found.totalCount = Number(count.total);
  }
  return parentIds.map((id) => pages.get(id)!);
}

/** Rows by id, read-only, in one prepared statement (text-rows.ts). */
export const fastByIds = <T extends Identified>(em: EntityManager, entity: EntityClass<T>, ids: readonly number[], fields: Fields) =>
  findReadOnly(em, entity, ids, fields);
