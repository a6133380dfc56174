import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readByIds, type Fields } from '../../db/read-path';

/**
 * SQL conditions with positional `?` parameters, joined with `and`. Values always travel as parameters; only
 * fixed fragments written in this module's callers become SQL text.
 */
export class Conditions {
  private readonly parts: string[] = [];

  readonly params: unknown[] = [];

  add(text: string, ...params: unknown[]): this {
    this.parts.push(`(${text})`);
    this.params.push(...params);
    return this;
  }

  get text(): string {
    return this.parts.length ? this.parts.join(' and ') : 'true';
  }
}

/** A query's rows as plain objects (numbers cast in SQL to int or float8 arrive as numbers). */
export function rows<T>(em: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  return em.execute<T[]>(text, params);
}

/**
 * Records by id in one statement, whatever their number; missing ids are left out. Read-only: only presented,
 * with the columns behind `fields` (every column when undefined, as for a CSV export).
 */
export async function byId<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  ids: Iterable<number | null>,
  fields?: Fields,
): Promise<Map<number, T>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const found = await readByIds(em, entity, wanted, fields);
  return new Map(found.map((row) => [row.id, row]));
}

/** A date column as `YYYY-MM-DD` whatever the session's DateStyle. */
export const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** An assignment (alias `alias`) active on the date given as the next parameter: end date inclusive, open end. */
export const activeOnDate = (alias: string) =>
  `${alias}.start_date <= ?::date and (${alias}.end_date is null or ${alias}.end_date >= ?::date)`;
