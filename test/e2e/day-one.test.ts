import type { Browser, Page } from 'playwright-core';
import {
  apiSession,
  DEMO_PASSWORD,
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

/** The console as people use it on day one: sessions that end, servers that restart. */
describeWhenReady('the console when the session ends or the server is away', () => {
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
    const errors = (session?.consoleErrors ?? []).filter((error) => !expectedErrors?.test(error));
    await session?.context.close();
    session = undefined;
    expectedErrors = undefined;
    expect(errors).toEqual([]);
  });

  async function open(email: string) {
    session = await openPage(browser);
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
    expectedErrors = /ERR_CONNECTION_REFUSED|Failed to fetch|503|502/;

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
});
