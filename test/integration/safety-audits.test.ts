import { Role } from '../../server/src/common/actor';
import { addDays, today as todayIn } from '../../server/src/common/dates';
import type { Agency } from '../../server/src/modules/agency/agency.entity';
import type { Officer } from '../../server/src/modules/officer/officer.entity';
import type { School } from '../../server/src/modules/school/school.entity';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const AUDIT = `query ($id: ID!) { safetyAudit(id: $id) { id status schoolId officerIds findings { id itemId result severity note } } }`;
const AUDITS = `{ safetyAudits(perPage: 500) { totalCount items { id } } }`;
const CREATE = `mutation ($input: CreateSafetyAuditInput!) { createSafetyAudit(input: $input) { id version status officerIds } }`;
const SAVE = `mutation ($id: ID!, $findings: [FindingInput!]!) { saveSafetyAuditFindings(id: $id, findings: $findings) { id version findings { id itemId result severity } } }`;
const SUBMIT = `mutation ($id: ID!, $version: Int!) { submitSafetyAudit(id: $id, version: $version) { id status version } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateSafetyAuditInput!) { updateSafetyAudit(id: $id, input: $input) { id } }`;
const RAISE = `mutation ($input: CreateCorrectiveActionInput!) { createCorrectiveAction(input: $input) { id version dueOn status overdue } }`;
const CHANGE = `mutation ($id: ID!, $input: UpdateCorrectiveActionInput!) { updateCorrectiveAction(id: $id, input: $input) { id status completedOn deferredReason } }`;
const ACTIONS = `query ($filter: CorrectiveActionFilter) { correctiveActions(filter: $filter, perPage: 500) { totalCount items { id status overdue } } }`;

/**
 * The audit workflow through the API, and who may do what (issue 20, items 2, 3 and 5): an officer assigned to
 * a school audits it, two deficient findings raise actions due by their severity, one is closed a week later.
 */
