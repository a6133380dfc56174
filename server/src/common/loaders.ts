import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { readByIds, type Fields } from '../db/read-path';

interface Identified {
  id: number;
}

/**
 * Per-request batch loaders: every `load(id)` made while resolving one level of a query becomes a single
 * `where id in (...)`. Loaders fetch by id only; whoever asks must already be allowed to see the parent edge.
 * What they return is for presenting (db/read-path#readByIds).
 */
export class Loaders {
  private readonly byEntity = new Map<EntityClass<Identified>, DataLoader<number, Identified | null>>();

  private readonly byKey = new Map<string, DataLoader<unknown, unknown>>();

  /** Records read by `byId` so far, by entity and id; null when not there or not visible to the actor. */
  private readonly read = new Map<EntityClass<Identified>, Map<number, Identified | null>>();

  constructor(
    private readonly em: EntityManager,
    /** The fields the request asks of an entity: the columns its rows are read with. */
    private readonly fieldsOf: (entity: EntityClass<Identified>) => Fields,
  ) {}

  /** A loader shared by every resolver call of this request that asks the same question (same key). */
  keyed<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.byKey.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.byKey.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }

  byId<T extends Identified>(entity: EntityClass<T>): DataLoader<number, T | null> {
    let loader = this.byEntity.get(entity);
    if (!loader) {
      loader = new DataLoader<number, Identified | null>(async (ids) => {
        const read = await this.readMany(entity as EntityClass<Identified>, ids);
        return ids.map((id) => read.get(id)!);
      });
      this.byEntity.set(entity, loader);
    }
    return loader as unknown as DataLoader<number, T | null>;
  }

  /** Reads records by id in one statement, keeps them for `one`, and prefetches their relations. */
  private async readMany(entity: EntityClass<Identified>, ids: readonly number[]): Promise<Map<number, Identified | null>> {
    let read = this.read.get(entity);
    if (!read) this.read.set(entity, (read = new Map()));
    const rows = await readByIds(this.em, entity, ids, this.fieldsOf(entity));
    for (const id of ids) read.set(id, null);
    for (const row of rows) read.set(row.id, row);
    await this.prefetch(entity, rows);
    return read;
  }

  /**
   * A record by id: the record itself when this request has read it already (see `prefetch`), else a promise of
   * it, batched with the others asked in the same turn. GraphQL takes either, and a value costs it no promise.
   */
  one<T extends Identified>(entity: EntityClass<T>, id: number): T | null | Promise<T | null> {
    const known = this.read.get(entity)?.get(id);
    return known === undefined ? this.byId(entity).load(id) : (known as T | null);
  }

  /**
   * For rows just read, reads the to-one relations the operation asks of their entity (`fieldsOf`): per relation
   * the one statement its field resolvers' batch would send, before the rows are handed to GraphQL, so that those
   * resolvers find their records already read (`one`), and so on down the relations asked.
   */
  async prefetch<T extends Identified>(entity: EntityClass<T>, rows: readonly T[]): Promise<void> {
    const fields = this.fieldsOf(entity as EntityClass<Identified>);
    if (!fields || rows.length === 0) return;
    const relations = this.em
      .getMetadata()
      .get(entity.name)
      .relations.filter(
        (property) =>
          (property.kind === ReferenceKind.MANY_TO_ONE || (property.kind === ReferenceKind.ONE_TO_ONE && property.owner)) &&
          fields.has(property.name),
      );
    await Promise.all(
      relations.map((property) => {
        const target = property.targetMeta!.class as EntityClass<Identified>;
        const read = this.read.get(target);
        const ids = new Set<number>();
        for (const row of rows) {
          const related = (row as Record<string, unknown>)[property.name] as Identified | null | undefined;
          if (related && !read?.has(related.id)) ids.add(related.id);
        }
        return ids.size ? this.readMany(target, [...ids]) : undefined;
      }),
    );
  }
}
