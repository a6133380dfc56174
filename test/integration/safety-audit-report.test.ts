import { Role } from '../../server/src/common/actor';
import { addDays, daysBetween, today as todayIn } from '../../server/src/common/dates';
import { TestApp } from '../support/app';
import { Factory, unique } from '../support/factories';

const REPORT = `query ($from: Date, $to: Date, $schoolId: ID) {
  safetyAuditReport(from: $from, to: $to, schoolId: $schoolId) {
    current { from to audits schoolsAudited findings meetingShare actionsOpened actionsClosed overdue medianDaysToClose
      findingsByAreaAndSeverity { area severity findings } openByAge { band actions } bySchool { schoolId audits meetingShare openHighOrCritical } }
    previous { from to audits }
    auditsChange
    mostOpenHighOrCritical { schoolId openHighOrCritical }
  } }`;

/**
 * The quarterly analysis (issue 20, item 4): the "done when" scenario for one school, and the district-wide
 * figures against an independent count over the raw rows.
 */
describe('safetyAuditReport', () => {
  let app: TestApp;
  let factory: Factory;
  let tokens: { admin: string; analyst: string; officer: string };
  let schoolId: string;
  const today = todayIn(process.env.TZ_PROGRAM ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const auditDate = addDays(today, -10);
  const from = addDays(today, -20);
  const NOTE = `Gym door ${unique('latch')} does not close`;

  const sql = (query: string, params: unknown[] = []) => app.orm.em.fork().getConnection().execute(query, params);

  beforeAll(async () => {
    app = await TestApp.start();
    factory = new Factory(app.orm);
    const [{ id: templateId }] = await sql(`insert into checklist_template (name, version_number) values (?, 1) returning id`, [
      unique('Checklist'),
    ]);
    const items: string[] = [];
    for (const [position, area, severity] of [
      [1, 'ACCESS_CONTROL', 'CRITICAL'],
      [2, 'ACCESS_CONTROL', 'HIGH'],
      [3, 'LIGHTING_AND_GROUNDS', 'LOW'],
    ])
      items.push(
        String(
          (
            await sql(
              `insert into checklist_item (template_id, area, position, criterion, default_severity) values (?, ?, ?, ?, ?) returning id`,
              [templateId, area, position, `Criterion ${position}`, severity],
            )
          )[0].id,
        ),
      );
    await sql(`update checklist_template set published_at = now() where id = ?`, [templateId]);
    const agency = await factory.agency();
    const officer = await factory.officer(agency);
    const school = await factory.school();
    schoolId = String(school.id);
    await factory.assignment(officer, school);
    tokens = {
      admin: (await factory.user(Role.ADMIN)).token,
      analyst: (await factory.user(Role.ANALYST)).token,
      officer: (await factory.user(Role.OFFICER, { officer })).token,
    };

    // An officer assigned to the school audits it: two deficient findings raise actions; one is closed a week later.
    const created = await app.query(
      `mutation ($input: CreateSafetyAuditInput!) { createSafetyAudit(input: $input) { id } }`,
      { input: { schoolId, templateId: String(templateId), date: auditDate } },
      tokens.officer,
    );
    const auditId = created.createSafetyAudit.id;
    const saved = await app.query(
      `mutation ($id: ID!, $findings: [FindingInput!]!) { saveSafetyAuditFindings(id: $id, findings: $findings) { version findings { id } } }`,
      {
        id: auditId,
        findings: [
          { itemId: items[0], result: 'DEFICIENT', note: NOTE },
          { itemId: items[1], result: 'DEFICIENT', note: NOTE },
          { itemId: items[2], result: 'MEETS' },
        ],
      },
      tokens.officer,
    );
    await app.query(
      `mutation ($id: ID!, $version: Int!) { submitSafetyAudit(id: $id, version: $version) { id } }`,
      { id: auditId, version: saved.saveSafetyAuditFindings.version },
      tokens.officer,
    );
    const raise = `mutation ($input: CreateCorrectiveActionInput!) { createCorrectiveAction(input: $input) { id version } }`;
    const [first, second] = saved.saveSafetyAuditFindings.findings;
    const closed = await app.query(
      raise,
      { input: { findingId: first.id, what: 'Replace the closer', owner: 'DISTRICT_FACILITIES' } },
      tokens.officer,
    );
    await app.query(raise, { input: { findingId: second.id, what: 'Adjust the latch', owner: 'SCHOOL' } }, tokens.officer);
    await app.query(
      `mutation ($id: ID!, $input: UpdateCorrectiveActionInput!) { updateCorrectiveAction(id: $id, input: $input) { id } }`,
      {
        id: closed.createCorrectiveAction.id,
        input: { version: closed.createCorrectiveAction.version, status: 'DONE', completedOn: addDays(auditDate, 7) },
      },
      tokens.officer,
    );
  });
  afterAll(() => app.stop());

  it("shows the school's audit, its findings by area and severity, one action open and the other's days to close", async () => {
    const { safetyAuditReport: report } = await app.query(REPORT, { from, to: today, schoolId }, tokens.admin);
    expect(report.current).toMatchObject({
      audits: 1,
      schoolsAudited: 1,
      findings: 2,
      meetingShare: 1 / 3,
      actionsOpened: 2,
      actionsClosed: 1,
      overdue: 0,
      medianDaysToClose: 7,
      findingsByAreaAndSeverity: [
        { area: 'ACCESS_CONTROL', severity: 'HIGH', findings: 1 },
        { area: 'ACCESS_CONTROL', severity: 'CRITICAL', findings: 1 },
      ].sort((a, b) => a.severity.localeCompare(b.severity)),
      openByAge: [
        { band: '0-30', actions: 1 },
        { band: '31-90', actions: 0 },
        { band: '91-180', actions: 0 },
        { band: '181+', actions: 0 },
      ],
      bySchool: [{ schoolId, audits: 1, meetingShare: 1 / 3, openHighOrCritical: 1 }],
    });
    expect(report.previous).toMatchObject({ to: addDays(from, -1), audits: 0 });
    expect(report.auditsChange).toBe(1);
    expect(report.mostOpenHighOrCritical).toEqual([{ schoolId, openHighOrCritical: 1 }]);
  });

  it('agrees district-wide with an independent count over the raw rows', async () => {
    const { safetyAuditReport: report } = await app.query(REPORT, { from, to: today }, tokens.admin);
    const findings = await sql(
      `select a.id as audit_id, a.school_id, to_char(a.date, 'YYYY-MM-DD') as date, f.id, f.result, f.severity, i.area
         from safety_audit a join safety_audit_finding f on f.audit_id = a.id join checklist_item i on i.id = f.item_id
        where a.status = 'SUBMITTED'`,
    );
    const actions = await sql(
      `select c.status, to_char(c.due_on, 'YYYY-MM-DD') as due_on, to_char(c.completed_on, 'YYYY-MM-DD') as completed_on, to_char(a.date, 'YYYY-MM-DD') as audit_date
         from corrective_action c join safety_audit_finding f on f.id = c.finding_id join safety_audit a on a.id = f.audit_id where a.status = 'SUBMITTED'`,
    );
    const audits = await sql(`select id, school_id from safety_audit where status = 'SUBMITTED' and date between ? and ?`, [from, today]);
    const inPeriod = findings.filter((row) => row.date >= from && row.date <= today);
    const failing = inPeriod.filter((row) => row.result === 'NEEDS_IMPROVEMENT' || row.result === 'DEFICIENT');
    const byArea = new Map<string, number>();
    for (const row of failing) byArea.set(`${row.area} ${row.severity}`, (byArea.get(`${row.area} ${row.severity}`) ?? 0) + 1);
    const applicable = inPeriod.filter((row) => row.result !== 'NOT_APPLICABLE');
    const closed = actions.filter((row) => row.completed_on && row.completed_on >= from && row.completed_on <= today);
    const days = closed.map((row) => daysBetween(row.audit_date, row.completed_on)).sort((a, b) => a - b);
    const median = days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;

    expect(report.current).toMatchObject({
      audits: audits.length,
      schoolsAudited: new Set(audits.map((row) => row.school_id)).size,
      findings: failing.length,
      meetingShare: inPeriod.filter((row) => row.result === 'MEETS').length / applicable.length,
      actionsOpened: actions.filter((row) => row.audit_date >= from && row.audit_date <= today).length,
      actionsClosed: closed.length,
      overdue: actions.filter((row) => row.status !== 'DONE' && row.due_on < today && row.audit_date <= today).length,
      medianDaysToClose: median,
    });
    expect(
      Object.fromEntries(
        report.current.findingsByAreaAndSeverity.map((row: { area: string; severity: string; findings: number }) => [
          `${row.area} ${row.severity}`,
          row.findings,
        ]),
      ),
    ).toEqual(Object.fromEntries(byArea));
  });

  it("gives the analyst the figures and the CSV, never a finding's note", async () => {
    const { safetyAuditReport: report } = await app.query(REPORT, { from, to: today, schoolId }, tokens.analyst);
    expect(report.current.findings).toBe(2);
    const response = await fetch(`${app.url}/export/safety-audit-report.csv?from=${from}&to=${today}`, {
      headers: { authorization: `Bearer ${tokens.analyst}` },
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text.split('\r\n')[0]).toBe('period,from,to,figure,area,severity,school_id,school,band,value');
    expect(text).toContain(`current,${from},${today},findings,ACCESS_CONTROL,CRITICAL`);
    expect(text).not.toContain(NOTE);
    const lists = await fetch(`${app.url}/export/safetyAudits.csv`, { headers: { authorization: `Bearer ${tokens.analyst}` } });
    expect(lists.status).toBe(200);
    expect(await lists.text()).not.toContain(NOTE);
  });
});
