import type { EntityMetadata, FilterQuery } from '@mikro-orm/core';
import type { Actor } from './actor';

/**
 * On which rows an actor may read a hidden field: every row (`true`), none (`false`), or the rows whose own
 * `column` (a property such as `agency` or `id`) equals `value`. Data rather than a function of the row, so that
 * one rule answers the field's resolver (`readable`) and, in SQL, the filters on the field (`whereReadable`) and
 * the sorts by it (`readableOrder`): where the field is hidden, the row behaves as if its value were null.
 */
export type Visibility = boolean | { column: string; value: number };

/** A record type's hidden fields, by property, each with the rule of who reads it. */
export type HiddenFields = Readonly<Record<string, (actor: Actor) => Visibility>>;

/** Whether the field is readable on this row (a to-one relation compares by its id). */
export function readable(visibility: Visibility, row: object): boolean {
  if (typeof visibility === 'boolean') return visibility;
  const value = (row as Record<string, unknown>)[visibility.column];
  return (typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value) === visibility.value;
}

/** A filter on a hidden field, applied only to the rows where the actor may read it: elsewhere it never matches. */
export function whereReadable<T>(visibility: Visibility, condition: FilterQuery<T>): FilterQuery<T> {
  if (visibility === true) return condition;
  // The ORM writes an empty `in` as a condition that is always false.
  if (visibility === false) return { id: { $in: [] } } as FilterQuery<T>;
  return { $and: [{ [visibility.column]: visibility.value }, condition] } as FilterQuery<T>;
}

const columnOf = (meta: EntityMetadata, property: string) => {
  const column = meta.properties[property as never] as { fieldNames: string[] } | undefined;
  if (!column) throw new Error(`${meta.className} has no property ${property}`);
  return `e0.${column.fieldNames[0]}`;
};

/**
 * The order by a hidden field, as SQL over the alias `e0` with a `?` for each value: the column where the actor
 * may read it and null elsewhere, nulls last in both directions, ties by id. The values are parameters (the
 * actor's agency), so that the statement is one per shape (common/statement-cache.ts), not one per actor.
 */
export function readableOrder(
  meta: EntityMetadata,
  property: string,
  visibility: Visibility,
  direction: 'asc' | 'desc',
): { sql: string; values: number[] } {
  const column = columnOf(meta, property);
  const tieBreak = `${columnOf(meta, 'id')} ${direction}`;
  if (visibility === true) return { sql: `${column} ${direction} nulls last, ${tieBreak}`, values: [] };
  const condition = visibility === false ? 'false' : `${columnOf(meta, visibility.column)} = ?`;
  const values = visibility === false ? [] : [visibility.value];
  return { sql: `case when ${condition} then ${column} end ${direction} nulls last, ${tieBreak}`, values };
}
