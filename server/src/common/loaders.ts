import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { findReadOnly, type Fields } from './read-only';

interface Identified {
  id: number;
}

/**
 * Per-request batch loaders: every `load(id)` made while resolving one level of a query becomes a single
 * `where id in (...)`. Loaders fetch by id only; whoever asks must already be allowed to see the parent edge.
 * What they return is for presenting: read-only entities (common/read-only.ts), not managed by the ORM.
 */
export class Loaders {
  private readonly byEntity = new Map<EntityClass<Identified>, DataLoader<number, Identified | null>>();

  private readonly byKey = new Map<string, DataLoader<unknown, unknown>>();

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
        const rows = await findReadOnly(this.em, entity as EntityClass<Identified>, ids, this.fieldsOf(entity as EntityClass<Identified>));
        const found = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byEntity.set(entity, loader);
    }
    return loader as unknown as DataLoader<number, T | null>;
  }
}
