import { Role } from '../../server/src/common/actor';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import { Migration20261208000100_officer_absence } from '../../migrations/Migration20261208000100_officer_absence';
import { TestApp } from '../support/app';
import { Factory } from '../support/factories';
import { parseCsv } from './reports-export-csv';

/** Absences and substitutes: the rules (in the API and in PostgreSQL), who may read and write them, and their CSV. */
describe('officer absences', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let agency: Agency;
  let otherAgency: Agency;
  let chief: string;
  let analyst: string;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    agency = await factory.agency();
    otherAgency = await factory.agency();
    chief = (await factory.user(Role.AGENCY_CHIEF, { agency })).token;
    analyst = (await factory.user(Role.ANALYST)).token;
  });
  afterAll(() => app.stop());

  const fields = 'id version startDate endDate reason notes officer { id } substitute { id }';
  const create = (input: Record<string, unknown>, token = admin) =>
    app.graphql(`mutation($input: CreateOfficerAbsenceInput!) { createOfficerAbsence(input: $input) { ${fields} } }`, { input }, token);
  const countAbsences = async (officer: Officer) =>
    Number(
      (await app.orm.em.fork().getConnection().execute(`select count(*) as n from officer_absence where officer_id = ?`, [officer.id]))[0]
        .n,
    );

  /** An officer at a school full time (PRIMARY), and a possible substitute with `substituteFte` of its own. */
  async function scene(substituteFte = 0.5, home = agency) {
    const absent = await factory.officer(home);
    const substitute = await factory.officer(home);
    await factory.assignment(absent, await factory.school(), { fte: 0.6, startDate: '2026-08-01', endDate: null });
    await factory.assignment(substitute, await factory.school(), { fte: substituteFte, startDate: '2026-08-01', endDate: null });
    return { absent, substitute };
  }

  it('creates an absence with a substitute, reads it back and lists it by date', async () => {
    const { absent, substitute } = await scene(0.4);
    const created = await create({
      officerId: String(absent.id),
      startDate: '2026-10-05',
      endDate: '2026-10-09',
      reason: 'TRAINING',
      substituteOfficerId: String(substitute.id),
      notes: 'Academy refresher',
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createOfficerAbsence).toMatchObject({
      startDate: '2026-10-05',
      endDate: '2026-10-09',
      reason: 'TRAINING',
      officer: { id: String(absent.id) },
      substitute: { id: String(substitute.id) },
    });
    const list = (day: string) =>
      app.query(
        `query($filter: OfficerAbsenceFilter) { officerAbsences(filter: $filter) { items { id } totalCount } }`,
        {
          filter: { officerId: String(absent.id), activeOn: day },
        },
        admin,
      );
    expect((await list('2026-10-09')).officerAbsences.totalCount).toBe(1);
    expect((await list('2026-10-10')).officerAbsences.totalCount).toBe(0);
  });

  it('refuses an overlapping absence of the same officer with CONFLICT naming it, and writes nothing', async () => {
    const { absent } = await scene();
    const first = await create({ officerId: String(absent.id), startDate: '2026-11-02', endDate: '2026-11-06', reason: 'LEAVE' });
    const response = await create({ officerId: String(absent.id), startDate: '2026-11-06', endDate: '2026-11-10', reason: 'COURT' });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'officer_absence_no_overlap',
      clashingAbsenceId: first.data!.createOfficerAbsence.id,
    });
    expect(await countAbsences(absent)).toBe(1);
  });

  it("refuses a substitute whose own FTE and the covered assignments' pass 1.00, naming the assignments", async () => {
    const { absent, substitute } = await scene(0.5);
    const response = await create({
      officerId: String(absent.id),
      startDate: '2026-10-12',
      endDate: '2026-10-16',
      reason: 'SICK',
      substituteOfficerId: String(substitute.id),
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'officer_absence_substitute_fte' });
    expect(response.errors?.[0].message).toMatch(/1\.10 FTE on 2026-10-12/);
    expect(response.errors?.[0].extensions.clashingAssignmentIds).toHaveLength(2);
    expect(await countAbsences(absent)).toBe(0);
  });

  it('counts the other absences a substitute already covers on the same days', async () => {
    const first = await scene(0.2);
    const second = await factory.officer(agency);
    await factory.assignment(second, await factory.school(), { fte: 0.3, role: 'SECONDARY' as never, startDate: '2026-08-01' });
    const covered = await create({
      officerId: String(first.absent.id),
      startDate: '2026-12-01',
      endDate: '2026-12-04',
      reason: 'TRAINING',
      substituteOfficerId: String(first.substitute.id),
    });
    expect(covered.errors).toBeUndefined();
    // 0.2 own + 0.6 covered + 0.3 more on 2026-12-04 only.
    const response = await create({
      officerId: String(second.id),
      startDate: '2026-12-04',
      endDate: '2026-12-08',
      reason: 'COURT',
      substituteOfficerId: String(first.substitute.id),
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'officer_absence_substitute_fte' });
    expect(response.errors?.[0].message).toMatch(/1\.10 FTE on 2026-12-04/);
    const fits = await create({
      officerId: String(second.id),
      startDate: '2026-12-05',
      endDate: '2026-12-08',
      reason: 'COURT',
      substituteOfficerId: String(first.substitute.id),
    });
    expect(fits.errors).toBeUndefined();
  });

  it("refuses a new assignment that would take a substitute's covered days past 1.00 FTE", async () => {
    const { absent, substitute } = await scene(0.4);
    const covered = await create({
      officerId: String(absent.id),
      startDate: '2027-02-01',
      endDate: '2027-02-05',
      reason: 'TRAINING',
      substituteOfficerId: String(substitute.id),
    });
    expect(covered.errors).toBeUndefined();
    const assign = (officer: Officer, startDate: string, endDate: string) =>
      app.graphql(
        `mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }`,
        { input: { officerId: String(officer.id), schoolId: String(school.id), role: 'BACKUP', startDate, endDate, fte: 0.1 } },
        admin,
      );
    const school = await factory.school();
    for (const officer of [substitute, absent]) {
      const during = await assign(officer, '2027-02-05', '2027-02-10');
      expect(during.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'officer_absence_substitute_fte' });
    }
    expect((await assign(substitute, '2027-02-06', '2027-02-10')).errors).toBeUndefined();
  });

  it('refuses a substitute that is the officer itself, not ACTIVE, or away on those days', async () => {
    const { absent, substitute } = await scene(0.2);
    const self = await create({
      officerId: String(absent.id),
      startDate: '2026-10-01',
      reason: 'LEAVE',
      substituteOfficerId: String(absent.id),
    });
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { substituteOfficerId: expect.any(Array) } });

    const inactive = await factory.officer(agency, { status: 'INACTIVE' as never });
    const notActive = await create({
      officerId: String(absent.id),
      startDate: '2026-10-01',
      reason: 'LEAVE',
      substituteOfficerId: String(inactive.id),
    });
    expect(notActive.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'officer_absence_substitute_active' });

    await create({ officerId: String(substitute.id), startDate: '2026-10-02', endDate: '2026-10-02', reason: 'COURT' });
    const away = await create({
      officerId: String(absent.id),
      startDate: '2026-10-01',
      endDate: '2026-10-03',
      reason: 'LEAVE',
      substituteOfficerId: String(substitute.id),
    });
    expect(away.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'officer_absence_substitute_absent' });
    expect(await countAbsences(absent)).toBe(0);
  });

  it('refuses an end before the start with BAD_USER_INPUT on endDate', async () => {
    const { absent } = await scene();
    const response = await create({ officerId: String(absent.id), startDate: '2026-10-05', endDate: '2026-10-04', reason: 'LEAVE' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { endDate: expect.any(Array) } });
  });

  it('holds the rules in PostgreSQL for writes that bypass the API', async () => {
    const { absent, substitute } = await scene(0.5);
    const connection = app.orm.em.fork().getConnection();
    const insert = (start: string, end: string, substituteId: number | null) =>
      connection.execute(
        `insert into officer_absence (officer_id, start_date, end_date, reason, substitute_id) values (?, ?, ?, 'LEAVE', ?)`,
        [absent.id, start, end, substituteId],
      );
    await expect(insert('2027-01-04', '2027-01-08', substitute.id)).rejects.toThrow(/officer_absence_substitute_fte|more than 1.00/);
    await expect(insert('2027-01-08', '2027-01-04', null)).rejects.toThrow(/officer_absence_end_after_start/);
    await expect(insert('2027-01-04', '2027-01-08', absent.id)).rejects.toThrow(/officer_absence_substitute_not_self/);
    await insert('2027-01-04', '2027-01-08', null);
    await expect(insert('2027-01-08', '2027-01-09', null)).rejects.toThrow(/officer_absence_no_overlap/);
  });

  it('updates with the version read, bulk-ends and deletes', async () => {
    const { absent } = await scene();
    const created = (await create({ officerId: String(absent.id), startDate: '2026-09-01', reason: 'LEAVE' })).data!.createOfficerAbsence;
    expect(created.endDate).toBeNull();
    const stale = await app.graphql(
      `mutation($id: ID!) { updateOfficerAbsence(id: $id, input: { version: 99, reason: SICK }) { id } }`,
      { id: created.id },
      admin,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const updated = await app.query(
      `mutation($id: ID!, $version: Int!) { updateOfficerAbsence(id: $id, input: { version: $version, reason: SICK }) { reason version } }`,
      { id: created.id, version: created.version },
      admin,
    );
    expect(updated.updateOfficerAbsence).toEqual({ reason: 'SICK', version: created.version + 1 });
    const ended = await app.query(
      `mutation($ids: [ID!]!) { updateOfficerAbsences(ids: $ids, input: { endDate: "2026-09-30" }) { endDate } }`,
      { ids: [created.id] },
      admin,
    );
    expect(ended.updateOfficerAbsences).toEqual([{ endDate: '2026-09-30' }]);
    await app.query(`mutation($id: ID!) { deleteOfficerAbsence(id: $id) { id } }`, { id: created.id }, admin);
    expect(await countAbsences(absent)).toBe(0);
  });

  describe('who may', () => {
    it("lets a chief schedule its own officers' absences and refuses other agencies' with FORBIDDEN", async () => {
      const own = await scene(0.2);
      const theirs = await scene(0.2, otherAgency);
      const mine = await create(
        { officerId: String(own.absent.id), startDate: '2026-10-19', reason: 'TRAINING', substituteOfficerId: String(own.substitute.id) },
        chief,
      );
      expect(mine.errors).toBeUndefined();
      const other = await create({ officerId: String(theirs.absent.id), startDate: '2026-10-19', reason: 'TRAINING' }, chief);
      expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const foreignSubstitute = await create(
        {
          officerId: String(own.substitute.id),
          startDate: '2027-02-01',
          reason: 'LEAVE',
          substituteOfficerId: String(theirs.substitute.id),
        },
        chief,
      );
      expect(foreignSubstitute.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(await countAbsences(theirs.absent)).toBe(0);
    });

    it('shows a chief its own officers, an officer its own, an analyst all without notes', async () => {
      const own = await scene();
      const theirs = await scene(0.5, otherAgency);
      const ownAbsence = (await create({ officerId: String(own.absent.id), startDate: '2027-03-01', reason: 'COURT', notes: 'Trial' }))
        .data!.createOfficerAbsence;
      const theirAbsence = (await create({ officerId: String(theirs.absent.id), startDate: '2027-03-01', reason: 'COURT', notes: 'Trial' }))
        .data!.createOfficerAbsence;
      const officer = (await factory.user(Role.OFFICER, { officer: own.absent })).token;
      const read = async (token: string) => {
        const { officerAbsences } = await app.query(
          `query($ids: [ID!]) { officerAbsences(filter: { ids: $ids }) { items { id notes } } }`,
          { ids: [ownAbsence.id, theirAbsence.id] },
          token,
        );
        return officerAbsences.items;
      };
      expect(await read(chief)).toEqual([{ id: ownAbsence.id, notes: 'Trial' }]);
      expect(await read(officer)).toEqual([{ id: ownAbsence.id, notes: 'Trial' }]);
      expect(await read(analyst)).toEqual([
        { id: ownAbsence.id, notes: null },
        { id: theirAbsence.id, notes: null },
      ]);
      const refused = await create({ officerId: String(own.absent.id), startDate: '2027-04-01', reason: 'SICK' }, officer);
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
      const analystWrite = await create({ officerId: String(own.absent.id), startDate: '2027-04-01', reason: 'SICK' }, analyst);
      expect(analystWrite.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it("holds in row security: a chief's role reads and writes only its agency's absences", async () => {
      const theirs = await scene(0.5, otherAgency);
      await create({ officerId: String(theirs.absent.id), startDate: '2027-05-03', reason: 'LEAVE' });
      const em = app.orm.em.fork();
      const asChief = (statement: string, values: unknown[] = []) =>
        em.transactional(async (transaction) => {
          await transaction.execute(`set local role sro_chief`);
          await transaction.execute(`select set_config('sro.role', 'AGENCY_CHIEF', true), set_config('sro.agency_id', ?, true)`, [
            String(agency.id),
          ]);
          return transaction.execute(statement, values);
        });
      const [seen] = await asChief(`select count(*)::int as n from officer_absence where officer_id = ?`, [theirs.absent.id]);
      expect(seen.n).toBe(0);
      await expect(
        asChief(`insert into officer_absence (officer_id, start_date, reason) values (?, '2027-06-01', 'LEAVE')`, [theirs.substitute.id]),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('migrates an ON_LEAVE officer to ACTIVE with an open LEAVE absence', async () => {
    const onLeave = await factory.officer(agency, { status: 'ON_LEAVE' as never });
    const em = app.orm.em.fork();
    const migration = new Migration20261208000100_officer_absence(em.getDriver(), app.orm.config);
    await migration.up();
    const statements = migration.getQueries().filter((query): query is string => typeof query === 'string' && query.includes('ON_LEAVE'));
    expect(statements).toHaveLength(2);
    class RollBack extends Error {}
    let after: { status: string; absences: { reason: string; end_date: string | null }[] } | undefined;
    await em
      .transactional(async (transaction) => {
        for (const statement of statements) await transaction.execute(statement);
        const [officer] = await transaction.execute(`select status from officer where id = ?`, [onLeave.id]);
        const absences = await transaction.execute(`select reason, end_date from officer_absence where officer_id = ?`, [onLeave.id]);
        after = { status: officer.status, absences: absences as never };
        // Leave the shared database as it was: other test files' ON_LEAVE officers stay so.
        throw new RollBack();
      })
      .catch((error) => {
        if (!(error instanceof RollBack)) throw error;
      });
    expect(after).toEqual({ status: 'ACTIVE', absences: [{ reason: 'LEAVE', end_date: null }] });
  });

  it('downloads as CSV with the list’s scoping', async () => {
    const own = await scene(0.2);
    await create({ officerId: String(own.absent.id), startDate: '2027-01-11', endDate: '2027-01-12', reason: 'COURT', notes: 'Hearing' });
    const filter = encodeURIComponent(JSON.stringify({ officerId: String(own.absent.id) }));
    const response = await fetch(`${app.url}/export/officerAbsences.csv?filter=${filter}`, {
      headers: { authorization: `Bearer ${analyst}` },
    });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(await response.text());
    expect(header).toEqual([
      'id',
      'officer_id',
      'officer',
      'agency_id',
      'agency',
      'start_date',
      'end_date',
      'reason',
      'substitute_id',
      'substitute',
      'notes',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(5, 11)).toEqual(['2027-01-11', '2027-01-12', 'COURT', '', '', '']);
  });
});
