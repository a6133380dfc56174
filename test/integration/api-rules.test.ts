import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

/** Every rule and validation error with its code, and nothing written when the answer is an error. */
describe('API rules and validation', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
  });
  afterAll(() => app.stop());

  const createAssignment = (input: Record<string, unknown>) =>
    app.graphql(`mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`, { input }, admin);

  const countAssignments = async (officerId: number) =>
    Number(
      (await app.orm.em.fork().getConnection().execute(`select count(*) as n from assignment where officer_id = ?`, [officerId]))[0].n,
    );

  async function assignedOfficer() {
    const officer = await factory.officer(await factory.agency());
    const school = await factory.school();
    const existing = await factory.assignment(officer, school, {
      role: 'PRIMARY' as never,
      startDate: '2026-08-01',
      endDate: null,
      fte: 0.6,
    });
    return { officer, existing, other: await factory.school() };
  }

  it('refuses an overlapping PRIMARY with CONFLICT naming the other assignment, and writes nothing', async () => {
    const { officer, existing, other } = await assignedOfficer();
    const response = await createAssignment({
      officerId: String(officer.id),
      schoolId: String(other.id),
      role: 'PRIMARY',
      startDate: '2027-01-10',
      fte: 0.4,
    });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'assignment_primary_no_overlap',
      clashingAssignmentId: String(existing.id),
    });
    expect(response.errors?.[0].message).toContain(`assignment ${existing.id}`);
    expect(await countAssignments(officer.id)).toBe(1);
  });

  it('refuses more than 1.00 FTE on a day with CONFLICT naming a clashing assignment', async () => {
    const { officer, existing, other } = await assignedOfficer();
    const response = await createAssignment({
      officerId: String(officer.id),
      schoolId: String(other.id),
      role: 'SECONDARY',
      startDate: '2026-09-01',
      endDate: '2026-09-30',
      fte: 0.5,
    });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'assignment_fte_total',
      clashingAssignmentId: String(existing.id),
    });
    expect(response.errors?.[0].message).toMatch(/1\.10 FTE on 2026-09-01/);
    const fits = await createAssignment({
      officerId: String(officer.id),
      schoolId: String(other.id),
      role: 'SECONDARY',
      startDate: '2026-09-01',
      endDate: '2026-09-30',
      fte: 0.4,
    });
    expect(fits.errors).toBeUndefined();
    expect(await countAssignments(officer.id)).toBe(2);
  });

  it('refuses a change that would break a rule, and keeps the row as it was', async () => {
    const { officer, other } = await assignedOfficer();
    const second = await factory.assignment(officer, other, {
      role: 'BACKUP' as never,
      startDate: '2026-09-01',
      endDate: '2026-09-30',
      fte: 0.4,
    });
    const response = await app.graphql(
      `mutation($id: ID!) { updateAssignment(id: $id, input: { version: 1, fte: 0.5 }) { id } }`,
      { id: String(second.id) },
      admin,
    );
    expect(response.errors?.[0].extensions.code).toBe('CONFLICT');
    const row = await app.query(`query($id: ID!) { assignment(id: $id) { fte version } }`, { id: String(second.id) }, admin);
    expect(row.assignment).toEqual({ fte: 0.4, version: 1 });
  });

  it('gives new assignments only to ACTIVE officers and active schools', async () => {
    const agency = await factory.agency();
    const onLeave = await factory.officer(agency, { status: 'ON_LEAVE' as never });
    const active = await factory.officer(agency);
    const closed = await factory.school({ active: false });
    const open = await factory.school();
    const leave = await createAssignment({
      officerId: String(onLeave.id),
      schoolId: String(open.id),
      role: 'BACKUP',
      startDate: '2026-09-01',
      fte: 0.2,
    });
    expect(leave.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'assignment_officer_active' });
    const shut = await createAssignment({
      officerId: String(active.id),
      schoolId: String(closed.id),
      role: 'BACKUP',
      startDate: '2026-09-01',
      fte: 0.2,
    });
    expect(shut.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'assignment_school_active' });
  });

  it('lets two concurrent requests for one officer through only one at a time', async () => {
    const officer = await factory.officer(await factory.agency());
    const schools = await Promise.all([factory.school(), factory.school(), factory.school(), factory.school()]);
    const responses = await Promise.all(
      schools.map((school) =>
        createAssignment({
          officerId: String(officer.id),
          schoolId: String(school.id),
          role: 'PRIMARY',
          startDate: '2026-09-01',
          fte: 0.3,
        }),
      ),
    );
    expect(responses.filter((response) => !response.errors)).toHaveLength(1);
    expect(responses.filter((response) => response.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(3);
    expect(await countAssignments(officer.id)).toBe(1);
  });

  it.each([
    ['fte above 1', { fte: 1.5 }, 'fte'],
    ['fte with three decimals', { fte: 0.333 }, 'fte'],
    ['fte of 0', { fte: 0 }, 'fte'],
    ['end before start', { startDate: '2026-09-10', endDate: '2026-09-01' }, 'endDate'],
    ['an officer id that is not an id', { officerId: 'abc' }, 'officerId'],
    ['an officer that does not exist', { officerId: '2147480000' }, 'officerId'],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_label, change, field) => {
    const officer = await factory.officer(await factory.agency());
    const school = await factory.school();
    const input = {
      officerId: String(officer.id),
      schoolId: String(school.id),
      role: 'BACKUP',
      startDate: '2026-09-01',
      fte: 0.2,
      ...change,
    };
    const response = await createAssignment(input);
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(response.errors?.[0].extensions.fields ?? {})).toContain(field);
    expect(await countAssignments(officer.id)).toBe(0);
  });

  it('refuses impossible calendar dates at the edge', async () => {
    const response = await createAssignment({ officerId: '1', schoolId: '1', role: 'BACKUP', startDate: '2026-02-30', fte: 0.2 });
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/YYYY-MM-DD/);
  });

  it.each([
    ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes'],
    ['a duration above a day', { durationMinutes: 1441 }, 'durationMinutes'],
    ['negative students', { studentsReached: -3 }, 'studentsReached'],
    ['notes of 501 characters', { notes: 'x'.repeat(501) }, 'notes'],
    ['a topic outside a lesson', { category: 'MENTORING', topic: 'BULLYING' }, 'topic'],
    ['a date in the future', { date: '2099-01-01' }, 'date'],
  ])('refuses an activity with %s', async (_label, change, field) => {
    const officer = await factory.officer(await factory.agency());
    const input = {
      officerId: String(officer.id),
      date: '2026-09-01',
      category: 'CLASSROOM_INSTRUCTION',
      topic: 'SOCIAL_MEDIA',
      durationMinutes: 50,
      ...change,
    };
    const response = await app.graphql(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`, { input }, admin);
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(response.errors?.[0].extensions.fields ?? {})).toContain(field);
  });

  it('answers a duplicate name with CONFLICT naming the field, and a clearing of a required field with BAD_USER_INPUT', async () => {
    const name = unique('Agency');
    await factory.agency({ name });
    const duplicate = await app.graphql(
      `mutation($name: String!) { createAgency(input: { name: $name, kind: OTHER }) { id } }`,
      { name },
      admin,
    );
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const agency = await factory.agency();
    const cleared = await app.graphql(
      `mutation($id: ID!) { updateAgency(id: $id, input: { version: 1, name: null }) { id } }`,
      { id: String(agency.id) },
      admin,
    );
    expect(cleared.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { name: ['name cannot be null'] } });
  });

  it('runs the fields of a mutation one after the other in the order written, fields spread from fragments included', async () => {
    const name = unique('Agency');
    const response = await app.graphql(
      `mutation($name: String!) { ...First second: createAgency(input: { name: $name, kind: OTHER }) { id } }
       fragment First on Mutation { first: createAgency(input: { name: $name, kind: OTHER }) { id } }`,
      { name },
      admin,
    );
    // The spread field ran first and took the name (each field keeps its own change: one agency by that name).
    expect(response.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['second'], 'CONFLICT']]);
    const [{ n }] = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from agency where name = ?`, [name]);
    expect(n).toBe(1);
  });

  it('refuses to delete an officer with assignments: CONFLICT suggesting to deactivate', async () => {
    const { officer } = await assignedOfficer();
    const response = await app.graphql(`mutation($id: ID!) { deleteOfficer(id: $id) { id } }`, { id: String(officer.id) }, admin);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REFERENCED' });
    expect(response.errors?.[0].message).toMatch(/deactivate/i);
  });

  it('names the record being deleted and what still refers to it', async () => {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const school = await factory.school();
    await factory.assignment(officer, school);
    const refusal = async (mutation: string, id: number) =>
      (await app.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id } }`, { id: String(id) }, admin)).errors?.[0];
    expect(await refusal('deleteSchool', school.id)).toMatchObject({
      message: 'This school is still referenced by assignments: deactivate it instead of deleting it',
      extensions: { code: 'CONFLICT', reason: 'REFERENCED' },
    });
    expect((await refusal('deleteOfficer', officer.id))?.message).toBe(
      'This officer is still referenced by assignments: deactivate it instead of deleting it',
    );
    expect((await refusal('deleteAgency', agency.id))?.message).toBe(
      'This agency is still referenced by officers: deactivate it instead of deleting it',
    );
  });

  it('masks unexpected errors and never answers a bad request with a 5xx', async () => {
    const response = await app.graphql(`{ schools(perPage: 501) { totalCount } }`, {}, admin);
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const page = await app.graphql(`{ schools(page: 0) { totalCount } }`, {}, admin);
    expect(page.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
