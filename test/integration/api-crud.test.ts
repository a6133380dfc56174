import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** Create, read, update (with version) and delete of every record type, through HTTP, as an administrator. */
describe('CRUD through the API', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const fields: Record<string, string> = {
    Agency: 'id version name kind ori active',
    School: 'id version name ncesId level locale enrollment active',
    Officer: 'id version firstName lastName badgeNumber rank status email agency { id }',
    Assignment: 'id version role startDate endDate fte officer { id } school { id }',
    Activity: 'id version date category topic durationMinutes studentsReached officer { id } school { id }',
  };

  async function roundTrip(type: string, plural: string, create: Record<string, unknown>, update: Record<string, unknown>) {
    const singular = type[0].toLowerCase() + type.slice(1);
    const created = await app.query(
      `mutation($input: Create${type}Input!) { create${type}(input: $input) { ${fields[type]} } }`,
      { input: create },
      admin,
    );
    const row = created[`create${type}`];
    expect(row).toMatchObject({ version: 1 });

    const read = await app.query(`query($id: ID!) { ${singular}(id: $id) { ${fields[type]} } }`, { id: row.id }, admin);
    expect(read[singular]).toEqual(row);

    const updated = await app.query(
      `mutation($id: ID!, $input: Update${type}Input!) { update${type}(id: $id, input: $input) { ${fields[type]} } }`,
      { id: row.id, input: { ...update, version: 1 } },
      admin,
    );
    expect(updated[`update${type}`]).toMatchObject({ ...update, version: 2 });

    const stale = await app.graphql(
      `mutation($id: ID!, $input: Update${type}Input!) { update${type}(id: $id, input: $input) { id } }`,
      { id: row.id, input: { version: 1 } },
      admin,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });

    const listed = await app.query(
      `query($ids: [ID!]) { ${plural}(filter: { ids: $ids }) { totalCount items { id } } }`,
      { ids: [row.id] },
      admin,
    );
    expect(listed[plural]).toEqual({ totalCount: 1, items: [{ id: row.id }] });

    const deleted = await app.query(`mutation($id: ID!) { delete${type}(id: $id) { id } }`, { id: row.id }, admin);
    expect(deleted[`delete${type}`]).toEqual({ id: row.id });
    expect((await app.query(`query($id: ID!) { ${singular}(id: $id) { id } }`, { id: row.id }, admin))[singular]).toBeNull();

    const again = await app.graphql(`mutation($id: ID!) { delete${type}(id: $id) { id } }`, { id: row.id }, admin);
    expect(again.errors?.[0].extensions.code).toBe('NOT_FOUND');
    return row;
  }

  it('agencies', async () => {
    await roundTrip(
      'Agency',
      'agencies',
      { name: unique('Agency'), kind: 'COUNTY_SHERIFF', ori: 'CO0990000' },
      { name: unique('Renamed'), ori: null, active: false },
    );
  });

  it('schools', async () => {
    await roundTrip(
      'School',
      'schools',
      { name: unique('School'), level: 'MIDDLE', locale: 'RURAL', enrollment: 640, ncesId: '080000000001' },
      { enrollment: 655, ncesId: null },
    );
  });

  it('officers', async () => {
    const agency = await factory.agency();
    await roundTrip(
      'Officer',
      'officers',
      {
        agencyId: String(agency.id),
        firstName: 'Casey',
        lastName: unique('Lopez'),
        badgeNumber: unique('B'),
        rank: 'CORPORAL',
        email: 'casey@example.org',
      },
      { rank: 'SERGEANT', status: 'ON_LEAVE', email: null },
    );
  });

  it('assignments', async () => {
    const officer = await factory.officer(await factory.agency());
    const school = await factory.school();
    await roundTrip(
      'Assignment',
      'assignments',
      { officerId: String(officer.id), schoolId: String(school.id), role: 'PRIMARY', startDate: '2026-08-15', fte: 0.75 },
      { endDate: '2027-06-15', fte: 0.5 },
    );
  });

  it('activities', async () => {
    const officer = await factory.officer(await factory.agency());
    const school = await factory.school();
    await roundTrip(
      'Activity',
      'activities',
      {
        officerId: String(officer.id),
        schoolId: String(school.id),
        date: '2026-10-05',
        category: 'CLASSROOM_INSTRUCTION',
        topic: 'SOCIAL_MEDIA',
        durationMinutes: 50,
        studentsReached: 28,
      },
      { durationMinutes: 45, topic: 'BULLYING' },
    );
  });

  it('bulk updates and deletes all or nothing', async () => {
    const schools = [await factory.school(), await factory.school()];
    const ids = schools.map((school) => String(school.id));
    const updated = await app.query(
      `mutation($ids: [ID!]!) { updateSchools(ids: $ids, input: { active: false }) { id active version } }`,
      { ids },
      admin,
    );
    expect(updated.updateSchools).toEqual(ids.map((id) => ({ id, active: false, version: 2 })));

    const agency = await factory.agency();
    const busy = await factory.school();
    await factory.assignment(await factory.officer(agency), busy);
    const refused = await app.graphql(
      `mutation($ids: [ID!]!) { deleteSchools(ids: $ids) { id } }`,
      { ids: [...ids, String(busy.id)] },
      admin,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
    expect(refused.errors?.[0].message).toMatch(/deactivate/);
    const still = await app.query(`query($ids: [ID!]) { schools(filter: { ids: $ids }) { totalCount } }`, { ids }, admin);
    expect(still.schools.totalCount).toBe(2);
  });

  it('writes an audit event with the changed fields in the same transaction', async () => {
    const school = await factory.school({ enrollment: 300 });
    await app.query(
      `mutation($id: ID!) { updateSchool(id: $id, input: { version: 1, enrollment: 320 }) { id } }`,
      { id: String(school.id) },
      admin,
    );
    const events = await app.query(
      `query($id: ID!) { auditEvents(filter: { entityType: "School", entityId: $id }) { totalCount items { action changes requestId actorLabel } } }`,
      { id: String(school.id) },
      admin,
    );
    expect(events.auditEvents.totalCount).toBe(1);
    expect(events.auditEvents.items[0]).toMatchObject({ action: 'update', changes: { enrollment: { before: 300, after: 320 } } });
    expect(events.auditEvents.items[0].requestId).toMatch(/\w+/);
  });
});
