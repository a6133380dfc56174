/**
 * SQL for the read paths (list pages, their totals, to-many edges), built by the ORM's query builder once per
 * *shape* of its inputs and then reused with each request's values, as a prepared statement (prepared.ts).
 *
 * The shape of an input is the input with every string and number left out: `{ status: 'ACTIVE' }` and
 * `{ status: 'RETIRED' }` have one shape, `{ status: 'ACTIVE' }` and `{ rank: 'SERGEANT' }` two. An array's
 * length, booleans, null and undefined are part of the shape (the query builder writes different SQL for them).
 * For a new shape the builder runs once on a copy of the input whose strings and numbers are replaced by unique
 * sentinels; each parameter of the SQL it writes must be one of the sentinels (or a constant of the builder's
 * own), and each sentinel must appear, else the shape is not cached and the builder runs on every request.
 */

/** A value kept whole, as one parameter, rather than walked into: an array bound to `= any($n)`. Builders bind `.value`. */
export class Whole {
  constructor(readonly value: unknown) {}
}

/** SQL with `$1`, `$2`... and the values, as pg takes them. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** What a builder returns: knex's `toSQL().toNative()`. */
export interface NativeSql {
  sql: string;
  bindings: readonly unknown[];
}

interface Compiled {
  text: string;
  /** For each parameter: the index of the input's value, or a constant (boxed). */
  parameters: (number | { constant: unknown })[];
}

/** Shapes kept at most; beyond it new shapes are built each time (arbitrarily many `ids` lengths, say). */
const MAX_SHAPES = 2_000;
const compiled = new Map<string, Compiled | null>();

const SENTINEL_STRING = '\u0001sro-value-';
// A number no query of this program uses (negative, with a fraction), unique per value.
const sentinelNumber = (index: number) => -1_000_000_007.5 - index;

/** Appends the shape of `input` to `shape` and its strings and numbers to `values`; false if it has no shape. */
function walk(input: unknown, shape: string[], values: unknown[]): boolean {
  if (typeof input === 'string' || typeof input === 'number') {
    shape.push(typeof input === 'string' ? 's' : 'n');
    values.push(input);
    return true;
  }
  if (input === null || input === undefined || typeof input === 'boolean') {
    shape.push(String(input));
    return true;
  }
  if (input instanceof Whole) {
    shape.push('w');
    values.push(input.value);
    return true;
  }
  if (Array.isArray(input)) {
    shape.push(`[${input.length}`);
    return input.every((item) => walk(item, shape, values)) && shape.push(']') > 0;
  }
  // Plain objects only: an entity, a Date or a raw SQL fragment is converted by the builder in its own ways.
  if (Object.getPrototypeOf(input) !== Object.prototype) return false;
  shape.push('{');
  for (const [key, value] of Object.entries(input)) {
    shape.push(JSON.stringify(key));
    if (!walk(value, shape, values)) return false;
  }
  shape.push('}');
  return true;
}

/** A copy of `input` with its n-th string or number (or whole value) replaced by sentinel n. */
function withSentinels(input: unknown, next: { index: number }): unknown {
  if (typeof input === 'string') return `${SENTINEL_STRING}${next.index++}`;
  if (typeof input === 'number') return sentinelNumber(next.index++);
  if (input instanceof Whole) return new Whole(`${SENTINEL_STRING}${next.index++}`);
  if (Array.isArray(input)) return input.map((item) => withSentinels(item, next));
  if (input !== null && typeof input === 'object')
    return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, withSentinels(value, next)]));
  return input;
}

const SENTINEL_INDEX = new RegExp(`^${SENTINEL_STRING}(\\d+)$`);

function sentinelIndex(binding: unknown): number | undefined {
  if (typeof binding === 'string') {
    const match = SENTINEL_INDEX.exec(binding);
    return match ? Number(match[1]) : undefined;
  }
  if (typeof binding === 'number' && binding <= sentinelNumber(0) && Number.isInteger(binding + 0.5)) return sentinelNumber(0) - binding;
  return undefined;
}

/** A parameter that is not a sentinel but was made from one (`%sentinel%`, sentinel + 1): it would go stale. */
const madeFromSentinel = (binding: unknown) =>
  (typeof binding === 'string' && binding.includes(SENTINEL_STRING)) || (typeof binding === 'number' && binding < -1_000_000_000);

/** The SQL written for the sentinel copy, as a reusable statement; null when it cannot be reused. */
function compile(native: NativeSql, count: number): Compiled | null {
  const used = new Set<number>();
  let reusable = !native.sql.includes(SENTINEL_STRING);
  const parameters = native.bindings.map((binding) => {
    const index = sentinelIndex(binding);
    if (index !== undefined) {
      used.add(index);
      return index;
    }
    if (madeFromSentinel(binding)) reusable = false;
    return { constant: binding };
  });
  // A value missing from the parameters was written into the SQL, or changed on the way: not reusable.
  return reusable && used.size === count ? { text: native.sql, parameters } : null;
}

/**
 * The statement `build` writes for `input`. `key` names what is built (its kind, entity, sort...): everything
 * that shapes the SQL besides `input`. `build` must write the same SQL for inputs of the same shape.
 */
export function cachedStatement<I>(key: string, input: I, build: (input: I) => NativeSql): Statement {
  const shape: string[] = [key];
  const values: unknown[] = [];
  if (!walk(input, shape, values)) return fromNative(build(input));
  const shapeKey = shape.join(' ');
  let statement = compiled.get(shapeKey);
  if (statement === undefined) {
    statement = compile(build(withSentinels(input, { index: 0 }) as I), values.length);
    if (compiled.size < MAX_SHAPES) compiled.set(shapeKey, statement);
  }
  if (statement === null) return fromNative(build(input));
  return {
    text: statement.text,
    values: statement.parameters.map((parameter) => (typeof parameter === 'number' ? values[parameter] : parameter.constant)),
  };
}

const fromNative = ({ sql, bindings }: NativeSql): Statement => ({ text: sql, values: [...bindings] });
