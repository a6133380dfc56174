import { Role } from '../../server/src/common/actor';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

type Who = 'admin' | 'analyst' | 'chiefA' | 'chiefB' | 'officerA' | 'officerAtSchool' | 'officerB';
const EVERYONE: Who[] = ['admin', 'analyst', 'chiefA', 'chiefB', 'officerA', 'officerAtSchool', 'officerB'];

/**
 * Who may do what with tips, role by operation, through the API. Agency A's officer is assigned to the tip; another
 * officer of agency A serves its school (a current assignment); agency B's chief and officer have nothing to do
 * with it. Analysts read no tip (only the report).
 */
describe('tips: role x operation', () => {
  let app: TestApp;
  let factory: Factory;
  const tokens = {} as Record<Who, string>;
  const ids = { officerA: '', officerB: '', school: '' };

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const [agencyA, agencyB] = [await factory.agency(), await factory.agency()];
    const officerA = await factory.officer(agencyA);
    const officerAtSchool = await factory.officer(agencyA);
    const officerB = await factory.officer(agencyB);
    const school = await factory.school();
    await factory.assignment(officerAtSchool, school, { startDate: '2026-01-01', endDate: null });
    // An assignment that has ended does not make a school the officer's.
    await factory.assignment(officerB, school, { startDate: '2025-08-01', endDate: '2025-12-31', role: 'SECONDARY' as never, fte: 0.1 });
    Object.assign(ids, { officerA: String(officerA.id), officerB: String(officerB.id), school: String(school.id) });
    tokens.admin = (await factory.user(Role.ADMIN)).token;
    tokens.analyst = (await factory.user(Role.ANALYST)).token;
    tokens.chiefA = (await factory.user(Role.AGENCY_CHIEF, { agency: agencyA })).token;
    tokens.chiefB = (await factory.user(Role.AGENCY_CHIEF, { agency: agencyB })).token;
    tokens.officerA = (await factory.user(Role.OFFICER, { officer: officerA })).token;
    tokens.officerAtSchool = (await factory.user(Role.OFFICER, { officer: officerAtSchool })).token;
    tokens.officerB = (await factory.user(Role.OFFICER, { officer: officerB })).token;
  });
  afterAll(() => app.stop());

  /** A fresh tip at the school with officer A assigned. */
  const freshTip = async () => {
    const response = await app.query<{ createTip: { id: string } }>(
      `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`,
      {
        input: {
          referenceNumber: unique('T'),
          source: 'STOPIT',
          category: 'THREATS',
          receivedAt: new Date(Date.now() - 60_000).toISOString(),
          schoolId: ids.school,
          officerIds: [ids.officerA],
        },
      },
      tokens.admin,
    );
    return response.createTip.id;
  };

  /** What an operation answered: ok, a list of ids, null, or the error's code. */
  const outcome = async (who: Who, query: string, variables: Record<string, unknown>) => {
    const response = await app.graphql(query, variables, tokens[who]);
    if (response.errors?.length) return response.errors[0].extensions.code;
    const value = Object.values(response.data ?? {})[0];
    return value === null ? 'null' : 'ok';
  };

  const OPERATIONS: Record<string, { run: (who: Who) => Promise<unknown>; expected: Record<Who, unknown> }> = {
    'read the tip': {
      run: async (who) => outcome(who, `query($id: ID!) { tip(id: $id) { id } }`, { id: await freshTip() }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'ok',
        chiefB: 'null',
        officerA: 'ok',
        officerAtSchool: 'ok',
        officerB: 'null',
      },
    },
    'find it in the list': {
      run: async (who) => {
        const id = await freshTip();
        const response = await app.graphql(`query($id: ID!) { tips(filter: { ids: [$id] }) { items { id } } }`, { id }, tokens[who]);
        return response.errors?.[0].extensions.code ?? (response.data!.tips.items.length ? 'listed' : 'absent');
      },
      expected: {
        admin: 'listed',
        analyst: 'FORBIDDEN',
        chiefA: 'listed',
        chiefB: 'absent',
        officerA: 'listed',
        officerAtSchool: 'listed',
        officerB: 'absent',
      },
    },
    'enter a tip': {
      run: (who) =>
        outcome(who, `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`, {
          input: { referenceNumber: unique('T'), source: 'PHONE', category: 'OTHER', receivedAt: new Date().toISOString() },
        }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'FORBIDDEN',
        chiefB: 'FORBIDDEN',
        officerA: 'FORBIDDEN',
        officerAtSchool: 'FORBIDDEN',
        officerB: 'FORBIDDEN',
      },
    },
    'update the tip': {
      run: async (who) =>
        outcome(who, `mutation($id: ID!) { updateTip(id: $id, input: { version: 1, lifeSafety: true }) { id } }`, { id: await freshTip() }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'ok',
        chiefB: 'NOT_FOUND',
        officerA: 'ok',
        officerAtSchool: 'ok',
        officerB: 'NOT_FOUND',
      },
    },
    'assign agency B\u2019s officer': {
      run: async (who) =>
        outcome(who, `mutation($id: ID!, $officer: ID!) { updateTip(id: $id, input: { version: 1, officerIds: [$officer] }) { id } }`, {
          id: await freshTip(),
          officer: ids.officerB,
        }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'FORBIDDEN',
        chiefB: 'NOT_FOUND',
        officerA: 'BAD_USER_INPUT',
        officerAtSchool: 'BAD_USER_INPUT',
        officerB: 'NOT_FOUND',
      },
    },
    'delete the tip': {
      run: async (who) => outcome(who, `mutation($id: ID!) { deleteTip(id: $id) { id } }`, { id: await freshTip() }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'FORBIDDEN',
        chiefB: 'NOT_FOUND',
        officerA: 'FORBIDDEN',
        officerAtSchool: 'FORBIDDEN',
        officerB: 'NOT_FOUND',
      },
    },
    'log a step as officer A': {
      run: async (who) =>
        outcome(who, `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`, {
          input: { tipId: await freshTip(), officerId: who.startsWith('officer') ? null : ids.officerA, kind: 'CONTACT_MADE', minutes: 5 },
        }),
      expected: {
        admin: 'ok',
        analyst: 'FORBIDDEN',
        chiefA: 'ok',
        chiefB: 'BAD_USER_INPUT',
        officerA: 'ok',
        officerAtSchool: 'ok',
        officerB: 'BAD_USER_INPUT',
      },
    },
    'read the steps': {
      run: (who) => outcome(who, `{ tipSteps { totalCount } }`, {}),
      expected: { admin: 'ok', analyst: 'FORBIDDEN', chiefA: 'ok', chiefB: 'ok', officerA: 'ok', officerAtSchool: 'ok', officerB: 'ok' },
    },
  };

  test.each(Object.keys(OPERATIONS))('%s', async (operation) => {
    const { run, expected } = OPERATIONS[operation];
    const actual: Record<string, unknown> = {};
    for (const who of EVERYONE) actual[who] = await run(who);
    expect(actual).toEqual(expected);
  });

  /** The officers assigned to a tip and its `assign` audit events, read past row security. */
  const assignment = async (tip: string) => {
    const connection = app.orm.em.fork().getConnection();
    const rows = await connection.execute(`select officer_id from tip_officer where tip_id = ? order by officer_id`, [tip]);
    const events = await connection.execute(
      `select id from audit_event where entity_type = 'Tip' and entity_id = ? and action = 'assign'`,
      [tip],
    );
    return { officers: rows.map((row) => String(row.officer_id)), events: events.length };
  };

  /** A fresh tip with officers A and B assigned: shared by both agencies. */
  const sharedTip = async () => {
    const tip = await freshTip();
    await app.query(
      `mutation($id: ID!, $officers: [ID!]!) { updateTip(id: $id, input: { version: 1, officerIds: $officers }) { id } }`,
      { id: tip, officers: [ids.officerA, ids.officerB] },
      tokens.admin,
    );
    return tip;
  };

  const unassign = (who: Who, tip: string, officerIds: string[]) =>
    app.graphql(
      `mutation($id: ID!, $officers: [ID!]!) { updateTip(id: $id, input: { version: 1, officerIds: $officers }) { id } }`,
      { id: tip, officers: officerIds },
      tokens[who],
    );

  it('an officer who serves the school cannot unassign officer A: refused, naming the officer, nothing written', async () => {
    const tip = await freshTip();
    const before = await assignment(tip);
    const response = await unassign('officerAtSchool', tip, []);
    expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(response.errors?.[0].message).toContain(`officer ${ids.officerA}`);
    expect(await assignment(tip)).toEqual({ officers: [ids.officerA], events: before.events });
  });

  it('updateTips refuses the same removal for every tip: all or nothing', async () => {
    const [first, second] = [await freshTip(), await freshTip()];
    const events = (await assignment(first)).events + (await assignment(second)).events;
    const response = await app.graphql(
      `mutation($ids: [ID!]!) { updateTips(ids: $ids, input: { officerIds: [] }) { id } }`,
      { ids: [first, second] },
      tokens.officerAtSchool,
    );
    expect(response.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const after = [await assignment(first), await assignment(second)];
    expect(after.map((state) => state.officers)).toEqual([[ids.officerA], [ids.officerA]]);
    expect(after[0].events + after[1].events).toBe(events);
  });

  it('chief A cannot drop agency B\u2019s officer from a shared tip; ADMIN can', async () => {
    const tip = await sharedTip();
    const before = await assignment(tip);
    expect(before.officers).toEqual([ids.officerA, ids.officerB].sort((a, b) => Number(a) - Number(b)));
    const refused = await unassign('chiefA', tip, [ids.officerA]);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain(`officer ${ids.officerB}`);
    expect(await assignment(tip)).toEqual(before);

    const done = await unassign('admin', tip, [ids.officerA]);
    expect(done.errors).toBeUndefined();
    expect(await assignment(tip)).toEqual({ officers: [ids.officerA], events: before.events + 1 });
  });

  it('chief A may drop its own officer from a shared tip', async () => {
    const tip = await sharedTip();
    const before = await assignment(tip);
    const response = await unassign('chiefA', tip, [ids.officerB]);
    expect(response.errors).toBeUndefined();
    expect(await assignment(tip)).toEqual({ officers: [ids.officerB], events: before.events + 1 });
  });

  it('deleting a tip takes its steps and their activities with it, all audited', async () => {
    const tip = await freshTip();
    await app.query(
      `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
      { input: { tipId: tip, kind: 'CONTACT_MADE', minutes: 5 } },
      tokens.officerA,
    );
    const connection = app.orm.em.fork().getConnection();
    const [{ activity_id: activityId }] = await connection.execute(`select activity_id from tip_step where tip_id = ?`, [tip]);
    await app.query(`mutation($id: ID!) { deleteTip(id: $id) { id } }`, { id: tip }, tokens.admin);
    expect(await connection.execute(`select id from activity where id = ?`, [activityId])).toEqual([]);
    const events = await connection.execute(`select action from audit_event where entity_type = 'Tip' and entity_id = ? order by id`, [
      tip,
    ]);
    expect(events.map((event) => event.action)).toContain('delete');
  });

  it('exports the tips list as CSV with the same scope as the list: what each role reads, analysts refused', async () => {
    const id = await freshTip();
    const download = (who: Who) =>
      fetch(`${app.url}/export/tips.csv?filter=${encodeURIComponent(JSON.stringify({ ids: [id] }))}`, {
        headers: { authorization: `Bearer ${tokens[who]}` },
      });
    const admin = await download('admin');
    expect(admin.status).toBe(200);
    const lines = (await admin.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id,reference_number,source,received_at,category,life_safety,status,first_action_due_at,first_action_at,overdue,closed_at,disposition,school_id,school',
    );
    expect(lines).toHaveLength(2);
    const other = await download('chiefB');
    expect(
      (await other.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    expect((await download('analyst')).status).toBe(403);
  });
});
