import type { Knex } from '@mikro-orm/knex';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Client } from 'pg';
import { prepared, preparedInTurn } from '../../server/src/db/read-path';
import { beginOf } from '../../server/src/db/read-path/pipelined-begin';
import { openTestDatabase } from '../support/database';

describe('statements pipelined on a connection', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(() => orm.close());

  const connectionOf = (em: EntityManager) => em.getTransactionContext<Knex.Transaction>()!.client.acquireConnection() as Promise<Client>;
  const probe = (em: EntityManager) =>
    prepared<{ probe: string | null }>(em, `select current_setting('sro.probe', true) as probe`, []).then(([row]) => row!.probe);

  it("writes a transaction's BEGIN without waiting for its answer; the next statement waits for it and runs inside the transaction", async () => {
    const em = orm.em.fork();
    await em.begin();
    try {
      const begin = beginOf(await connectionOf(em));
      expect(begin).toBeInstanceOf(Promise);
      await begin;
      expect(beginOf(await connectionOf(em))).toBeUndefined();
    } finally {
      await em.rollback();
    }
    for (const first of ['prepared', 'knex'] as const) {
      const inside = orm.em.fork();
      await inside.begin();
      // A transaction-local setting made by the first statement is still there for the second only when both ran
      // in the transaction: the first statement went out behind the BEGIN, not before it.
      const text = `select set_config('sro.probe', 'inside', true)`;
      if (first === 'prepared') await prepared(inside, text, []);
      else await inside.execute(text);
      expect(await probe(inside)).toBe('inside');
      await inside.rollback();
    }
  });

  it('runs statements written in one turn in their order, each with its own answer, and throws the first refusal', async () => {
    const em = orm.em.fork();
    await em.begin();
    try {
      const answers = await preparedInTurn<{ value: number }>(
        em,
        [1, 2, 3].map((value) => ({ text: `select $1::int * 10 as value, set_config('sro.probe', $1::text, true)`, values: [value] })),
      );
      expect(answers.map(([row]) => row!.value)).toEqual([10, 20, 30]);
      expect(await probe(em)).toBe('3');
    } finally {
      await em.rollback();
    }
    const refused = orm.em.fork();
    await refused.begin();
    const error = await preparedInTurn(refused, [
      { text: 'select 1 / $1::int', values: [0] },
      { text: 'select 1', values: [] },
    ]).catch((thrown: { code?: string }) => thrown);
    await refused.rollback();
    expect(error).toMatchObject({ code: '22012' });
  });
});
