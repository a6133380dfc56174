import type { MikroORM } from '@mikro-orm/postgresql';
import { openTestDatabase } from '../support/database';
import { Factory, unique } from '../support/factories';

/** The rules of facility safety audits that PostgreSQL keeps, whatever the application does (migration safety_audits). */
describe('safety audit rules in the database', () => {
  let orm: MikroORM;
  let factory: Factory;

  beforeAll(async () => {
    orm = await openTestDatabase();
    factory = new Factory(orm);
  });
  afterAll(() => orm.close());

  const sql = <T = Record<string, unknown> & { id: number }>(query: string, params: unknown[] = []) =>
    orm.em.fork().getConnection().execute<T[]>(query, params);
  const one = async (query: string, params: unknown[] = []) => (await sql(query, params))[0];

  async function refusal(query: string, params: unknown[] = []): Promise<string | undefined> {
    try {
      await sql(query, params);
    } catch (error) {
      return (error as { constraint?: string }).constraint;
    }
    throw new Error(`expected ${query} to be refused`);
  }

  /** A checklist version with two items, published unless said otherwise. */
  async function checklist(publish = true, name = unique('Checklist'), versionNumber = 1) {
    const { id } = await one(`insert into checklist_template (name, version_number) values (?, ?) returning id`, [name, versionNumber]);
    const items: number[] = [];
    for (const [position, area] of [
      [1, 'ACCESS_CONTROL'],
      [2, 'CLASSROOM_SECURITY'],
    ] as const) {
      const item = await one(
        `insert into checklist_item (template_id, area, position, criterion, default_severity) values (?, ?, ?, ?, 'HIGH') returning id`,
        [id, area, position, `Criterion ${position}`],
      );
      items.push(item.id);
    }
    if (publish) await sql(`update checklist_template set published_at = now() where id = ?`, [id]);
    return { id: id as number, name, items };
  }

  async function draftAudit(templateId: number) {
    const agency = await factory.agency();
    const officers = [await factory.officer(agency), await factory.officer(agency)];
    const school = await factory.school();
    const { id } = await one(`insert into safety_audit (school_id, template_id, date) values (?, ?, '2026-10-01') returning id`, [
      school.id,
      templateId,
    ]);
    for (const officer of officers) await sql(`insert into safety_audit_officer (audit_id, officer_id) values (?, ?)`, [id, officer.id]);
    return { id: id as number, officers, school };
  }

  const finding = (auditId: number, itemId: number, result = 'MEETS', severity: string | null = null) =>
    one(`insert into safety_audit_finding (audit_id, item_id, result, severity) values (?, ?, ?, ?) returning id`, [
      auditId,
      itemId,
      result,
      severity,
    ]);

  it('freezes a published checklist version and its items, and leaves a draft version editable', async () => {
    const published = await checklist();
    expect(await refusal(`update checklist_item set criterion = 'changed' where id = ?`, [published.items[0]])).toBe(
      'checklist_item_published',
    );
    expect(await refusal(`delete from checklist_item where id = ?`, [published.items[0]])).toBe('checklist_item_published');
    expect(
      await refusal(
        `insert into checklist_item (template_id, area, position, criterion, default_severity) values (?, 'SURVEILLANCE', 9, 'x', 'LOW')`,
        [published.id],
      ),
    ).toBe('checklist_item_published');
    expect(await refusal(`update checklist_template set published_at = null where id = ?`, [published.id])).toBe(
      'checklist_template_published',
    );
    expect(await refusal(`delete from checklist_template where id = ?`, [published.id])).toBe('checklist_template_published');
    const draft = await checklist(false);
    await sql(`update checklist_item set criterion = 'changed' where id = ?`, [draft.items[0]]);
    expect((await one(`select criterion from checklist_item where id = ?`, [draft.items[0]])).criterion).toBe('changed');
  });

  it('keeps an audit on its own version when a new version is published', async () => {
    const first = await checklist();
    const audit = await draftAudit(first.id);
    await finding(audit.id, first.items[0]);
    const second = await checklist(false, first.name, 2);
    await sql(`update checklist_item set criterion = 'Reworded' where template_id = ?`, [second.id]);
    await sql(`update checklist_template set published_at = now() where id = ?`, [second.id]);
    const rows = await sql(
      `select i.criterion from safety_audit_finding f join checklist_item i on i.id = f.item_id where f.audit_id = ?`,
      [audit.id],
    );
    expect(rows).toEqual([{ criterion: 'Criterion 1' }]);
    // A finding of another version's item is refused.
    expect(
      await refusal(`insert into safety_audit_finding (audit_id, item_id, result) values (?, ?, 'MEETS')`, [audit.id, second.items[1]]),
    ).toBe('safety_audit_finding_item_template');
  });

  it('refuses an audit on a draft version', async () => {
    const draft = await checklist(false);
    const school = await factory.school();
    expect(
      await refusal(`insert into safety_audit (school_id, template_id, date) values (?, ?, '2026-10-01')`, [school.id, draft.id]),
    ).toBe('safety_audit_template_published');
  });

  it('submits only a complete audit, records one SAFETY_AUDIT activity per team officer, and is then read-only', async () => {
    const version = await checklist();
    const audit = await draftAudit(version.id);
    await finding(audit.id, version.items[0]);
    const submit = `update safety_audit set status = 'SUBMITTED', submitted_at = now() where id = ?`;
    expect(await refusal(submit, [audit.id])).toBe('safety_audit_items_answered');
    const failed = await finding(audit.id, version.items[1], 'DEFICIENT', 'CRITICAL');
    await sql(submit, [audit.id]);

    const activities = await sql(
      `select officer_id, school_id, date::text as date, category, duration_minutes from activity where officer_id in (?, ?) order by officer_id`,
      audit.officers.map((officer) => officer.id),
    );
    expect(activities).toEqual(
      audit.officers.map((officer) => ({
        officer_id: officer.id,
        school_id: audit.school.id,
        date: '2026-10-01',
        category: 'SAFETY_AUDIT',
        duration_minutes: 120,
      })),
    );
    expect(await refusal(`update safety_audit set date = '2026-10-02' where id = ?`, [audit.id])).toBe('safety_audit_submitted_read_only');
    expect(await refusal(`delete from safety_audit where id = ?`, [audit.id])).toBe('safety_audit_submitted_read_only');
    expect(await refusal(`update safety_audit_finding set note = 'later' where id = ?`, [failed.id])).toBe(
      'safety_audit_submitted_read_only',
    );
    expect(await refusal(`delete from safety_audit_officer where audit_id = ?`, [audit.id])).toBe('safety_audit_submitted_read_only');
    // Corrective actions are raised after submission, and only from a failed finding.
    await sql(`insert into corrective_action (finding_id, what, owner, due_on) values (?, 'Fix the lock', 'SCHOOL', '2026-10-08')`, [
      failed.id,
    ]);
    const met = await one(`select id from safety_audit_finding where audit_id = ? and result = 'MEETS'`, [audit.id]);
    expect(
      await refusal(`insert into corrective_action (finding_id, what, owner, due_on) values (?, 'x', 'SCHOOL', '2026-10-08')`, [met.id]),
    ).toBe('corrective_action_finding_failed');
  });

  it('submits no audit without a team', async () => {
    const version = await checklist();
    const audit = await draftAudit(version.id);
    for (const item of version.items) await finding(audit.id, item);
    await sql(`delete from safety_audit_officer where audit_id = ?`, [audit.id]);
    expect(await refusal(`update safety_audit set status = 'SUBMITTED', submitted_at = now() where id = ?`, [audit.id])).toBe(
      'safety_audit_team_required',
    );
  });

  it('keeps a corrective action consistent: DONE with its day, DEFERRED with its reason', async () => {
    const version = await checklist();
    const audit = await draftAudit(version.id);
    const failed = await finding(audit.id, version.items[0], 'NEEDS_IMPROVEMENT', 'LOW');
    const action = await one(
      `insert into corrective_action (finding_id, what, owner, due_on) values (?, 'Trim shrubs', 'DISTRICT_FACILITIES', '2027-03-30') returning id`,
      [failed.id],
    );
    expect(await refusal(`update corrective_action set status = 'DONE' where id = ?`, [action.id])).toBe('corrective_action_done_on');
    expect(await refusal(`update corrective_action set status = 'DEFERRED' where id = ?`, [action.id])).toBe(
      'corrective_action_deferred_reason',
    );
    expect(
      await refusal(`insert into safety_audit_finding (audit_id, item_id, result) values (?, ?, 'DEFICIENT')`, [
        audit.id,
        version.items[1],
      ]),
    ).toBe('safety_audit_finding_severity');
  });
});
