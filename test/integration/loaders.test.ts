import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Loaders } from '../../server/src/common/loaders';
import { readByIds } from '../../server/src/db/read-path';
import { Agency } from '../../server/src/modules/agency/agency.entity';
import { Officer } from '../../server/src/modules/officer/officer.entity';
import { User } from '../../server/src/modules/user/user.entity';
import { openTestDatabase } from '../support/database';
import { Factory } from '../support/factories';
import { Role } from '../../server/src/common/actor';

describe('per-request loaders', () => {
  let orm: MikroORM;
  let factory: Factory;

  beforeAll(async () => {
    orm = await openTestDatabase();
    factory = new Factory(orm);
  });
  afterAll(() => orm.close());

  /** Loaders for an operation that asks `asked` of each type, and the statements they send. */
  function loaders(asked: Record<string, string[]>) {
    const em = orm.em.fork();
    const statements: string[] = [];
    em.getConnection()
      .getKnex()
      .client.on('query', (query: { sql: string }) => statements.push(query.sql));
    const fieldsOf = (entity: EntityClass<unknown>) => new Set(asked[entity.name] ?? ['id']);
    return { em, statements, loaders: new Loaders(em, fieldsOf) };
  }

  it('reads the to-one relations an operation asks with their rows, down the relations asked, so that their resolvers get records', async () => {
    const [north, south] = [await factory.agency(), await factory.agency()];
    const officers = [await factory.officer(north), await factory.officer(south), await factory.officer(north)];
    const { user } = await factory.user(Role.OFFICER, { officer: officers[1] });
    const { em, statements, loaders: load } = loaders({ User: ['officer'], Officer: ['agency'], Agency: ['name'] });
    const users = await readByIds(em, User, [user.id]);
    statements.length = 0;

    await load.prefetch(User, users);
    // The user's officer, then that officer's agency: one statement each, the ones the resolvers' batches would send.
    expect(statements).toHaveLength(2);
    const officer = load.one(Officer, officers[1].id) as Officer;
    expect(officer).toBeInstanceOf(Officer);
    expect(load.one(Agency, officer.agency.id)).toMatchObject({ id: south.id, name: south.name });
    // Not asked (the officers of north), not read: a promise, batched as before.
    const other = load.one(Officer, officers[0].id);
    expect(other).toBeInstanceOf(Promise);
    expect(await other).toMatchObject({ id: officers[0].id });
    expect(statements).toHaveLength(4); // the officer and, asked of officers, its agency
    // A record that is not there is remembered as missing.
    expect(await load.one(Agency, 2_000_000_000)).toBeNull();
    expect(load.one(Agency, 2_000_000_000)).toBeNull();
  });

  it('reads nothing for relations the operation does not ask', async () => {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const { em, statements, loaders: load } = loaders({ Officer: ['firstName'] });
    const rows = await readByIds(em, Officer, [officer.id]);
    statements.length = 0;
    await load.prefetch(Officer, rows);
    expect(statements).toEqual([]);
    const later = load.one(Agency, agency.id);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toMatchObject({ id: agency.id });
  });
});
