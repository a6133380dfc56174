import { knex as knexFactory } from '@mikro-orm/knex';
import { cachedStatement, Whole, type NativeSql } from '../../server/src/db/read-path/statement-cache';

// knex writes the SQL as it does for the server (no connection: toSQL only).
const knex = knexFactory({ client: 'pg' });

interface Filter {
  status?: string;
  agencyIds?: number[];
  active?: boolean;
  ids?: Whole;
}

/** A builder that counts its runs and writes SQL the way the read paths do. */
function counted(write: (filter: Filter) => NativeSql) {
  const calls: Filter[] = [];
  return {
    calls,
    build: (filter: Filter) => {
      calls.push(filter);
      return write(filter);
    },
  };
}

const officers = (filter: Filter) => {
  const query = knex('officer').select('id');
  if (filter.status !== undefined) query.where('status', filter.status);
  if (filter.agencyIds) query.whereIn('agency_id', filter.agencyIds);
  if (filter.active !== undefined) query.where('active', filter.active);
  if (filter.ids) query.whereRaw('id = any(?)', [filter.ids.value as number[]]);
  return query.toSQL().toNative();
};

describe('statements kept per shape of their inputs', () => {
  it('writes the SQL once per shape and binds each request its own values', () => {
    const { calls, build } = counted(officers);
    const first = cachedStatement('test officers 1', { status: 'ACTIVE', agencyIds: [3, 4] }, build);
    const second = cachedStatement('test officers 1', { status: 'RETIRED', agencyIds: [7, 8] }, build);
    expect(calls).toHaveLength(1);
    expect(second.text).toBe(first.text);
    expect(first.values).toEqual(['ACTIVE', 3, 4]);
    expect(second.values).toEqual(['RETIRED', 7, 8]);
    expect(second).toEqual({ text: officers({ status: 'RETIRED', agencyIds: [7, 8] }).sql, values: ['RETIRED', 7, 8] });
  });

  it('tells shapes apart by keys, array lengths, booleans and nulls', () => {
    const { calls, build } = counted(officers);
    const texts = [
      cachedStatement('test officers 2', { status: 'ACTIVE' }, build),
      cachedStatement('test officers 2', { agencyIds: [1] }, build),
      cachedStatement('test officers 2', { agencyIds: [1, 2] }, build),
      cachedStatement('test officers 2', { active: true }, build),
      cachedStatement('test officers 2', { active: false }, build),
    ].map((statement) => statement.text);
    expect(calls).toHaveLength(5);
    expect(new Set(texts).size).toBe(4); // true and false bind a constant: same text, different values
    expect(cachedStatement('test officers 2', { active: false }, build).values).toEqual([false]);
    expect(cachedStatement('test officers 2', { active: true }, build).values).toEqual([true]);
    expect(calls).toHaveLength(5);
  });

  it('binds a whole array as one parameter', () => {
    const { build } = counted(officers);
    const statement = cachedStatement('test officers 3', { ids: new Whole([5, 6, 7]) }, build);
    expect(statement.text).toBe('select "id" from "officer" where id = any($1)');
    expect(cachedStatement('test officers 3', { ids: new Whole([9]) }, build).values).toEqual([[9]]);
  });

  it('writes the SQL every time when the builder puts a value into the text', () => {
    const inlined = counted((filter: Filter) => knex.raw(`select id from officer where status = '${filter.status}'`).toSQL().toNative());
    expect(cachedStatement('test inlined', { status: 'ACTIVE' }, inlined.build).text).toBe(
      "select id from officer where status = 'ACTIVE'",
    );
    expect(cachedStatement('test inlined', { status: 'RETIRED' }, inlined.build).text).toBe(
      "select id from officer where status = 'RETIRED'",
    );
    expect(inlined.calls.map((filter) => filter.status)).toEqual([expect.stringContaining('sro-value'), 'ACTIVE', 'RETIRED']);
  });

  it('writes the SQL every time when the builder binds a value it made from an input', () => {
    const derived = counted((filter: Filter) =>
      knex('officer').select('id').where('status', filter.status).orWhereILike('last_name', `%${filter.status}%`).toSQL().toNative(),
    );
    expect(cachedStatement('test derived', { status: 'ACTIVE' }, derived.build).values).toEqual(['ACTIVE', '%ACTIVE%']);
    expect(cachedStatement('test derived', { status: 'RETIRED' }, derived.build).values).toEqual(['RETIRED', '%RETIRED%']);
    expect(derived.calls).toHaveLength(3);
  });

  it('writes the SQL every time for inputs it cannot walk (entities, dates)', () => {
    const { calls, build } = counted(() => knex('officer').select('id').where('created_at', '<', new Date(0)).toSQL().toNative());
    cachedStatement('test dates', { since: new Date(0) } as never, build);
    cachedStatement('test dates', { since: new Date(0) } as never, build);
    expect(calls).toHaveLength(2);
  });

  it('binds the value of a whole array on that path too', () => {
    const dated = (filter: { ids: Whole; since: Date }) =>
      knex('officer')
        .select('id')
        .whereRaw('id = any(?)', [filter.ids.value as number[]])
        .where('created_at', '<', filter.since)
        .toSQL()
        .toNative();
    const statement = cachedStatement('test whole, dates', { ids: new Whole([4]), since: new Date(0) }, dated);
    expect(statement.values).toEqual([[4], new Date(0)]);
  });
});
