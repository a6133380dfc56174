/**
 * The read path (docs/read-path.md): how records are read to be presented. Everything outside this folder uses
 * what this file exports and nothing else of it; the folder imports nothing of the project.
 *
 * READ_PATH picks how (mode.ts): `fast`, the default, reads with SQL written once per shape, prepared, answered
 * as one text value per statement and built into read-only entities, and runs queries compiled by graphql-jit;
 * `orm` reads with plain MikroORM and runs queries on graphql-js. Both give the same answers.
 */
import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fastByIds, fastEdges, fastPage } from './fast';
import { readPathMode } from './mode';
import { ormByIds, ormEdges, ormPage } from './orm';
import type { EdgeRead, Fields, Identified, PageRead, ReadPage } from './types';

export type { EdgeRead, Fields, PageRead, ReadOrder, ReadPage } from './types';
export { READ_PATH_MODES, readPathMode, useReadPath, type ReadPathMode } from './mode';
export { idArray, positionalParameters, prepared, preparedInTurn } from './prepared';
export type { Statement } from './statement-cache';
export { PipelinedBeginDialect } from './pipelined-begin';
export { compiledQueries } from './compiled-queries';
export { callFieldResolversDirectly } from './direct-field-resolvers';
export { selectedFields, selectionPlugin, type SelectedFields, type SelectionContext } from './selected-fields';
export { checkReadPath } from './check';

/** One page of `entity`'s rows matching the (already scoped) filter, and their total. */
export function readPage<T extends Identified>(em: EntityManager, entity: EntityClass<T>, read: PageRead<T>): Promise<ReadPage<T>> {
  return readPathMode() === 'orm' ? ormPage(em, entity, read) : fastPage(em, entity, read);
}

/** A page of a to-many edge for each of `parentIds`, in their order. */
export function readEdges<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  parentIds: readonly number[],
  read: EdgeRead<T>,
): Promise<ReadPage<T>[]> {
  if (parentIds.length === 0) return Promise.resolve([]);
  return readPathMode() === 'orm' ? ormEdges(em, entity, parentIds, read) : fastEdges(em, entity, parentIds, read);
}

/**
 * Rows of `entity` by id (missing ones left out), in one statement, for presenting: read-only on the fast path,
 * with the columns behind `fields` (every column when undefined).
 */
export function readByIds<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  ids: readonly number[],
  fields?: Fields,
): Promise<T[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return readPathMode() === 'orm' ? ormByIds(em, entity, ids) : fastByIds(em, entity, ids, fields);
}
