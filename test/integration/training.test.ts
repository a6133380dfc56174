import { Role } from '../../server/src/common/actor';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import { Migration20261208500000_training } from '../../migrations/Migration20261208500000_training';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';

/** The training catalogue and records: defaults, rules (in the API and in PostgreSQL), who may read and write. */
describe('training records', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let agency: Agency;
  let otherAgency: Agency;
  let chief: string;
  let analyst: string;
  let cprCourseId: string;
  let basicCourseId: string;

  const courseFields = 'id name provider hours kind validityMonths';
  const recordFields = 'id version completedOn hoursCredited expiresOn certificateNumber officer { id } course { id kind }';
  const createCourse = (input: Record<string, unknown>, token = admin) =>
    app.graphql(
      `mutation($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { ${courseFields} } }`,
      { input },
      token,
    );
  const createRecord = (input: Record<string, unknown>, token = admin) =>
    app.graphql(
      `mutation($input: CreateTrainingRecordInput!) { createTrainingRecord(input: $input) { ${recordFields} } }`,
      { input },
      token,
    );
  const sql = (query: string, values: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, values);
  const listIds = async (token: string, filter: Record<string, unknown>) =>
    (
      await app.query(
        `query($filter: TrainingRecordFilter) { trainingRecords(filter: $filter) { items { id certificateNumber } totalCount } }`,
        { filter },
        token,
      )
    ).trainingRecords as { items: { id: string; certificateNumber: string | null }[]; totalCount: number };

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    agency = await factory.agency();
    otherAgency = await factory.agency();
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    analyst = (await factory.user(Role.ANALYST)).token;
    const suffix = `${Date.now()}-${Math.random()}`;
    const cpr = await createCourse({ name: `CPR ${suffix}`, provider: 'Red Cross', hours: 4, kind: 'CERTIFICATE', validityMonths: 24 });
    expect(cpr.errors).toBeUndefined();
    cprCourseId = cpr.data!.createTrainingCourse.id;
    const basic = await createCourse({ name: `NASRO Basic ${suffix}`, provider: 'NASRO', hours: 40, kind: 'SRO_BASIC' });
    basicCourseId = basic.data!.createTrainingCourse.id;
  });
  afterAll(() => app.stop());

  it('keeps the catalogue for ADMIN alone, and refuses a duplicate name and provider with CONFLICT', async () => {
    const refused = await createCourse({ name: 'Threat assessment', hours: 8, kind: 'OTHER' }, chief);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [existing] = await sql(`select name, provider from training_course where id = ?`, [cprCourseId]);
    const duplicate = await createCourse({ name: existing.name, provider: existing.provider, hours: 4, kind: 'CERTIFICATE' });
    expect(duplicate.errors?.[0].extensions?.code).toBe('CONFLICT');
    const bad = await createCourse({ name: 'Zero hours', hours: 0, kind: 'OTHER' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // Every role reads the catalogue.
    const read = await app.query(`query($id: ID!) { trainingCourse(id: $id) { id kind validityMonths } }`, { id: cprCourseId }, analyst);
    expect(read.trainingCourse).toEqual({ id: cprCourseId, kind: 'CERTIFICATE', validityMonths: 24 });
  });

  it("lets a chief enter its own officer's record: hours and expiry default from the course, and the write is audited", async () => {
    const officer = await factory.officer(agency);
    const created = await createRecord(
      { officerId: String(officer.id), courseId: cprCourseId, completedOn: '2026-02-28', certificateNumber: 'CPR-1' },
      chief,
    );
    expect(created.errors).toBeUndefined();
    const record = created.data!.createTrainingRecord;
    expect(record).toMatchObject({ completedOn: '2026-02-28', hoursCredited: 4, expiresOn: '2028-02-28', certificateNumber: 'CPR-1' });
    const [audit] = await sql(
      `select count(*)::int as n from audit_event where entity_type = 'TrainingRecord' and entity_id = ? and action = 'create'`,
      [record.id],
    );
    expect(audit.n).toBe(1);

    // The expiry is editable: a later date, or none.
    const updated = await app.graphql(
      `mutation($id: ID!, $input: UpdateTrainingRecordInput!) { updateTrainingRecord(id: $id, input: $input) { expiresOn hoursCredited } }`,
      { id: record.id, input: { version: record.version, expiresOn: null, hoursCredited: 3.5 } },
      chief,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTrainingRecord).toEqual({ expiresOn: null, hoursCredited: 3.5 });
  });

  it('a course that never expires gives no expiry; an explicit one is kept', async () => {
    const officer = await factory.officer(agency);
    const basic = await createRecord({ officerId: String(officer.id), courseId: basicCourseId, completedOn: '2026-03-01' });
    expect(basic.data!.createTrainingRecord).toMatchObject({ expiresOn: null, hoursCredited: 40, course: { kind: 'SRO_BASIC' } });
    const cpr = await createRecord({
      officerId: String(officer.id),
      courseId: cprCourseId,
      completedOn: '2026-03-01',
      expiresOn: '2027-03-01',
    });
    expect(cpr.data!.createTrainingRecord.expiresOn).toBe('2027-03-01');
  });

  it('refuses an expiry before the completion with BAD_USER_INPUT, and PostgreSQL refuses it too', async () => {
    const officer = await factory.officer(agency);
    const refused = await createRecord({
      officerId: String(officer.id),
      courseId: cprCourseId,
      completedOn: '2026-03-01',
      expiresOn: '2026-02-01',
    });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await createRecord({
      officerId: String(officer.id),
      courseId: cprCourseId,
      completedOn: '2026-03-01',
      hoursCredited: -1,
    });
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await expect(
      sql(
        `insert into training_record (officer_id, course_id, completed_on, hours_credited, expires_on) values (?, ?, '2026-03-01', 1, '2026-01-01')`,
        [officer.id, Number(cprCourseId)],
      ),
    ).rejects.toThrow(/training_record_expires_after_completed/);
    await expect(
      sql(`insert into training_record (officer_id, course_id, completed_on, hours_credited) values (?, ?, '2026-03-01', -2)`, [
        officer.id,
        Number(cprCourseId),
      ]),
    ).rejects.toThrow(/training_record_hours_not_negative/);
  });

  describe('who may', () => {
    let own: Officer;
    let other: Officer;
    let ownRecord: string;
    let otherRecord: string;
    let officerToken: string;

    beforeAll(async () => {
      own = await factory.officer(agency);
      other = await factory.officer(otherAgency);
      ownRecord = (
        await createRecord({ officerId: String(own.id), courseId: cprCourseId, completedOn: '2026-04-01', certificateNumber: 'OWN-1' })
      ).data!.createTrainingRecord.id;
      otherRecord = (
        await createRecord({ officerId: String(other.id), courseId: cprCourseId, completedOn: '2026-04-01', certificateNumber: 'OTHER-1' })
      ).data!.createTrainingRecord.id;
      officerToken = (await factory.user(Role.OFFICER, { agency, officer: own })).token;
    });

    const both = () => ({ ids: [ownRecord, otherRecord] });

    it.each([
      ['ADMIN', () => admin, ['OWN-1', 'OTHER-1']],
      ['ANALYST (no certificate numbers)', () => analyst, [null, null]],
      ['AGENCY_CHIEF (its own officers)', () => chief, ['OWN-1']],
      ['OFFICER (its own)', () => officerToken, ['OWN-1']],
    ])('%s reads', async (_role, token, numbers) => {
      const list = await listIds(token(), both());
      expect(list.items.map((item) => item.certificateNumber).sort()).toEqual([...numbers].sort());
    });

    it.each([
      ['ADMIN', () => admin, () => other, true],
      ['AGENCY_CHIEF for its own officer', () => chief, () => own, true],
      ['AGENCY_CHIEF for another agency', () => chief, () => other, false],
      ['ANALYST', () => analyst, () => own, false],
      ['OFFICER for itself', () => officerToken, () => own, false],
    ])('%s creates', async (_role, token, officer, allowed) => {
      const result = await createRecord({ officerId: String(officer().id), courseId: cprCourseId, completedOn: '2026-05-01' }, token());
      if (allowed) expect(result.errors).toBeUndefined();
      else expect(result.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    });

    it('a chief neither updates nor deletes another agency record; ADMIN deletes any', async () => {
      const update = await app.graphql(
        `mutation($id: ID!, $input: UpdateTrainingRecordInput!) { updateTrainingRecord(id: $id, input: $input) { id } }`,
        { id: otherRecord, input: { version: 1, hoursCredited: 1 } },
        chief,
      );
      expect(update.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      const refused = await app.graphql(`mutation($id: ID!) { deleteTrainingRecord(id: $id) { id } }`, { id: otherRecord }, chief);
      expect(refused.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
      const [still] = await sql(`select count(*)::int as n from training_record where id = ?`, [Number(otherRecord)]);
      expect(still.n).toBe(1);
      const deleted = await app.graphql(`mutation($id: ID!) { deleteTrainingRecord(id: $id) { id } }`, { id: otherRecord }, admin);
      expect(deleted.errors).toBeUndefined();
    });
  });

  it('the migration turns each officer\'s "basic training completed on" into an SRO_BASIC record', async () => {
    const trained = await factory.officer(agency, { sroTrainingCompletedOn: '2019-06-14' });
    const untrained = await factory.officer(agency, { sroTrainingCompletedOn: null });
    const em = app.orm.em.fork();
    const migration = new Migration20261208500000_training(em.getDriver(), app.orm.config);
    await migration.up();
    const statements = migration
      .getQueries()
      .filter((query): query is string => typeof query === 'string' && query.startsWith('insert into'));
    expect(statements).toHaveLength(2);
    class RollBack extends Error {}
    let rows: { officer_id: number; completed_on: string; kind: string; hours_credited: string; expires_on: string | null }[] = [];
    await em
      .transactional(async (transaction) => {
        // Leave the shared database as it was.
        await transaction.execute(
          `delete from training_course where provider = '' and name like 'Basic SRO course%' and id not in (select course_id from training_record)`,
        );
        for (const statement of statements) await transaction.execute(statement);
        rows = await transaction.execute(
          `select r.officer_id, r.completed_on::text, c.kind, r.hours_credited::text, r.expires_on from training_record r join training_course c on c.id = r.course_id where r.officer_id in (?, ?)`,
          [trained.id, untrained.id],
        );
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
    expect(rows).toEqual([
      { officer_id: trained.id, completed_on: '2019-06-14', kind: 'SRO_BASIC', hours_credited: '40.00', expires_on: null },
    ]);
  });
});

describe('training requirements', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let chief: string;
  let courseId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency: await factory.agency() })).token;
    const course = await app.query(
      `mutation($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`,
      { input: { name: `First aid ${Date.now()}-${Math.random()}`, hours: 4, kind: 'CERTIFICATE', validityMonths: 24 } },
      admin,
    );
    courseId = course.createTrainingCourse.id;
  });
  afterAll(() => app.stop());

  const fields = 'id name appliesTo ranks rule courseKind withinMonths hours active course { id }';
  const create = (input: Record<string, unknown>, token = admin) =>
    app.graphql(
      `mutation($input: CreateTrainingRequirementInput!) { createTrainingRequirement(input: $input) { ${fields} } }`,
      { input },
      token,
    );
  const unique = (name: string) => `${name} ${Date.now()}-${Math.random()}`;

  it('stores each rule with its own fields, as data', async () => {
    const within = await create({
      name: unique('Basic'),
      appliesTo: 'EVERY_SRO',
      rule: 'COURSE_BEFORE_OR_WITHIN',
      courseKind: 'SRO_BASIC',
      withinMonths: 12,
    });
    expect(within.errors).toBeUndefined();
    expect(within.data!.createTrainingRequirement).toMatchObject({
      ranks: [],
      courseKind: 'SRO_BASIC',
      withinMonths: 12,
      hours: null,
      course: null,
      active: true,
    });
    const hours = await create({
      name: unique('Hours'),
      appliesTo: 'RANKS',
      ranks: ['SERGEANT', 'DEPUTY'],
      rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR',
      hours: 16,
    });
    expect(hours.data!.createTrainingRequirement).toMatchObject({ ranks: ['SERGEANT', 'DEPUTY'], hours: 16 });
    const certificate = await create({ name: unique('Cert'), appliesTo: 'PRIMARY_ONLY', rule: 'CERTIFICATE_CURRENT', courseId });
    expect(certificate.data!.createTrainingRequirement.course).toEqual({ id: courseId });
  });

  it.each([
    ['a rule missing its field', { rule: 'COURSE_BEFORE_OR_WITHIN', courseKind: 'SRO_BASIC' }, 'withinMonths'],
    ['a rule given a field it does not take', { rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', hours: 16, withinMonths: 3 }, 'withinMonths'],
    ['a certificate without its course', { rule: 'CERTIFICATE_CURRENT' }, 'courseId'],
    ['RANKS without ranks', { appliesTo: 'RANKS', rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', hours: 16 }, 'ranks'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_case, input, field) => {
    const result = await create({ name: unique('Bad'), appliesTo: 'EVERY_SRO', ...input });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fields ?? {})).toContain(field);
  });

  it('PostgreSQL holds the same rule', async () => {
    const sql = (query: string) => app.orm.em.fork().getConnection().execute(query);
    await expect(
      sql(
        `insert into training_requirement (name, applies_to, rule, hours, within_months) values ('x${Date.now()}', 'EVERY_SRO', 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', 16, 3)`,
      ),
    ).rejects.toThrow(/training_requirement_rule_fields/);
    await expect(
      sql(
        `insert into training_requirement (name, applies_to, rule, hours) values ('y${Date.now()}', 'RANKS', 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', 16)`,
      ),
    ).rejects.toThrow(/training_requirement_ranks_for_ranks/);
  });

  it('only ADMIN writes requirements; every role reads them', async () => {
    const refused = await create(
      { name: unique('Chief'), appliesTo: 'EVERY_SRO', rule: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR', hours: 16 },
      chief,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const list = await app.query(`{ trainingRequirements { totalCount } }`, {}, chief);
    expect(list.trainingRequirements.totalCount).toBeGreaterThan(0);
  });
});
