import { ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { getMetadataStorage } from 'type-graphql';
import { plan } from './text-rows';

/**
 * The rules a GraphQL type that is an entity must follow for the fast read path, checked at start (app.ts) so that
 * breaking one stops the server naming the field instead of answering null or undefined:
 *
 * - a field is a column the read path reads (a stored scalar or to-one relation of one column, not lazy), or it
 *   is resolved by a field resolver (`@FieldResolver`): a getter or method computed from other properties would
 *   find them unread when only it is selected;
 * - a to-one relation's field is resolved by a field resolver (the read path gives the relation as `{ id }`);
 * - a column's field keeps its property's name (`@Field({ name })` would select a property nobody reads);
 * - and every column's type is one the read path knows how to read (text-rows.ts#WIRE).
 *
 * A field resolver may still read only its own property, the id and the to-one relations; reading another
 * unselected property throws, naming it (text-rows.ts). Run after the schema is built.
 */
export function checkReadPath(em: EntityManager): void {
  const storage = getMetadataStorage();
  const problems: string[] = [];
  for (const objectType of storage.objectTypes) {
    const meta = em.getMetadata().find(objectType.target.name);
    if (!meta || meta.class !== objectType.target) continue;
    let columns: Map<string, unknown>;
    try {
      columns = new Map(plan(em, meta).map((column) => [column.property, column.read]));
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    for (const field of objectType.fields ?? []) {
      const name = `${objectType.name}.${field.schemaName}`;
      const resolved = storage.fieldResolvers.some(
        (resolver) =>
          resolver.kind === 'external' && resolver.getObjectType?.() === objectType.target && resolver.methodName === field.name,
      );
      if (resolved) continue;
      const property = meta.properties[field.name as never] as { kind: ReferenceKind; lazy?: boolean } | undefined;
      if (!columns.has(field.name)) {
        const what =
          property?.kind === ReferenceKind.EMBEDDED
            ? 'an embedded property, which the read path does not read'
            : property?.lazy
              ? 'a lazy property, which the read path does not read'
              : property
                ? 'a property the read path does not read'
                : 'computed (a getter or method), and would find the properties it reads unread when only it is selected';
        problems.push(`${name} is ${what}: resolve it with a @FieldResolver, or make it a column`);
      } else if (columns.get(field.name) === 'relation') {
        problems.push(
          `${name} is a to-one relation, which the read path reads as its id only: resolve it with a @FieldResolver (ctx.loaders.one)`,
        );
      } else if (field.schemaName !== field.name) {
        problems.push(
          `${name} renames the property ${field.name} (@Field({ name })): the read path selects columns by field name; name the field as its property`,
        );
      }
    }
  }
  if (problems.length) throw new Error(`The read path cannot serve these fields (docs/read-path.md):\n- ${problems.join('\n- ')}`);
}
