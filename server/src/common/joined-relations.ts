import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { RequestContext } from './context';
import { readColumns, readOnly, type Fields } from './read-only';

interface Identified {
  id: number;
}

/** A to-one relation read in the same statement as the rows that point to it. */
export interface JoinedRelation {
  /** The foreign key column of the rows, such as `agency_id`. */
  column: string;
  entity: EntityClass<Identified>;
  table: string;
  alias: string;
  /** What the operation asks of the related type, and the columns that takes. */
  fields: Fields;
  columns: string[];
}

/**
 * The to-one relations of `entity` whose field the operation asks for (`fields` names it), to be joined into the
 * statement that reads the rows: the related rows then need no statement of their own. Their field resolvers load
 * them by id as before (`ctx.loaders.byId`), and find them there (`primeJoined`). Nothing when the operation is
 * not known (an export).
 */
export function joinedRelations(ctx: RequestContext, entity: EntityClass<object>, fields: Fields): JoinedRelation[] {
  if (fields === undefined) return [];
  const relations = ctx.em
    .getMetadata()
    .get(entity.name)
    .props.filter((property) => property.kind === ReferenceKind.MANY_TO_ONE && fields.has(property.name) && property.targetMeta);
  return relations.map((property, index) => {
    const target = property.targetMeta!.class as EntityClass<Identified>;
    const targetFields = ctx.fieldsOf(target);
    return {
      column: property.fieldNames[0],
      entity: target,
      table: property.targetMeta!.tableName,
      alias: `sro_j${index}`,
      fields: targetFields,
      columns: readColumns(ctx.em, target, targetFields),
    };
  });
}

/** What the joins add to a statement's text, for the statement cache's key. */
export const joinedKey = (joined: JoinedRelation[]) => joined.map((join) => `${join.alias}=${join.table}(${join.columns})`).join(' ');

/** Left-joins the relations to `query` (whose rows are `from`) and selects their columns as `<alias>__<column>`. */
export function selectJoined(query: Knex.QueryBuilder, from: string, joined: JoinedRelation[]): Knex.QueryBuilder {
  for (const join of joined) {
    query.leftJoin(`${join.table} as ${join.alias}`, `${join.alias}.id`, `${from}.${join.column}`);
    query.select(join.columns.map((column) => `${join.alias}.${column} as ${join.alias}__${column}`));
  }
  return query;
}

/**
 * Gives the request's loaders the related rows read with `rows`. A related row that row security hides comes
 * back as nulls and is left out: its loader asks for it and finds it hidden, as it would have anyway.
 */
export function primeJoined(ctx: RequestContext, joined: JoinedRelation[], rows: readonly Record<string, unknown>[]): void {
  for (const join of joined) {
    const seen = new Set<unknown>();
    const related: Record<string, unknown>[] = [];
    const idColumn = `${join.alias}__id`;
    for (const row of rows) {
      const id = row[idColumn];
      if (id === null || id === undefined || seen.has(id)) continue;
      seen.add(id);
      related.push(Object.fromEntries(join.columns.map((column) => [column, row[`${join.alias}__${column}`]])));
    }
    const loader = ctx.loaders.byId(join.entity);
    for (const object of readOnly(ctx.em, join.entity, related, join.fields)) loader.prime(object.id, object);
  }
}
