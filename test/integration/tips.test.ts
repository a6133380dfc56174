import { Role } from '../../server/src/common/actor';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import type { School } from '../../server/src/modules/school/school.entity';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const TIP_FIELDS = 'id status overdue firstActionDueAt firstActionAt closedAt disposition lifeSafety version';
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Tips: deadlines, the queue, steps as activities, the status rules and the 200-character limit. */
describe('tip follow-up', () => {
  let app: TestApp;
  let factory: Factory;
  let admin: string;
  let officer: Officer;
  let officerToken: string;
  let school: School;

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    admin = (await factory.user(Role.ADMIN)).token;
    officer = await factory.officer(await factory.agency());
    officerToken = (await factory.user(Role.OFFICER, { officer })).token;
    school = await factory.school();
  });
  afterAll(() => app.stop());

  interface TipRow {
    id: string;
    status: string;
    overdue: boolean;
    firstActionDueAt: string;
    firstActionAt: string | null;
    version: number;
  }

  const createTip = async (input: Record<string, unknown>) =>
    (
      await app.query<{ createTip: TipRow }>(
        `mutation($input: CreateTipInput!) { createTip(input: $input) { ${TIP_FIELDS} } }`,
        { input: { referenceNumber: unique('S2T'), source: 'SAFE2TELL', category: 'BULLYING', ...input } },
        admin,
      )
    ).createTip;

  const queueIds = async (token = admin) =>
    (
      await app.query<{ tipQueue: { items: { id: string; overdue: boolean; lifeSafety: boolean }[] } }>(
        `{ tipQueue(perPage: 500) { items { id overdue lifeSafety receivedAt } } }`,
        {},
        token,
      )
    ).tipQueue.items;

  const activitiesOf = async (officerId: number) =>
    app.orm.em
      .fork()
      .getConnection()
      .execute<{ id: number; category: string; duration_minutes: number; school_id: number | null }[]>(
        `select id, category, duration_minutes, school_id from activity where officer_id = ? order by id`,
        [officerId],
      );

  it('a life-safety tip received 40 minutes ago is overdue, first in the queue; assigning it and a welfare check clear it and log a TIP_FOLLOW_UP', async () => {
    const older = await createTip({ receivedAt: minutesAgo(60 * 20), category: 'VANDALISM' });
    const receivedAt = minutesAgo(40);
    const tip = await createTip({ receivedAt, lifeSafety: true, category: 'SUICIDE_THREAT', schoolId: String(school.id) });
    expect(tip).toMatchObject({ status: 'RECEIVED', overdue: true, firstActionAt: null });
    expect(new Date(tip.firstActionDueAt).getTime()).toBe(new Date(receivedAt).getTime() + 30 * 60_000);
    expect(older.overdue).toBe(false);

    const queue = await queueIds();
    const position = (id: string) => queue.findIndex((item) => item.id === id);
    expect(position(tip.id)).toBeGreaterThanOrEqual(0);
    expect(position(older.id)).toBeGreaterThan(position(tip.id));
    // Life-safety first: no other tip comes before a life-safety one.
    const firstOther = queue.findIndex((item) => !item.lifeSafety);
    expect(queue.slice(firstOther === -1 ? queue.length : firstOther).some((item) => item.lifeSafety)).toBe(false);

    const assigned = await app.query(
      `mutation($id: ID!, $input: UpdateTipInput!) { updateTip(id: $id, input: $input) { ${TIP_FIELDS} assignedOfficers { id } } }`,
      { id: tip.id, input: { version: tip.version, officerIds: [String(officer.id)] } },
      admin,
    );
    expect(assigned.updateTip).toMatchObject({ status: 'ASSIGNED', overdue: true, assignedOfficers: [{ id: String(officer.id) }] });

    const before = await activitiesOf(officer.id);
    const step = await app.query(
      `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id minutes kind officer { id } tip { ${TIP_FIELDS} } } }`,
      { input: { tipId: tip.id, kind: 'WELFARE_CHECK', minutes: 25, note: 'Student safe, counselor informed' } },
      officerToken,
    );
    expect(step.createTipStep.tip).toMatchObject({ status: 'IN_PROGRESS', overdue: false });
    expect(step.createTipStep.tip.firstActionAt).not.toBeNull();
    const after = await activitiesOf(officer.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1]).toMatchObject({ category: 'TIP_FOLLOW_UP', duration_minutes: 25, school_id: school.id });
    expect((await queueIds()).some((item) => item.id === tip.id)).toBe(false);

    // "My tips": the officer reads it among its own.
    const mine = await app.query(`{ tips(filter: { mine: true }) { items { id } } }`, {}, officerToken);
    expect(mine.tips.items.map((item: { id: string }) => item.id)).toContain(tip.id);

    // The step and its activity change and go together.
    const changed = await app.query(
      `mutation($id: ID!) { updateTipStep(id: $id, input: { version: 1, minutes: 40 }) { minutes } }`,
      { id: step.createTipStep.id },
      officerToken,
    );
    expect(changed.updateTipStep.minutes).toBe(40);
    expect((await activitiesOf(officer.id)).at(-1)?.duration_minutes).toBe(40);
    await app.query(`mutation($id: ID!) { deleteTipStep(id: $id) { id } }`, { id: step.createTipStep.id }, officerToken);
    expect(await activitiesOf(officer.id)).toHaveLength(before.length);
    const reread = await app.query(`query($id: ID!) { tip(id: $id) { ${TIP_FIELDS} } }`, { id: tip.id }, admin);
    expect(reread.tip).toMatchObject({ firstActionAt: null, overdue: true });
  });

  it('every change is audited, the step with its activity', async () => {
    const tip = await createTip({ receivedAt: minutesAgo(5), officerIds: [String(officer.id)] });
    const step = await app.query(
      `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
      { input: { tipId: tip.id, kind: 'CONTACT_MADE', minutes: 10 } },
      officerToken,
    );
    const events = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ action: string; entity_type: string }[]>(
        `select action, entity_type from audit_event where (entity_type = 'Tip' and entity_id = ?) or (entity_type = 'TipStep' and entity_id = ?)
           or (entity_type = 'Activity' and details->>'tipStepOf' = ?) order by id`,
        [tip.id, step.createTipStep.id, tip.id],
      );
    expect(events.map((event) => `${event.action} ${event.entity_type}`)).toEqual(
      expect.arrayContaining(['create Tip', 'create TipStep', 'create Activity', 'update Tip']),
    );
  });

  it('closing needs a disposition and closes for good; the database holds the status rules too', async () => {
    const tip = await createTip({ receivedAt: minutesAgo(5) });
    const closed = await app.query(
      `mutation($id: ID!) { updateTip(id: $id, input: { version: 1, closeAs: UNFOUNDED }) { ${TIP_FIELDS} } }`,
      { id: tip.id },
      admin,
    );
    expect(closed.updateTip).toMatchObject({ status: 'CLOSED', disposition: 'UNFOUNDED', overdue: false });
    const again = await app.graphql(
      `mutation($id: ID!) { updateTip(id: $id, input: { version: 2, closeAs: PRANK }) { id } }`,
      { id: tip.id },
      admin,
    );
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TIP_CLOSED' });
    const step = await app.graphql(
      `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
      { input: { tipId: tip.id, officerId: String(officer.id), kind: 'REFERRAL', minutes: 5 } },
      admin,
    );
    expect(step.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TIP_CLOSED' });

    const connection = app.orm.em.fork().getConnection();
    await expect(
      connection.execute(`update tip set status = 'RECEIVED', disposition = null, closed_at = null where id = ?`, [tip.id]),
    ).rejects.toThrow(/cannot go from CLOSED to RECEIVED/);
    const open = await createTip({ receivedAt: minutesAgo(5) });
    await expect(connection.execute(`update tip set status = 'CLOSED' where id = ?`, [open.id])).rejects.toThrow(/tip_closed_has/);
    await expect(
      connection.execute(
        `insert into tip (reference_number, source, received_at, category, status) values ('x', 'P3', now(), 'OTHER', 'IN_PROGRESS')`,
      ),
    ).rejects.toThrow(/a new tip is RECEIVED or ASSIGNED/);
  });

  it('refuses more than 200 characters in every free-text field and input, in the API and in the database', async () => {
    const long = 'x'.repeat(201);
    const tip = await createTip({ receivedAt: minutesAgo(5) });
    const step = (
      await app.query(
        `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
        { input: { tipId: tip.id, officerId: String(officer.id), kind: 'REFERRAL', minutes: 5 } },
        admin,
      )
    ).createTipStep;
    const attempts: [string, string, Record<string, unknown>][] = [
      [
        'createTip.referenceNumber',
        `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`,
        { input: { referenceNumber: long, source: 'P3', category: 'OTHER', receivedAt: minutesAgo(1) } },
      ],
      [
        'updateTip.referenceNumber',
        `mutation($id: ID!) { updateTip(id: $id, input: { version: 1, referenceNumber: "${long}" }) { id } }`,
        { id: tip.id },
      ],
      [
        'createTipStep.note',
        `mutation($input: CreateTipStepInput!) { createTipStep(input: $input) { id } }`,
        { input: { tipId: tip.id, officerId: String(officer.id), kind: 'REFERRAL', minutes: 5, note: long } },
      ],
      [
        'updateTipStep.note',
        `mutation($id: ID!) { updateTipStep(id: $id, input: { version: 1, note: "${long}" }) { id } }`,
        { id: step.id },
      ],
      ['tips.filter.q', `{ tips(filter: { q: "${long}" }) { totalCount } }`, {}],
    ];
    for (const [name, query, variables] of attempts) {
      const response = await app.graphql(query, variables, admin);
      expect([name, response.errors?.[0].extensions.code]).toEqual([name, 'BAD_USER_INPUT']);
      expect([name, response.errors?.[0].message]).toEqual([name, expect.stringMatching(/200 characters/)]);
    }
    const blank = await app.graphql(
      `mutation($input: CreateTipInput!) { createTip(input: $input) { id } }`,
      { input: { referenceNumber: '  ', source: 'P3', category: 'OTHER', receivedAt: minutesAgo(1) } },
      admin,
    );
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { referenceNumber: [expect.any(String)] } });
    const connection = app.orm.em.fork().getConnection();
    await expect(connection.execute(`update tip_step set note = repeat('x', 201) where id = ?`, [step.id])).rejects.toThrow();
    await expect(connection.execute(`update tip set reference_number = repeat('x', 201) where id = ?`, [tip.id])).rejects.toThrow();
  });
});