describe('safety audits through the API', () => {
  let app: TestApp;
  let factory: Factory;
  let template: { id: number; items: number[] };
  let school: School;
  let otherSchool: School;
  let agency: Agency;
  let auditors: Officer[];
  let tokens: Record<'admin' | 'analyst' | 'chief' | 'otherChief' | 'officer' | 'teammate' | 'otherOfficer', string>;
  const today = todayIn(process.env.TZ_PROGRAM ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const auditDate = addDays(today, -10);

  const sql = (query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const [{ id }] = await sql(`insert into checklist_template (name, version_number) values (?, 1) returning id`, [unique('Checklist')]);
    const items: number[] = [];
    for (const [position, area, severity] of [
      [1, 'ACCESS_CONTROL', 'CRITICAL'],
      [2, 'ACCESS_CONTROL', 'HIGH'],
      [3, 'CLASSROOM_SECURITY', 'MEDIUM'],
    ])
      items.push(
        (
          await sql(
            `insert into checklist_item (template_id, area, position, criterion, default_severity) values (?, ?, ?, ?, ?) returning id`,
            [id, area, position, `Criterion ${position}`, severity],
          )
        )[0].id,
      );
    await sql(`update checklist_template set published_at = now() where id = ?`, [id]);
    template = { id, items };

    agency = await factory.agency();
    const otherAgency = await factory.agency();
    school = await factory.school();
    otherSchool = await factory.school();
    auditors = [await factory.officer(agency), await factory.officer(agency)];
    const otherOfficer = await factory.officer(otherAgency);
    await factory.assignment(auditors[0], school);
    await factory.assignment(auditors[1], school, { role: 'SECONDARY' as never, fte: 0.5 });
    await factory.assignment(otherOfficer, otherSchool);
    tokens = {
      admin: (await factory.user(Role.ADMIN)).token,
      analyst: (await factory.user(Role.ANALYST)).token,
      chief: (await factory.user(Role.AGENCY_CHIEF, { agency })).token,
      otherChief: (await factory.user(Role.AGENCY_CHIEF, { agency: otherAgency })).token,
      officer: (await factory.user(Role.OFFICER, { officer: auditors[0] })).token,
      teammate: (await factory.user(Role.OFFICER, { officer: auditors[1] })).token,
      otherOfficer: (await factory.user(Role.OFFICER, { officer: otherOfficer })).token,
    };
  });
  afterAll(() => app.stop());

  const newAudit = (token: string, schoolId = school.id) =>
    app.graphql(
      CREATE,
      {
        input: {
          schoolId: String(schoolId),
          templateId: String(template.id),
          date: auditDate,
          officerIds: [String(auditors[1].id)],
          districtStaff: ['Principal: J. Rivera'],
        },
      },
      token,
    );

  async function submittedAudit() {
    const created = await newAudit(tokens.officer);
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    const audit = created.data.createSafetyAudit;
    const saved = await app.query(
      SAVE,
      {
        id: audit.id,
        findings: [
          { itemId: String(template.items[0]), result: 'DEFICIENT', note: 'Door 4 propped open with a wedge' },
          { itemId: String(template.items[1]), result: 'DEFICIENT', severity: 'HIGH', note: 'Vestibule inner door does not latch' },
          { itemId: String(template.items[2]), result: 'MEETS' },
        ],
      },
      tokens.officer,
    );
    const submitted = await app.query(SUBMIT, { id: audit.id, version: saved.saveSafetyAuditFindings.version }, tokens.officer);
    return {
      audit: submitted.submitSafetyAudit,
      findings: saved.saveSafetyAuditFindings.findings as { id: string; itemId: string; severity: string }[],
    };
  }

  it('lets an assigned officer audit, submit once, and credits each team officer with one SAFETY_AUDIT activity', async () => {
    const { audit, findings } = await submittedAudit();
    expect(audit.status).toBe('SUBMITTED');
    // The finding without a severity took its item's default.
    expect(findings.map((finding) => finding.severity)).toEqual(['CRITICAL', 'HIGH', null]);
    const activities = await sql(`select officer_id, date::text as date, category from activity where notes = ? order by officer_id`, [
      `Facility safety audit ${audit.id}`,
    ]);
    expect(activities).toEqual(auditors.map((officer) => ({ officer_id: officer.id, date: auditDate, category: 'SAFETY_AUDIT' })));

    const again = await app.graphql(UPDATE, { id: audit.id, input: { version: audit.version, durationMinutes: 60 } }, tokens.officer);
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const resubmit = await app.graphql(SUBMIT, { id: audit.id, version: audit.version }, tokens.officer);
    expect(resubmit.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('refuses to submit an audit with items left unanswered', async () => {
    const created = (await newAudit(tokens.officer)).data!.createSafetyAudit;
    const saved = await app.query(
      SAVE,
      { id: created.id, findings: [{ itemId: String(template.items[2]), result: 'MEETS' }] },
      tokens.officer,
    );
    const submit = await app.graphql(SUBMIT, { id: created.id, version: saved.saveSafetyAuditFindings.version }, tokens.officer);
    expect(submit.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(submit.errors?.[0].message).toBe('2 of 3 items have no result yet');
  });

  it('raises actions due by severity, closes one a week later, and counts the other overdue once past due', async () => {
    const { audit, findings } = await submittedAudit();
    const critical = await app.query(
      RAISE,
      { input: { findingId: findings[0].id, what: 'Alarm door 4', owner: 'DISTRICT_FACILITIES' } },
      tokens.officer,
    );
    const high = await app.query(
      RAISE,
      { input: { findingId: findings[1].id, what: 'Repair the latch', owner: 'SCHOOL' } },
      tokens.officer,
    );
    expect(critical.createCorrectiveAction.dueOn).toBe(addDays(auditDate, 7));
    expect(high.createCorrectiveAction.dueOn).toBe(addDays(auditDate, 30));
    // Due 7 days after an audit 10 days ago, and not done: overdue.
    expect(critical.createCorrectiveAction.overdue).toBe(true);
    const before = await app.query(ACTIONS, { filter: { auditId: audit.id, overdue: true } }, tokens.admin);
    expect(before.correctiveActions.items).toEqual([{ id: critical.createCorrectiveAction.id, status: 'OPEN', overdue: true }]);
    const met = await app.graphql(RAISE, { input: { findingId: findings[2].id, what: 'x', owner: 'SCHOOL' } }, tokens.officer);
    expect(met.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const closed = await app.query(
      CHANGE,
      {
        id: critical.createCorrectiveAction.id,
        input: { version: critical.createCorrectiveAction.version, status: 'DONE', completedOn: addDays(auditDate, 7) },
      },
      tokens.officer,
    );
    expect(closed.updateCorrectiveAction).toMatchObject({ status: 'DONE', completedOn: addDays(auditDate, 7) });
    const deferred = await app.graphql(
      CHANGE,
      { id: high.createCorrectiveAction.id, input: { version: high.createCorrectiveAction.version, status: 'DEFERRED' } },
      tokens.officer,
    );
    expect(deferred.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // The closed one is no longer overdue; the HIGH one is open and not yet due.
    const overdue = await app.query(ACTIONS, { filter: { auditId: audit.id, overdue: true } }, tokens.admin);
    expect(overdue.correctiveActions.totalCount).toBe(0);
    const notOverdue = await app.query(ACTIONS, { filter: { auditId: audit.id, overdue: false } }, tokens.admin);
    expect(notOverdue.correctiveActions.items).toEqual([
      { id: closed.updateCorrectiveAction.id, status: 'DONE', overdue: false },
      { id: high.createCorrectiveAction.id, status: 'OPEN', overdue: false },
    ]);
    const changes = await sql(
      `select action, changes from audit_event where entity_type = 'CorrectiveAction' and entity_id = ? order by id`,
      [critical.createCorrectiveAction.id],
    );
    expect(changes.map((event) => event.action)).toEqual(['create', 'update']);
    expect(changes[1].changes).toMatchObject({ status: { before: 'OPEN', after: 'DONE' } });
  });

  // Role x operation (item 5).
  it('shows the audit in full to ADMIN and the chief whose officers cover the school; to ANALYST without notes; to nobody else', async () => {
    const { audit } = await submittedAudit();
    const read = async (token: string) => (await app.query(AUDIT, { id: audit.id }, token)).safetyAudit;
    const listed = async (token: string) =>
      (await app.query(AUDITS, {}, token)).safetyAudits.items.some((item: { id: string }) => item.id === audit.id);

    for (const token of [tokens.admin, tokens.chief, tokens.officer, tokens.teammate]) {
      const full = await read(token);
      expect(full.findings.map((finding: { note: string | null }) => finding.note)).toEqual([
        'Door 4 propped open with a wedge',
        'Vestibule inner door does not latch',
        null,
      ]);
      expect(await listed(token)).toBe(true);
    }
    const analystView = await read(tokens.analyst);
    expect(analystView.findings.map((finding: { note: string | null }) => finding.note)).toEqual([null, null, null]);
    expect(analystView.findings.map((finding: { result: string }) => finding.result)).toEqual(['DEFICIENT', 'DEFICIENT', 'MEETS']);

    // Another agency's chief who covers nothing there, and an officer not assigned to the school, read nothing.
    for (const token of [tokens.otherChief, tokens.otherOfficer]) {
      expect(await read(token)).toBeNull();
      expect(await listed(token)).toBe(false);
      const actions = await app.query(ACTIONS, { filter: { auditId: audit.id } }, token);
      expect(actions.correctiveActions.totalCount).toBe(0);
    }
  });

  it('lets only ADMIN and officers assigned to the school write audits', async () => {
    expect((await newAudit(tokens.admin)).data?.createSafetyAudit.status).toBe('DRAFT');
    for (const token of [tokens.analyst, tokens.chief]) expect((await newAudit(token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    // The school is not one of its own: as if it did not exist.
    expect((await newAudit(tokens.otherOfficer)).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const draft = (await newAudit(tokens.officer)).data!.createSafetyAudit;
    const change = await app.graphql(UPDATE, { id: draft.id, input: { version: draft.version, durationMinutes: 90 } }, tokens.otherOfficer);
    expect(change.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('holds the same rule in row security: the other chief reads no row of the audit, its findings or actions', async () => {
    const { audit } = await submittedAudit();
    const otherAgencyId = (
      await sql(`select agency_id from app_user where role = 'AGENCY_CHIEF' and agency_id <> ? order by id desc limit 1`, [agency.id])
    )[0].agency_id;
    const counts = await app.orm.em.fork().transactional(async (em) => {
      const connection = em.getConnection();
      const context = em.getTransactionContext();
      await connection.execute(
        `select set_config('role', 'sro_chief', true), set_config('sro.role', 'AGENCY_CHIEF', true), set_config('sro.agency_id', ?, true)`,
        [String(otherAgencyId)],
        'all',
        context,
      );
      return connection.execute(
        `select (select count(*) from safety_audit where id = ?)::int as audits,
                (select count(*) from safety_audit_finding where audit_id = ?)::int as findings`,
        [audit.id, audit.id],
        'all',
        context,
      );
    });
    expect(counts).toEqual([{ audits: 0, findings: 0 }]);
  });

  it('publishes a new checklist version without changing audits done on the old one', async () => {
    const { audit } = await submittedAudit();
    const copy = await app.query(
      `mutation ($from: ID!) { createChecklistVersion(fromId: $from) { id versionNumber publishedAt items { id position area defaultSeverity } } }`,
      { from: String(template.id) },
      tokens.admin,
    );
    const draft = copy.createChecklistVersion;
    expect(draft).toMatchObject({ versionNumber: 2, publishedAt: null });
    expect(draft.items).toHaveLength(3);
    const save = `mutation ($templateId: ID!, $input: ChecklistItemInput!) { saveChecklistItem(templateId: $templateId, input: $input) { id criterion } }`;
    const item = {
      area: 'ACCESS_CONTROL',
      position: 1,
      criterion: 'Every exterior door is locked and alarmed',
      defaultSeverity: 'CRITICAL',
    };
    const changed = await app.query(save, { templateId: draft.id, input: { ...item, id: draft.items[0].id } }, tokens.admin);
    expect(changed.saveChecklistItem.criterion).toBe(item.criterion);
    expect((await app.graphql(save, { templateId: String(template.id), input: item }, tokens.admin)).errors?.[0].extensions.code).toBe(
      'CONFLICT',
    );
    expect((await app.graphql(save, { templateId: draft.id, input: item }, tokens.officer)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    await app.query(`mutation ($id: ID!) { publishChecklistTemplate(id: $id) { id } }`, { id: draft.id }, tokens.admin);
    expect(
      (await app.graphql(save, { templateId: draft.id, input: { ...item, position: 9 } }, tokens.admin)).errors?.[0].extensions.code,
    ).toBe('CONFLICT');

    const old = await app.query(
      `query ($id: ID!) { safetyAudit(id: $id) { templateId findings { item { criterion } } } }`,
      { id: audit.id },
      tokens.admin,
    );
    expect(old.safetyAudit.templateId).toBe(String(template.id));
    expect(old.safetyAudit.findings.map((finding: { item: { criterion: string } }) => finding.item.criterion)).toEqual([
      'Criterion 1',
      'Criterion 2',
      'Criterion 3',
    ]);
  });
});
