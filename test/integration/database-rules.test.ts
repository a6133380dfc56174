import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../server/src/common/actor';
import { asDistrictWide, startRequestTransaction } from '../../server/src/common/row-security';
import { openTestDatabase } from '../support/database';
import { Factory, unique } from '../support/factories';

/** The database itself refuses bad rows, whatever the application does: each rule with its SQLSTATE. */
describe('database rules', () => {
  let orm: MikroORM;
  let factory: Factory;

  beforeAll(async () => {
    orm = await openTestDatabase();
    factory = new Factory(orm);
  });
  afterAll(() => orm.close());

  const sql = (query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params);

  async function sqlState(query: string, params: unknown[] = []): Promise<{ code?: string; constraint?: string }> {
    try {
      await sql(query, params);
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      return { code, constraint };
    }
    throw new Error(`expected ${query} to be refused`);
  }

  async function officerAndSchools() {
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const [first, second] = [await factory.school(), await factory.school()];
    return { agency, officer, first, second };
  }

  const insertAssignment = (officerId: number, schoolId: number, role: string, start: string, end: string | null, fte: number) =>
    sql(`insert into assignment (officer_id, school_id, role, start_date, end_date, fte) values (?, ?, ?, ?, ?, ?)`, [
      officerId,
      schoolId,
      role,
      start,
      end,
      fte,
    ]);

  it('refuses two overlapping PRIMARY assignments of one officer (23P01), open end counting as for ever', async () => {
    const { officer, first, second } = await officerAndSchools();
    await insertAssignment(officer.id, first.id, 'PRIMARY', '2026-08-01', null, 0.5);
    const refused = await sqlState(
      `insert into assignment (officer_id, school_id, role, start_date, end_date, fte) values (?, ?, 'PRIMARY', '2030-01-01', '2030-01-31', 0.5)`,
      [officer.id, second.id],
    );
    expect(refused).toEqual({ code: '23P01', constraint: 'assignment_primary_no_overlap' });
  });

  it('accepts adjacent PRIMARY assignments: the end date is inclusive, the next one starts the day after', async () => {
    const { officer, first, second } = await officerAndSchools();
    await insertAssignment(officer.id, first.id, 'PRIMARY', '2026-08-01', '2026-12-31', 1);
    await expect(insertAssignment(officer.id, second.id, 'PRIMARY', '2027-01-01', null, 1)).resolves.toBeDefined();
    const refused = await sqlState(
      `insert into assignment (officer_id, school_id, role, start_date, end_date, fte) values (?, ?, 'PRIMARY', '2026-12-31', '2026-12-31', 0.1)`,
      [officer.id, second.id],
    );
    expect(refused.code).toBe('23P01');
  });

  it('refuses a summed FTE above 1.00 on any day (23514), but not on days the assignments do not share', async () => {
    const { officer, first, second } = await officerAndSchools();
    await insertAssignment(officer.id, first.id, 'PRIMARY', '2026-08-01', '2026-10-31', 0.6);
    await insertAssignment(officer.id, second.id, 'SECONDARY', '2026-11-01', null, 0.6);
    const refused = await sqlState(
      `insert into assignment (officer_id, school_id, role, start_date, end_date, fte) values (?, ?, 'BACKUP', '2026-10-15', '2026-10-31', 0.5)`,
      [officer.id, second.id],
    );
    expect(refused).toEqual({ code: '23514', constraint: 'assignment_fte_total' });
    await expect(insertAssignment(officer.id, second.id, 'BACKUP', '2026-10-15', '2026-10-31', 0.4)).resolves.toBeDefined();
    const raised = await sqlState(`update assignment set fte = 0.7 where officer_id = ? and role = 'BACKUP'`, [officer.id]);
    expect(raised).toEqual({ code: '23514', constraint: 'assignment_fte_total' });
  });

  it('gives new assignments only to ACTIVE officers and active schools (23514)', async () => {
    const agency = await factory.agency();
    const onLeave = await factory.officer(agency, { status: 'ON_LEAVE' as never });
    const closed = await factory.school({ active: false });
    const open = await factory.school();
    const active = await factory.officer(agency);
    expect(
      await sqlState(`insert into assignment (officer_id, school_id, role, start_date, fte) values (?, ?, 'PRIMARY', '2026-08-01', 1)`, [
        onLeave.id,
        open.id,
      ]),
    ).toEqual({
      code: '23514',
      constraint: 'assignment_officer_active',
    });
    expect(
      await sqlState(`insert into assignment (officer_id, school_id, role, start_date, fte) values (?, ?, 'PRIMARY', '2026-08-01', 1)`, [
        active.id,
        closed.id,
      ]),
    ).toEqual({
      code: '23514',
      constraint: 'assignment_school_active',
    });
  });

  it.each([
    [
      'an end before the start',
      `insert into assignment (officer_id, school_id, role, start_date, end_date, fte) values (:officer, :school, 'BACKUP', '2026-09-02', '2026-09-01', 0.1)`,
      'assignment_end_after_start',
    ],
    [
      'an FTE of 0',
      `insert into assignment (officer_id, school_id, role, start_date, fte) values (:officer, :school, 'BACKUP', '2026-09-01', 0)`,
      'assignment_fte_range',
    ],
    [
      'an FTE above 1',
      `insert into assignment (officer_id, school_id, role, start_date, fte) values (:officer, :school, 'BACKUP', '2026-09-01', 1.01)`,
      'assignment_fte_range',
    ],
    [
      'a duration of 0',
      `insert into activity (officer_id, date, category, duration_minutes) values (:officer, '2026-09-01', 'OTHER', 0)`,
      'activity_duration_range',
    ],
    [
      'a duration above a day',
      `insert into activity (officer_id, date, category, duration_minutes) values (:officer, '2026-09-01', 'OTHER', 1441)`,
      'activity_duration_range',
    ],
    [
      'negative students',
      `insert into activity (officer_id, date, category, duration_minutes, students_reached) values (:officer, '2026-09-01', 'OTHER', 5, -1)`,
      'activity_students_not_negative',
    ],
    [
      'negative staff',
      `insert into activity (officer_id, date, category, duration_minutes, staff_reached) values (:officer, '2026-09-01', 'OTHER', 5, -1)`,
      'activity_staff_not_negative',
    ],
    [
      'a topic outside a lesson',
      `insert into activity (officer_id, date, category, topic, duration_minutes) values (:officer, '2026-09-01', 'MENTORING', 'BULLYING', 5)`,
      'activity_topic_for_instruction',
    ],
    [
      'negative enrollment',
      `insert into school (name, level, locale, enrollment) values (:name, 'HIGH', 'CITY', -1)`,
      'school_enrollment_not_negative',
    ],
    [
      'an NCES id of 11 digits',
      `insert into school (name, nces_id, level, locale) values (:name, '12345678901', 'HIGH', 'CITY')`,
      'school_nces_id_format',
    ],
    ['an ORI in lower case', `insert into agency (name, kind, ori) values (:name, 'OTHER', 'co0010000')`, 'agency_ori_format'],
    [
      'a chief user without an agency',
      `insert into app_user (email, display_name, role, password_hash) values (:email, 'x', 'AGENCY_CHIEF', 'x')`,
      'app_user_chief_has_agency',
    ],
  ])('refuses %s (23514)', async (_label, query, constraint) => {
    const { officer, first } = await officerAndSchools();
    const name = unique('Rule');
    const bound = query
      .replace(':officer', String(officer.id))
      .replace(':school', String(first.id))
      .replace(':name', `'${name}'`)
      .replace(':email', `'${name.replace(/\W/g, '')}@example.org'`);
    expect(await sqlState(bound)).toEqual({ code: '23514', constraint });
  });

  it.each([
    ['agency name', `insert into agency (name, kind) values (:value, 'OTHER')`, 'agency_name_unique'],
    ['school name', `insert into school (name, level, locale) values (:value, 'HIGH', 'CITY')`, 'school_name_unique'],
    [
      'user e-mail',
      `insert into app_user (email, display_name, role, password_hash) values (:value, 'x', 'ANALYST', 'x')`,
      'app_user_email_unique',
    ],
  ])('refuses a duplicate %s (23505)', async (_label, query, constraint) => {
    const value = `'${unique('dup').replace(/\W/g, '')}@example.org'`;
    await sql(query.replace(':value', value));
    expect(await sqlState(query.replace(':value', value))).toEqual({ code: '23505', constraint });
  });

  it('compares user e-mails without case', async () => {
    const email = `${unique('case').replace(/\W/g, '')}@example.org`;
    const insert = `insert into app_user (email, display_name, role, password_hash) values (?, 'x', 'ANALYST', 'x')`;
    await sql(insert, [email]);
    expect(await sqlState(insert, [email.toUpperCase()])).toEqual({ code: '23505', constraint: 'app_user_email_unique' });
  });

  it('refuses a badge number twice in one agency (23505) but allows it in another agency', async () => {
    const [first, second] = [await factory.agency(), await factory.agency()];
    await factory.officer(first, { badgeNumber: '714' });
    await expect(factory.officer(second, { badgeNumber: '714' })).resolves.toBeDefined();
    expect(
      await sqlState(`insert into officer (agency_id, first_name, last_name, badge_number, rank) values (?, 'A', 'B', '714', 'OFFICER')`, [
        first.id,
      ]),
    ).toEqual({
      code: '23505',
      constraint: 'officer_badge_unique',
    });
  });

  it('refuses to orphan rows and to point at missing rows (23503; PostgreSQL 18 says 23001 for a restrict)', async () => {
    const agency = await factory.agency();
    await factory.officer(agency);
    expect(['23001', '23503']).toContain((await sqlState(`delete from agency where id = ?`, [agency.id])).code);
    expect(
      (
        await sqlState(
          `insert into officer (agency_id, first_name, last_name, badge_number, rank) values (2147483000, 'A', 'B', 'x', 'OFFICER')`,
        )
      ).code,
    ).toBe('23503');
  });

  it('keeps the audit trail append-only', async () => {
    await sql(`insert into audit_event (actor_label, action, request_id) values ('test', 'create', 'r1')`);
    expect((await sqlState(`update audit_event set action = 'x' where request_id = 'r1'`)).code).toBe('42501');
    expect((await sqlState(`delete from audit_event where request_id = 'r1'`)).code).toBe('42501');
  });

  it.each([
    [Role.ADMIN, { officer: false, activity: false }],
    [Role.ANALYST, { officer: false, activity: false }],
    [Role.AGENCY_CHIEF, { officer: false, activity: true }],
    [Role.OFFICER, { officer: true, activity: true }],
  ])('lets PostgreSQL plan row security per role: %s reads filtered %j', async (role, filtered) => {
    // Where a role sees every row its policy is `true`: the plan is the one without row security (nothing reads
    // the actor's settings), which is what keeps the officers page on its index (docs/performance.md).
    const actor = { userId: 1, role, agencyId: 1, officerId: 1, label: 'plan@example.org' };
    const plans = await orm.em.fork().transactional(async (em) => {
      await startRequestTransaction(em as never, actor, 30_000);
      const plan = async (table: string) =>
        JSON.stringify(await em.execute(`explain (format json, verbose) select id from ${table} order by id limit 25`));
      return { officer: await plan('officer'), activity: await plan('activity') };
    });
    const readsSettings = (plan: string) => plan.includes('current_setting');
    expect({ officer: readsSettings(plans.officer), activity: readsSettings(plans.activity) }).toEqual(filtered);
  });

  it("runs a chief's district-wide statement as sro_analyst with nothing else of the request between: sibling statements keep row security", async () => {
    const agency = await factory.agency();
    const chief = { userId: 1, role: Role.AGENCY_CHIEF, agencyId: agency.id, officerId: null, label: 'chief@example.org' };
    const roles = await orm.em.fork().transactional(async (em) => {
      await startRequestTransaction(em as never, chief, 30_000);
      const role = (rows: { role: string }[]) => rows[0]!.role;
      const sibling = () => em.execute<{ role: string }[]>('select current_user as role').then(role);
      // Sibling statements sent on every turn of the event loop while the owner's statement is out, as fields
      // resolved beside the report would send them.
      let pending = true;
      const others: Promise<string>[] = [];
      const keepSending = (): void => {
        if (!pending) return;
        others.push(sibling());
        setImmediate(keepSending);
      };
      keepSending();
      const owner = await asDistrictWide<{ role: string }>(em as never, chief, 'select current_user as role, $1::int as agency', [
        agency.id,
      ])
        .then(role)
        .finally(() => (pending = false));
      const siblings = new Set(await Promise.all(others));
      const refused = await asDistrictWide(em as never, chief, 'select 1 / $1::int', [0]).catch((error: { code?: string }) => error.code);
      return { owner, siblings, refused, after: await sibling() };
    });
    expect(roles.owner).toBe('sro_analyst');
    expect(roles).toEqual({ owner: roles.owner, siblings: new Set(['sro_chief']), refused: '22012', after: 'sro_chief' });
  });

  it('has no pending migration and no entity change without a migration', async () => {
    const migrator = orm.getMigrator();
    expect(await migrator.getPendingMigrations()).toEqual([]);
    expect(await migrator.checkMigrationNeeded()).toBe(false);
  });
});
