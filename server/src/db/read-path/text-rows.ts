import {
  DateType,
  DecimalType,
  Platform,
  ReferenceKind,
  type EntityClass,
  type EntityMetadata,
  type EntityProperty,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { idArray, prepared } from './prepared';

type Read = (value: unknown) => unknown;

interface Column {
  property: string;
  column: string;
  /** What pg makes of the column's text (`textRows` carries every column as text): see `WIRE`. */
  wire: Wire;
  /**
   * How the ORM would convert the value: `value` when it would not, `relation` for a to-one relation's id,
   * `date`, `boolean` and `number` for the conversions written inline, a function for any other.
   */
  read: Read | 'value' | 'relation' | 'date' | 'boolean' | 'number';
}

const plans = new WeakMap<EntityMetadata, Column[]>();

function reader(em: EntityManager, property: EntityProperty): Column['read'] {
  // A relation is its id, as `{ id }`: what the read paths (field resolvers, policies) ask of it.
  if (property.kind === ReferenceKind.MANY_TO_ONE || property.kind === ReferenceKind.ONE_TO_ONE) return 'relation';
  const platform = em.getPlatform();
  const type = property.customType;
  // The ORM's own conversions that are plain operations, written inline in the row builder below.
  if (type instanceof DateType && platform.convertDateToJSValue === Platform.prototype.convertDateToJSValue) return 'value';
  if (type instanceof DecimalType)
    return (type.mode ?? property.runtimeType) === 'number' ? 'number' : (value) => (value == null ? value : String(value));
  if (type) return (value) => (value === null || value === undefined ? value : type.convertToJSValue(value, platform));
  if (property.runtimeType === 'Date') return 'date';
  if (property.runtimeType === 'boolean') return 'boolean';
  return 'value';
}

/** What pg makes of a column's text: a number, a boolean, parsed JSON, or the text itself. */
type Wire = 'number' | 'boolean' | 'json' | 'text';

// Column types by what pg gives for them (with MikroORM's settings: dates and times stay text), read off the
// entities' column types (a PostgreSQL enum type is text); a type not listed stops the read rather than passing on
// a value pg would have parsed.
const WIRE: [RegExp, Wire][] = [
  [/^(serial|smallserial|int|integer|smallint|int2|int4|real|float4|float8|double precision)\b/, 'number'],
  [/^(boolean|bool)\b/, 'boolean'],
  [/^(json|jsonb)\b/, 'json'],
  [
    /^(varchar|character varying|text|char|bpchar|uuid|date|timestamp|timestamptz|time|timetz|interval|numeric|decimal|bigint|bigserial|int8)\b/,
    'text',
  ],
];

function wireOf(property: EntityProperty): Wire {
  const type = property.columnTypes[0]!.toLowerCase();
  const wire = WIRE.find(([pattern]) => pattern.test(type))?.[1] ?? (property.enum ? 'text' : undefined);
  if (!wire) throw new Error(`${property.name}: text-rows.ts does not know how pg reads a ${type} column; add the type to WIRE`);
  return wire;
}

/** The columns an entity's reads select: every stored scalar and to-one relation, but not lazy ones (hashes). */
export function plan(em: EntityManager, meta: EntityMetadata): Column[] {
  let columns = plans.get(meta);
  if (!columns) {
    const stored = meta.props.filter(
      (property) =>
        !property.lazy &&
        property.persist !== false &&
        property.fieldNames?.length === 1 &&
        [ReferenceKind.SCALAR, ReferenceKind.MANY_TO_ONE, ReferenceKind.ONE_TO_ONE].includes(property.kind) &&
        !(property.kind === ReferenceKind.ONE_TO_ONE && !property.owner),
    );
    columns = stored.map((property) => ({
      property: property.name,
      column: property.fieldNames[0],
      wire: wireOf(property),
      read: reader(em, property),
    }));
    plans.set(meta, columns);
  }
  return columns;
}

/** What a read asks of an entity: the names of the fields wanted, or undefined for every column. */
export type Fields = ReadonlySet<string> | undefined;

const projections = new WeakMap<EntityMetadata, WeakMap<ReadonlySet<string>, Column[]>>();
// Each distinct projection gets a row builder of its own (below); past this many, new ones read every column,
// so that no sequence of queries can make the process compile builders without end.
const MAX_PROJECTIONS = 1_000;
const projectionKeys = new Set<string>();
const builderKey = (meta: EntityMetadata, columns: Column[]) => `${meta.className}:${columns.map((column) => column.property).join(',')}`;

/**
 * The columns read for `fields`: the id, every to-one relation (policies and field resolvers read them) and each
 * property named in `fields`. A field resolver may read only these: the property of its own name, the id and the
 * to-one relations (every one of them does so today).
 */
function projection(em: EntityManager, meta: EntityMetadata, fields: Fields): Column[] {
  const columns = plan(em, meta);
  if (fields === undefined) return columns;
  let byFields = projections.get(meta);
  if (!byFields) projections.set(meta, (byFields = new WeakMap()));
  let projected = byFields.get(fields);
  if (!projected) {
    projected = columns.filter(({ property, read }) => property === 'id' || read === 'relation' || fields.has(property));
    const key = builderKey(meta, projected);
    if (!projectionKeys.has(key) && projectionKeys.size >= MAX_PROJECTIONS) projected = columns;
    else projectionKeys.add(key);
    byFields.set(fields, projected);
  }
  return projected;
}

/** The column names `readOnly` reads for `fields`, to select them and nothing else. */
export function readColumns<T extends object>(em: EntityManager, entity: EntityClass<T>, fields?: Fields): string[] {
  return projection(em, em.getMetadata().get<T>(entity.name), fields).map((column) => column.column);
}

/**
 * `text`, a statement selecting (at least) the columns `readColumns` gives for `fields`, wrapped so that PostgreSQL
 * answers all its rows in one value: a JSON array with an array per row, in the statement's order, of those columns
 * as text (then `extra`, text expressions over the row `r`). pg decodes a row field by field, a string and a type
 * parser for each, and a few hundred rows cost Node more than the statement costs PostgreSQL; one JSON.parse of the
 * same texts costs it a fifth of that, and PostgreSQL no more (one element type for the whole array). Read with
 * `readOnly(em, entity, parseRows(answer), fields)`, which makes of each text what pg would have.
 */
export function textRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  fields: Fields,
  text: string,
  extra: string[] = [],
): string {
  const columns = projection(em, em.getMetadata().get<T>(entity.name), fields).map(({ column }) => `r."${column}"::text`);
  return `select coalesce(array_to_json(array_agg(array[${[...columns, ...extra].join(', ')}]))::text, '[]') as rows from (${text}) r`;
}

