import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { Fields } from './text-rows';

export type { Fields };

export interface Identified {
  id: number;
}

/**
 * A read's order: as the ORM's order (which joins for `agency.name`), or as SQL over the alias `e0` with a `?`
 * for each of `values` (a sort by a hidden field, common/hidden-fields.ts#readableOrder), then `orm` is empty.
 */
export interface ReadOrder<T> {
  orm: QueryOrderMap<T>[];
  sql?: string;
  values: number[];
}

/** One page of a list: `filter` is the caller's, already scoped to the actor by its policy. */
export interface PageRead<T> {
  filter: FilterQuery<T>;
  order: ReadOrder<T>;
  page: number;
  perPage: number;
  /** The fields the operation asks (the columns read); undefined for every one. */
  fields: Fields;
}

export interface ReadPage<T> {
  items: T[];
  totalCount: number;
}

/** A to-many edge (school -> assignments) for many parents at once. */
export interface EdgeRead<T> extends PageRead<T> {
  /** The many-to-one property pointing at the parent, such as `school`. */
  parent: keyof T & string;
  /** The order as SQL over `e0` (required here: it ranks each parent's rows). */
  order: ReadOrder<T> & { sql: string };
  /** False when only the items are wanted: no totals are counted (each page's `totalCount` is then 0). */
  totals: boolean;
}
