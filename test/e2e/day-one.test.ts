import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { formatDate } from '../../admin/src/common/dates';
import {
  apiSession,
  DEMO_PASSWORD,
  launchBrowser,
  missingPrerequisite,
  openPage,
  pageWidths,
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
const OFFICER = 'officer@harlowfalls-pd.example';
const PHONE = { width: 390, height: 844 };

/** The console as people use it on day one: sessions that end, servers that restart. */
describeWhenReady('the console on day one: sessions, outages, refusals, phones', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: ConsolePage | undefined;
  let adminApi: Awaited<ReturnType<typeof apiSession>>;
  // Errors a test provokes on purpose (a refused connection, a 401), left out of the clean-console check.
  let expectedErrors: RegExp | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminApi = await apiSession(server.url, ADMIN);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    // A test that failed while the server was stopped must not take the next ones with it.
    await server.resume();
    const errors = (session?.consoleErrors ?? []).filter((error) => !expectedErrors?.test(error));
    await session?.context.close();
    session = undefined;
    expectedErrors = undefined;
    expect(errors).toEqual([]);
  });

  async function open(email: string, options?: { width?: number; height?: number }) {
    session = await openPage(browser, options);
    await signIn(session.page, server.url, email);
    return session.page;
  }

  async function someAssignment(): Promise<string> {
    const { assignments } = await adminApi<{ assignments: { items: { id: string }[] } }>('{ assignments(perPage: 1) { items { id } } }');
    return assignments.items[0].id;
  }

  async function savedNotes(id: string): Promise<string | null> {
    const { assignment } = await adminApi<{ assignment: { notes: string | null } }>('query($id: ID!) { assignment(id: $id) { notes } }', {
      id,
    });
    return assignment.notes;
  }

  async function editNotes(page: Page, id: string, notes: string) {
    await page.goto(`${server.url}/assignments/${id}/edit`);
    const input = page.getByLabel('Notes');
    await waitUntil(async () => (await input.count()) > 0);
    await input.fill(notes);
    return input;
  }

  it('a save after the session ended says it was not saved, and the edit is back after signing in again', async () => {
    const id = await someAssignment();
    const before = await savedNotes(id);
    const page = await open(ADMIN);
    const edit = 'Covers the late bus duty on Fridays';
    await editNotes(page, id, edit);
    // The session ends (as an idle expiry would): the browser no longer holds it.
    await session!.context.clearCookies();
    await page.getByRole('button', { name: 'Save' }).click();

    await page.waitForURL(/\/login/);
    await page.getByText(/this change was not saved/).waitFor();
    expect(await page.getByText(/updated/i).count()).toBe(0);
    expect(await savedNotes(id)).toBe(before);
    await screenshot(page, 'session-ended-not-saved');

    await page.getByLabel('E-mail').fill(ADMIN);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/assignments/${id}/edit$`));
    await page.getByText('Your change was not saved: your session had ended.').waitFor();
    const notes = page.getByLabel('Notes');
    await waitUntil(async () => (await notes.inputValue()) === edit);
    await screenshot(page, 'session-ended-edit-restored');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/assignments/${id}/show$`));
    expect(await savedNotes(id)).toBe(edit);
    expectedErrors = /401|UNAUTHENTICATED/;
  });

  it('a server restart mid-session is not a sign-out: the page says it is retrying, keeps the form and recovers', async () => {
    const id = await someAssignment();
    const page = await open(ADMIN);
    const edit = 'Written while the server restarts';
    const notes = await editNotes(page, id, edit);
    expectedErrors = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|Failed to fetch|503|502/;

    await server.pause();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Cannot reach the server, retrying…').waitFor();
    await page
      .getByText(/this change was not saved/)
      .first()
      .waitFor();
    expect(page.url()).toMatch(new RegExp(`/assignments/${id}/edit$`));
    expect(await notes.inputValue()).toBe(edit);
    await screenshot(page, 'server-away-form-kept');

    await server.resume();
    await page.getByRole('status').getByText('Cannot reach the server, retrying…').waitFor({ state: 'detached', timeout: 20_000 });
    await screenshot(page, 'server-back-form');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/assignments/${id}/show$`));
    expect(await savedNotes(id)).toBe(edit);

    // The next navigation while the server is away keeps the user signed in, and the page fills in once it is back.
    await server.pause();
    await page.getByRole('menuitem', { name: 'Schools' }).click();
    await page.getByRole('status').getByText('Cannot reach the server, retrying…').waitFor();
    expect(page.url()).toMatch(/\/schools$/);
    await server.resume();
    await page.getByRole('cell', { name: 'Elementary' }).first().waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/\/schools$/);
    await screenshot(page, 'server-back-page-recovered');
  });

  it('a chief can select only its own officers for a bulk action, and is offered no delete', async () => {
    const { officers } = await adminApi<{ officers: { items: { lastName: string; agency: { name: string } }[] } }>(
      '{ officers(perPage: 100, sort: { field: LAST_NAME, order: ASC }) { items { lastName agency { name } } } }',
    );
    const own = officers.items.find((officer) => officer.agency.name === 'Harlow Falls Police Department')!;
    const other = officers.items.find((officer) => officer.agency.name !== 'Harlow Falls Police Department')!;
    const page = await open(CHIEF);
    await page.goto(`${server.url}/officers?perPage=50`);
    const otherRow = page.getByRole('row').filter({ hasText: other.lastName }).first();
    await otherRow.waitFor();
    expect(await otherRow.getByRole('checkbox').isDisabled()).toBe(true);
    await page.getByRole('row').filter({ hasText: own.lastName }).first().getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Set on leave' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await screenshot(page, 'chief-bulk-own-only');
  });

  it('an officer typing /coverage or /explorer gets the same Access denied page as other forbidden routes', async () => {
    const page = await open(OFFICER);
    for (const path of ['/coverage', '/explorer', '/users']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForURL(/\/access-denied$/);
      await page.getByRole('heading', { level: 1, name: 'Access denied' }).waitFor();
    }
    await screenshot(page, 'officer-access-denied');
  });

  it('the quick log refuses a date outside the 14-day window before sending, in words with the date', async () => {
    const officerApi = await apiSession(server.url, OFFICER);
    const count = async () =>
      (await officerApi<{ activities: { totalCount: number } }>('{ activities { totalCount } }')).activities.totalCount;
    const before = await count();
    const page = await open(OFFICER, PHONE);
    await page.waitForURL(/\/quick-log/);
    const old = new Date();
    old.setDate(old.getDate() - 20);
    const date = `${old.getFullYear()}-${String(old.getMonth() + 1).padStart(2, '0')}-${String(old.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Date').fill(date);
    await page.getByLabel('What did you do?').click();
    await page.getByRole('option', { name: 'Mentoring' }).click();
    await page.getByRole('button', { name: 'Log activity' }).click();
    await page
      .getByText(`Activities can be logged or changed up to 14 days after they happened: this one was on ${formatDate(date)}`)
      .first()
      .waitFor();
    expect(await count()).toBe(before);
    await screenshot(page, 'officer-quick-log-window');
  });

  it("the quick log starts at the officer's school and repeats the last entry", async () => {
    const officerApi = await apiSession(server.url, OFFICER);
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const { assignments } = await officerApi<{ assignments: { items: { school: { name: string } }[] } }>(
      `{ assignments(filter: { activeOn: "${iso}" }, sort: { field: START_DATE, order: DESC }, perPage: 1) { items { school { name } } } }`,
    );
    await officerApi('mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }', {
      input: { date: iso, category: 'VISIBILITY_PATROL', durationMinutes: 90, studentsReached: 0, staffReached: 2 },
    });
    const page = await open(OFFICER, PHONE);
    await page.waitForURL(/\/quick-log/);
    const school = page.getByRole('combobox', { name: /School/ });
    await waitUntil(async () => (await school.innerText()).includes(assignments.items[0].school.name));
    // The officer's home is the quick log with its week so far.
    await page
      .getByRole('region', { name: 'Your week' })
      .getByText(/\d+ activit/)
      .waitFor();
    await page.getByRole('button', { name: 'Repeat last entry' }).click();
    await waitUntil(async () => (await page.getByRole('combobox', { name: /What did you do/ }).innerText()).includes('Visibility patrol'));
    expect(await page.getByLabel('1.5 h').isChecked()).toBe(true);
    expect(await page.getByLabel('Staff reached').inputValue()).toBe('2');
    await screenshot(page, 'officer-quick-log-repeat');
  });

  it("an officer's activities on a phone: a card list without its own name, each saying until when it can be changed, no sideways scroll", async () => {
    const page = await open(OFFICER, PHONE);
    await page.waitForURL(/\/quick-log/);
    await page.goto(`${server.url}/activities`);
    await page
      .getByText(/Editable until|Locked/)
      .first()
      .waitFor();
    expect(await page.getByText('Marsh, Elena').count()).toBe(0);
    await page.goto(`${server.url}/assignments`);
    await page
      .getByText(/\d+ FTE/)
      .first()
      .waitFor();
    expect(await page.getByText(/Marsh, Elena/).count()).toBe(0);
    await page.goto(`${server.url}/activities`);
    await page
      .getByText(/Editable until|Locked/)
      .first()
      .waitFor();
    const widths = await pageWidths(page);
    expect(widths.content).toBeLessThanOrEqual(widths.viewport);
    await screenshot(page, 'officer-activities-phone');
  });

  it('every list fits a 390 px phone without sideways scroll', async () => {
    const page = await open(ADMIN, PHONE);
    for (const path of ['/activities', '/assignments', '/officers', '/schools', '/agencies', '/users', '/auditEvents']) {
      await page.goto(`${server.url}${path}`);
      // The pagination shows once the rows are there; a card list has no table.
      await page.getByText(/^\d+-\d+ of \d+$/).waitFor();
      expect(await page.locator('table').count()).toBe(0);
      const widths = await pageWidths(page);
      expect({ path, ...widths }).toEqual({ path, content: expect.any(Number), viewport: 390 });
      expect(widths.content).toBeLessThanOrEqual(390);
    }
  });

  it('words a person would use: the title and the toast name the record, the bulk confirmation names the change', async () => {
    const id = await someAssignment();
    const { assignment } = await adminApi<{ assignment: { officer: { firstName: string; lastName: string }; school: { name: string } } }>(
      'query($id: ID!) { assignment(id: $id) { officer { firstName lastName } school { name } } }',
      { id },
    );
    const name = `Assignment of ${assignment.officer.firstName} ${assignment.officer.lastName} at ${assignment.school.name}`;
    const page = await open(ADMIN);
    await page.goto(`${server.url}/assignments/${id}/show`);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    await editNotes(page, id, 'Reviewed with the principal');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${name} saved`).waitFor();
    expect(await page.getByText(/Element/).count()).toBe(0);

    await page.goto(`${server.url}/officers`);
    await page.getByRole('row').nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Set on leave' }).click();
    await page.getByRole('dialog').getByText('Set this officer on leave?').waitFor();
    await page.getByRole('dialog').getByText("Confirm changes the officer's status to On leave.").waitFor();
    await screenshot(page, 'bulk-confirmation-words');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it("a chief's home shows its agency first, beside the district coverage labelled as such", async () => {
    const page = await open(CHIEF);
    const agency = page.getByRole('region', { name: 'Harlow Falls Police Department today' });
    await agency.getByText('active officers').waitFor();
    await agency.getByText('absent today').waitFor();
    await page.getByRole('region', { name: 'Harlow Falls Police Department this quarter' }).getByText('activities').waitFor();
    await page.getByRole('region', { name: 'District coverage today' }).waitFor();
    await screenshot(page, 'chief-home');
  });

  it('the coverage view is kept in the URL: a bookmark shows the same date and filters', async () => {
    const page = await open(ADMIN);
    await page.goto(`${server.url}/coverage`);
    await page.getByLabel('Date').fill('2026-10-01');
    await page.waitForURL(/date=2026-10-01/);
    const bookmark = page.url();
    await page.goto(`${server.url}/`);
    await page.goto(bookmark);
    expect(await page.getByLabel('Date').inputValue()).toBe('2026-10-01');
  });

  it("changes one's own password from the user menu: a wrong current one is shown on its field, the other sessions end", async () => {
    const email = `password.${Date.now()}@sro-hub.example`;
    await adminApi('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: 'Pat Password', role: 'ANALYST', password: DEMO_PASSWORD },
    });
    const otherSession = await apiSession(server.url, email);
    const page = await open(email);
    await page.getByRole('button', { name: 'Pat Password' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    await page.waitForURL(/\/change-password$/);
    const newPassword = 'a new password for Pat, 2026';
    await page.getByLabel('Current password').fill('not the current password');
    await page.getByLabel(/^New password(?! again)/).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This is not your current password').waitFor();
    await page.getByLabel('Current password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed: your other sessions have ended').waitFor();
    await screenshot(page, 'password-changed');
    // The page's own session goes on; the other one has ended; the new password signs in, the old one does not.
    const pageMe = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return ((await response.json()) as { data: { me: { email: string } | null } }).data.me;
    });
    expect(pageMe).toEqual({ email });
    expect(await otherSession<{ me: unknown }>('{ me { email } }')).toEqual({ me: null });
    const signIn = async (password: string) =>
      (
        (await (
          await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
              variables: { email, password },
            }),
          })
        ).json()) as { data: { login: { token: string } | null } | null }
      ).data?.login?.token ?? null;
    expect(await signIn(newPassword)).toEqual(expect.any(String));
    expect(await signIn(DEMO_PASSWORD)).toBeNull();
  });

  it("a list's Export downloads every matching row from the server, and the export is in the audit log", async () => {
    const page = await open(ADMIN);
    await page.goto(`${server.url}/activities`);
    await page.getByRole('row').nth(1).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // One header, then one line per activity (notes never hold a line break in the demo program).
    const rows = text.trimEnd().split(/\r?\n/).length - 1;
    const { activities } = await adminApi<{ activities: { totalCount: number } }>('{ activities { totalCount } }');
    expect(activities.totalCount).toBeGreaterThan(5000);
    expect(rows).toBe(activities.totalCount);
    const { auditEvents } = await adminApi<{ auditEvents: { items: { entityId: string }[] } }>(
      '{ auditEvents(filter: { action: "export", entityType: "List" }, sort: { field: CREATED_AT, order: DESC }, perPage: 1) { items { entityId } } }',
    );
    expect(auditEvents.items[0]?.entityId).toBe('activities');
  });

  it("writes every date the one way of the district's locale: no raw ISO date on any page, times with the same date", async () => {
    const { assignments } = await adminApi<{
      assignments: { items: { id: string; startDate: string; officer: { id: string }; school: { id: string } }[] };
    }>('{ assignments(perPage: 1, sort: { field: START_DATE, order: DESC }) { items { id startDate officer { id } school { id } } } }');
    const [assignment] = assignments.items;
    const page = await open(ADMIN);
    const pages = [
      '/',
      '/assignments',
      `/assignments/${assignment.id}/show`,
      `/officers/${assignment.officer.id}/show/assignments`,
      `/schools/${assignment.school.id}/show/assignments`,
      '/activities',
      '/users',
      '/auditEvents',
      '/reports',
    ];
    const rawDates: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      const main = page.locator('main');
      await waitUntil(async () => /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}\b/.test(await main.innerText()));
      await page.waitForLoadState('networkidle');
      const found = (await main.innerText()).match(/\b\d{4}-\d{2}-\d{2}\b/g);
      if (found) rawDates[path] = found;
    }
    expect(rawDates).toEqual({});
    await page.goto(`${server.url}/assignments/${assignment.id}/show`);
    await page.getByText(formatDate(assignment.startDate), { exact: true }).waitFor();
    await page.goto(`${server.url}/auditEvents`);
    await page
      .getByText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/)
      .first()
      .waitFor();
  });

  it('the reports view is kept in the URL: reloading or opening the link shows the same period, filters and series', async () => {
    const page = await open(ADMIN);
    await page.goto(`${server.url}/reports`);
    await page.getByTestId('report-period').waitFor();
    const choose = async (label: string, option: string) => {
      await page.getByLabel(label, { exact: true }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await choose('Period', 'A program year or quarter…');
    await choose('Quarter', 'Q2');
    await choose('School level', 'High');
    await choose('Compare with', 'Same period last year');
    await page.getByRole('button', { name: 'Months' }).click();
    await page.waitForURL((url) => url.searchParams.get('interval') === 'MONTH');
    const bookmark = new URL(page.url());
    expect(Object.fromEntries(bookmark.searchParams)).toMatchObject({
      period: 'quarter',
      quarter: '2',
      level: 'HIGH',
      compareTo: 'SAME_PERIOD_LAST_YEAR',
      interval: 'MONTH',
    });
    const heading = await page.getByTestId('report-period').innerText();
    expect(heading).toMatch(/^Q2 /);

    const shows = async () => {
      await page.getByTestId('report-period').filter({ hasText: /^Q2 / }).waitFor();
      expect(await page.getByTestId('report-period').innerText()).toBe(heading);
      expect(await page.getByLabel('Quarter', { exact: true }).innerText()).toBe('Q2');
      expect(await page.getByLabel('School level', { exact: true }).innerText()).toBe('High');
      expect(await page.getByLabel('Compare with', { exact: true }).innerText()).toBe('Same period last year');
      expect(await page.getByRole('button', { name: 'Months' }).getAttribute('aria-pressed')).toBe('true');
    };
    await page.reload();
    await shows();
    await page.goto(`${server.url}/`);
    await page.goto(bookmark.toString());
    await shows();
  });

  it('the audit log keeps its filters in the URL across a reload', async () => {
    const page = await open(ADMIN);
    await page.goto(`${server.url}/auditEvents`);
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page
      .locator('[role^="menuitem"]')
      .filter({ hasText: /^Action$/ })
      .click();
    const action = page.getByRole('textbox', { name: 'Action' });
    await action.fill('login');
    await page.waitForURL(/filter=.*login/);
    await page.reload();
    await waitUntil(async () => (await action.count()) > 0 && (await action.inputValue()) === 'login');
    await page.getByRole('row').nth(1).getByText('login', { exact: true }).waitFor();
  });
});