/** The rows of a `textRows` statement's answer. */
export const parseRows = (answer: readonly { rows: string }[]): (string | null)[][] => JSON.parse(answer[0]!.rows) as (string | null)[][];

/**
 * Entities for reading only, built straight from their rows. Loading hundreds of rows per request through the
 * ORM (hydration, identity map, change-set snapshots, then a flush that compares them all at COMMIT) costs more
 * than the SQL itself; rows that are only going to be presented need none of that. Each object has its entity's
 * prototype (so `instanceof` holds for the GraphQL layer), its columns converted as the ORM converts them, and
 * its to-one relations as `{ id }`. It is not managed: changing it changes nothing. Writes load their rows through
 * the EntityManager, as before. `fields` must be those the rows were selected for (`readColumns`); reading another
 * column's property throws.
 */
export function readOnly<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  rows: readonly (string | null)[][],
  fields?: Fields,
): T[] {
  const build = builder<T>(em, em.getMetadata().get<T>(entity.name), fields);
  return rows.map(build);
}

const builders = new Map<string, (row: (string | null)[]) => never>();

/**
 * The prototype of an entity's read-only objects read with `columns`. The ORM defines an accessor on the entity's
 * prototype for every property; a prototype in between with plain properties of the same names lets a constructor
 * assign them as the object's own and keeps `instanceof`. A column left out of the projection is an accessor that
 * throws, naming it: a field resolver reading a property its operation did not select would otherwise get
 * undefined (docs/read-path.md, "Invariants").
 */
