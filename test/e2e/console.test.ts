import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { formatDate } from '../../admin/src/common/dates';
import {
  apiSession,
  launchBrowser,
  missingPrerequisite,
  openPage,
  screenshot,
  signIn,
  startServer,
  type ConsolePage,
  type RunningServer,
  waitUntil,
} from './harness';

const missing = missingPrerequisite();
if (missing) {
  console.warn(`End-to-end console tests skipped: ${missing}. CI installs Chromium and builds first.`);
}
const describeWhenReady = missing ? describe.skip : describe;

const ADMIN = 'admin@sro-hub.example';
const CHIEF = 'chief@harlowfalls-pd.example';
const ANALYST = 'analyst@sro-hub.example';
const OFFICER = 'officer@harlowfalls-pd.example';

describeWhenReady('the console in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: ConsolePage | undefined;
  let adminApi: Awaited<ReturnType<typeof apiSession>>;
  let serverToday: string;
  let badge = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminApi = await apiSession(server.url, ADMIN);
    serverToday = (await adminApi<{ coverageReport: { date: string } }>('{ coverageReport { date } }')).coverageReport.date;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    // Every page of every test must leave the browser console clean.
    const errors = session?.consoleErrors ?? [];
    await session?.context.close();
    session = undefined;
    expect(errors).toEqual([]);
  });

  async function open(email: string, options?: { width?: number; height?: number }) {
    session = await openPage(browser, options);
    await signIn(session.page, server.url, email);
    return session.page;
  }

  /** A new ACTIVE officer of the chief's agency, free of assignments: each test makes its own. */
  async function newOfficer(lastName: string): Promise<string> {
    const { agencies } = await adminApi<{ agencies: { items: { id: string }[] } }>(
      '{ agencies(filter: { q: "Harlow Falls" }) { items { id } } }',
    );
    badge += 1;
    const { createOfficer } = await adminApi<{ createOfficer: { id: string } }>(
      'mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }',
      {
        input: { agencyId: agencies.items[0].id, firstName: 'Test', lastName, badgeNumber: `E2E-${Date.now()}-${badge}`, rank: 'OFFICER' },
      },
    );
    return createOfficer.id;
  }

  async function uncoveredSchool(): Promise<{ id: string; name: string }> {
    const { coverageReport } = await adminApi<{ coverageReport: { schools: { status: string; school: { id: string; name: string } }[] } }>(
      `{ coverageReport(date: "${serverToday}") { schools { status school { id name } } } }`,
    );
    const row = coverageReport.schools.find((school) => school.status === 'UNCOVERED');
    if (!row) throw new Error('The demo program has no uncovered school');
    return row.school;
  }

  async function pickOfficer(page: import('playwright-core').Page, lastName: string) {
    const input = page.getByRole('combobox', { name: 'Officer' });
    await input.fill(lastName);
    await page.getByRole('option', { name: new RegExp(`^${lastName}, Test \\(Officer\\)`) }).click();
  }

  it('admin finds an uncovered school, assigns an officer, and sees it turn covered', async () => {
    const school = await uncoveredSchool();
    await newOfficer('Quillfeather');
    const page = await open(ADMIN);
    await page.getByRole('heading', { name: 'Coverage today' }).waitFor();
    await page.getByRole('region', { name: 'Uncovered schools' }).getByText(school.name).waitFor();
    await screenshot(page, 'admin-dashboard');

    await page.goto(`${server.url}/coverage`);
    await page.getByLabel('Date').fill(serverToday);
    const row = page.getByTestId(`coverage-row-${school.id}`);
    await row.getByText('Uncovered').waitFor();
    await screenshot(page, 'admin-coverage-before');
    await row.getByRole('link', { name: 'Assign an officer' }).click();

    await page.waitForURL(/\/assignments\/create/);
    const schoolInput = page.getByRole('combobox', { name: 'School' });
    await waitUntil(async () => (await schoolInput.inputValue()) === school.name);
    await pickOfficer(page, 'Quillfeather');
    await page.getByLabel('First day').fill(serverToday);
    await screenshot(page, 'admin-assignment-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/assignments\/\d+\/show/);
    await screenshot(page, 'admin-assignment-show');

    await page.goto(`${server.url}/coverage`);
    await page.getByLabel('Date').fill(serverToday);
    await row.getByText('Covered').waitFor();
    await row.getByText(/Quillfeather/).waitFor();
    await screenshot(page, 'admin-coverage-after');
  });

  it('an overlapping PRIMARY assignment is shown once (field message, one warning naming the school and linking to it), nothing is saved', async () => {
    const officerId = await newOfficer('Overlapp');
    const { schools } = await adminApi<{ schools: { items: { id: string; name: string }[] } }>(
      '{ schools(filter: { active: true }, perPage: 2) { items { id name } } }',
    );
    const { createAssignment } = await adminApi<{ createAssignment: { id: string } }>(
      'mutation($input: CreateAssignmentInput!) { createAssignment(input: $input) { id } }',
      { input: { officerId, schoolId: schools.items[0].id, role: 'PRIMARY', startDate: serverToday, fte: 0.5 } },
    );
    const page = await open(ADMIN);
    await page.goto(`${server.url}/assignments/create`);
    // Dates first: the officer picker then shows each officer's free FTE on them (this one holds 0.50 from today).
    await page.getByLabel('First day').fill(serverToday);
    const officerInput = page.getByRole('combobox', { name: 'Officer' });
    await officerInput.fill('Overlapp');
    await page.getByRole('option', { name: /^Overlapp, Test \(Officer\).* · 0\.50 FTE free$/ }).click();
    const schoolInput = page.getByRole('combobox', { name: 'School' });
    await schoolInput.fill(schools.items[1].name);
    await page.getByRole('option', { name: schools.items[1].name }).click();
    await page.getByLabel('FTE share').fill('0.5');

    // Before saving: one warning names the school of the assignment it would clash with, and links to it.
    const clash = page.getByRole('alert').filter({ hasText: 'Clashes with' });
    await clash.getByText(`Clashes with the primary at ${schools.items[0].name}, ${formatDate(serverToday)} to open-ended`).waitFor();
    expect(await clash.getByRole('link', { name: 'Open the clashing assignment' }).getAttribute('href')).toBe(
      `/assignments/${createAssignment.id}/show`,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    // After saving: the server refuses; its rule shows on the field, the warning stays one, and no toast repeats it.
    await page
      .locator('.MuiFormHelperText-root.Mui-error')
      .filter({ hasText: 'Overlaps another PRIMARY assignment of this officer' })
      .waitFor();
    await page.waitForTimeout(1000);
    expect(
      await page
        .getByRole('alert')
        .filter({ hasText: /clash|overlap|PRIMARY|not valid/i })
        .count(),
    ).toBe(1);
    expect(page.url()).toMatch(/\/assignments\/create$/);
    await screenshot(page, 'admin-assignment-overlap');

    const { assignments } = await adminApi<{ assignments: { totalCount: number } }>(
      'query($officerId: ID) { assignments(filter: { officerId: $officerId }) { totalCount } }',
      { officerId },
    );
    expect(assignments.totalCount).toBe(1);
    await clash.getByRole('link', { name: 'Open the clashing assignment' }).click();
    await page.waitForURL(new RegExp(`/assignments/${createAssignment.id}/show$`));
  });

  it('a chief edits its own officers but cannot edit another agency officer', async () => {
    const { officers } = await adminApi<{ officers: { items: { id: string; lastName: string; agency: { name: string } }[] } }>(
      '{ officers(perPage: 100) { items { id lastName agency { name } } } }',
    );
    const own = officers.items.find((officer) => officer.agency.name === 'Harlow Falls Police Department')!;
    const other = officers.items.find((officer) => officer.agency.name !== 'Harlow Falls Police Department')!;
    const page = await open(CHIEF);
    await page.goto(`${server.url}/officers`);
    await page.getByRole('cell', { name: other.lastName }).first().waitFor();
    await screenshot(page, 'chief-officers');

    await page.goto(`${server.url}/officers/${own.id}/show`);
    await page.getByRole('link', { name: 'Edit' }).waitFor();

    await page.goto(`${server.url}/officers/${other.id}/show`);
    await page.getByText(other.agency.name).first().waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await screenshot(page, 'chief-other-officer');

    await page.goto(`${server.url}/officers/${other.id}/edit`);
    await page.getByText(/belongs to another agency/).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    // And the server refuses it anyway, whatever a client sends.
    const answer = await page.evaluate(async (id) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($id: ID!) { updateOfficer(id: $id, input: { version: 1, notes: "x" }) { id } }',
          variables: { id },
        }),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    }, other.id);
    expect(answer.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('an officer logs an activity on a phone and sees it in its report', async () => {
    const page = await open(OFFICER, { width: 390, height: 844 });
    await page.waitForURL(/\/quick-log/);
    await page.goto(`${server.url}/reports`);
    const activities = page.getByTestId('figure-activities');
    await activities.waitFor();
    const before = Number((await activities.innerText()).replace(/\D/g, ''));

    await page.goto(`${server.url}/quick-log`);
    await page.getByText('Never name or identify a student.').first().waitFor();
    await page.getByLabel('What did you do?').click();
    await page.getByRole('option', { name: 'Mentoring' }).click();
    await page.getByLabel('45 min').check();
    await page.getByLabel('Students reached').fill('4');
    await page.getByLabel('Notes').fill('Lunch-time mentoring group, grade 8');
    await screenshot(page, 'officer-quick-log');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await page.getByText('Activity logged').waitFor();
    await page
      .getByRole('list', { name: 'Your latest entries' })
      .getByText(/Mentoring/)
      .first()
      .waitFor();

    await page.goto(`${server.url}/reports`);
    await page
      .getByTestId('figure-activities')
      .getByText((before + 1).toLocaleString('en-US'))
      .waitFor();
    await screenshot(page, 'officer-report');
  });

  it('an analyst downloads the quarter activity report as CSV', async () => {
    const page = await open(ANALYST);
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('report-period').waitFor();
    await screenshot(page, 'analyst-reports');
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Activity CSV' }).click()]);
    const file = await download.path();
    const csv = fs.readFileSync(file!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.split('\n').length).toBeGreaterThan(2);

    // The same quarter compared with last year, and one part of it as a table for a BI tool.
    await page.getByLabel('Compare with').click();
    await page.getByRole('option', { name: 'Same period last year' }).click();
    const period = await adminApi<{ activityReport: { previous: { period: { label: string } } } }>(
      '{ activityReport(compareTo: SAME_PERIOD_LAST_YEAR) { previous { period { label } } } }',
    );
    await page.getByText(`Compared with ${period.activityReport.previous.period.label}`).waitFor();
    await page.getByRole('button', { name: 'Activity CSV: one table per part' }).click();
    const [part] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'By agency' }).click()]);
    expect(part.suggestedFilename()).toMatch(/^activity-byAgency-.*\.csv$/);
    const partFile = fs.readFileSync((await part.path())!, 'utf8');
    // UTF-8 with a byte order mark, so that Excel reads accented names.
    expect(partFile.startsWith('\uFEFF')).toBe(true);
    const table = partFile.slice(1);
    expect(table.split('\r\n')[0]).toBe(
      'period,period_from,period_to,agency_id,agency,activities,minutes,hours,students_reached,staff_reached,suppressed',
    );
    expect(
      new Set(
        table
          .trim()
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      ),
    ).toEqual(new Set(['current', 'previous']));

    await page.goto(`${server.url}/explorer`);
    await page.getByText('CoverageToday').first().waitFor();
    await screenshot(page, 'analyst-explorer');
  });
});
