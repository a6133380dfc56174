import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { AuditEvent } from '../../server/src/common/audit-event.entity';
import { readByIds } from '../../server/src/db/read-path';
import { Activity } from '../../server/src/modules/activity/activity.entity';
import { Agency } from '../../server/src/modules/agency/agency.entity';
import { Assignment } from '../../server/src/modules/assignment/assignment.entity';
import { Officer } from '../../server/src/modules/officer/officer.entity';
import { School } from '../../server/src/modules/school/school.entity';
import { User } from '../../server/src/modules/user/user.entity';
import { openTestDatabase } from '../support/database';
import { Factory } from '../support/factories';

describe('read-only records', () => {
  let orm: MikroORM;
  let factory: Factory;

  beforeAll(async () => {
    orm = await openTestDatabase();
    factory = new Factory(orm);
  });
  afterAll(() => orm.close());

  /** Every property a read-only record has, as the ORM loads it (a relation by its id). */
  async function compare<T extends { id: number }>(entity: EntityClass<T>, id: number) {
    const [record] = await readByIds(orm.em.fork(), entity, [id]);
    const loaded = (await orm.em.fork().findOneOrFail(entity, { id } as never)) as Record<string, unknown>;
    const read = Object.entries(record as Record<string, unknown>);
    expect(read.length).toBeGreaterThan(3);
    for (const [property, value] of read) {
      const expected = loaded[property] as { id?: number } | null | undefined;
      const actual = value as { id?: number } | null;
      if (expected && typeof expected === 'object' && 'id' in expected) expect([property, actual?.id]).toEqual([property, expected.id]);
      else expect([property, actual]).toEqual([property, expected]);
    }
  }

  // The statement sends every column as text (db/read-path/text-rows.ts, textRows); each must come back as the ORM's own
  // reading of the row has it: integers, booleans, enums, dates, timestamps, numeric, JSON, text with quotes and
  // line breaks, nulls.
  it('reads every kind of column as the ORM reads it', async () => {
    // Unique per run: the suite may run twice on one database (READ_PATH=fast, then orm).
    const agency = await factory.agency({ name: `Quote "Agency" \\ Ω ${Date.now()}`, phone: null as never });
    const officer = await factory.officer(agency, { notes: 'Line one\nline "two"\ttab' });
    const school = await factory.school();
    const assignment = await factory.assignment(officer, school, { fte: 0.25 });
    const activity = await factory.activity(officer, school);
    const { user } = await factory.user(Role.OFFICER, { officer });
    const em = orm.em.fork();
    await em.nativeUpdate(User, { id: user.id }, { lastLoginAt: new Date('2026-03-04T05:06:07.089Z') });
    const event = em.create(AuditEvent, {
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'update',
      entityType: 'Officer',
      entityId: String(officer.id),
      changes: { notes: { before: null, after: 'x "y"' } },
      details: { nested: { list: [1, 2.5, true, null] } },
      requestId: 'read-only-test',
    });
    await em.persistAndFlush(event);

    await compare(Agency, agency.id);
    await compare(Officer, officer.id);
    await compare(School, school.id);
    await compare(Assignment, assignment.id);
    await compare(Activity, activity.id);
    await compare(User, user.id);
    await compare(AuditEvent, event.id);
  });

  // A field resolver reading a column its operation did not select would get undefined: it throws, naming it.
  it('throws, naming the property, when a column that was not read is read', async () => {
    const officer = await factory.officer(await factory.agency(), { email: 'projected@agency.example' });
    const [row] = await readByIds(orm.em.fork(), Officer, [officer.id], new Set(['lastName']));
    expect(row.lastName).toBe(officer.lastName);
    expect(row.agency.id).toBe(officer.agency.id);
    expect(() => row.email).toThrow(/^Officer\.email was not read/);
    const [whole] = await readByIds(orm.em.fork(), Officer, [officer.id]);
    expect(whole.email).toBe('projected@agency.example');
  });
});