function prototypeOf(em: EntityManager, meta: EntityMetadata, columns: Column[]): object {
  const read = new Set(columns.map((column) => column.property));
  const shadows = plan(em, meta).map(({ property }): [string, PropertyDescriptor] =>
    read.has(property)
      ? [property, { value: undefined, writable: true, configurable: true }]
      : [
          property,
          {
            configurable: true,
            get() {
              throw new Error(
                `${meta.className}.${property} was not read: the read path reads the fields the operation selects, the id and the to-one relations; a field resolver may read only those (docs/read-path.md)`,
              );
            },
            set(this: object, value: unknown) {
              Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
            },
          },
        ],
  );
  return Object.create(meta.prototype, Object.fromEntries(shadows)) as object;
}

/**
 * The function that turns one row of an entity into its read-only object, generated once per entity and set of
 * columns: a constructor assigning the properties in a fixed order, so that every object of a type has the same
 * shape and the GraphQL layer reads them fast. (A loop assigning properties by name cost a tenth of the nested
 * query; an object literal given the entity's prototype with `Object.setPrototypeOf`, another tenth.)
 */
function builder<T extends object>(em: EntityManager, meta: EntityMetadata<T>, fields: Fields): (row: (string | null)[]) => T {
  const columns = projection(em, meta, fields);
  const key = builderKey(meta, columns);
  let build = builders.get(key);
  if (!build) {
    const reads = columns.map((column) => column.read);
    const properties = columns.map(({ property, read, wire }, index) => {
      // First what pg would have made of the text, then what the ORM makes of that.
      const text = `row[${index}]`;
      const value = {
        number: `(${text} == null ? null : +${text})`,
        boolean: `(${text} == null ? null : ${text} === 'true')`,
        json: `(${text} == null ? null : JSON.parse(${text}))`,
        text,
      }[wire];
      const converted = {
        value,
        relation: `(${value} == null ? null : { id: ${value} })`,
        date: `(${value} == null || ${value} instanceof Date ? ${value} : new Date(${value}))`,
        boolean: `(${value} == null ? ${value} : Boolean(${value}))`,
        number: `(${value} == null ? ${value} : +${value})`,
      }[typeof read === 'string' ? read : 'value'];
      return `this[${JSON.stringify(property)}] = ${typeof read === 'function' ? `reads[${index}](${value})` : converted};`;
    });
    const ReadOnly = new Function('reads', `return function ReadOnly(row) { ${properties.join(' ')} };`)(reads) as new (
      row: (string | null)[],
    ) => never;
    ReadOnly.prototype = prototypeOf(em, meta, columns);
    build = (row) => new ReadOnly(row);
    builders.set(key, build);
  }
  return build as (row: (string | null)[]) => T;
}

/** Rows of `entity` by id, as read-only entities, in one statement inside the request's transaction. */
export async function findReadOnly<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  ids: readonly number[],
  fields?: Fields,
): Promise<T[]> {
  const table = em.getMetadata().get<T>(entity.name).tableName;
  const columns = readColumns(em, entity, fields)
    .map((column) => `"${column}"`)
    .join(', ');
  // One array parameter, not one per id: one statement text per entity, prepared once per connection, whatever
  // the number of ids (a coverage report asks for 5,000 officers at once).
  const text = textRows(em, entity, fields, `select ${columns} from "${table}" where id = any($1)`);
  return readOnly(em, entity, parseRows(await prepared<{ rows: string }>(em, text, [idArray(ids)])), fields);
}
