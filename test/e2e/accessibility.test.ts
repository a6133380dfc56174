import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  apiSession,
  launchBrowser,
  missingPrerequisite,
  openPage,
  signIn,
  startServer,
  type ConsolePage,
  type RunningServer,
} from './harness';

const missing = missingPrerequisite();
if (missing) {
  console.warn(`End-to-end accessibility tests skipped: ${missing}. CI installs Chromium and builds first.`);
}
const describeWhenReady = missing ? describe.skip : describe;

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[] }[];
}

/** Where a violation is, and for a contrast failure its colours and ratio. */
function describeNode(node: Violation['nodes'][number]): string {
  const colours = node.any.find((check) => check.data?.contrastRatio)?.data;
  return node.target.join(' ') + (colours ? ` (${colours.fgColor} on ${colours.bgColor}: ${colours.contrastRatio}:1)` : '');
}

/** axe-core's serious and critical findings on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  // The settled page: a request still loading shows react-admin's spinner for a moment, which would make the
  // findings depend on timing (its missing name is noted in issue 17's closing note).
  await page
    .locator('.MuiCircularProgress-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  // Evaluated rather than added as a script tag: the console's Content-Security-Policy forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  // GraphiQL's tab bar nests its close buttons in its tabs, its editor's syntax colours and its logo are its own:
  // third-party parts of the explorer page, left out here (the page around them is checked).
  const context = JSON.stringify({ exclude: [['.graphiql-tabs'], ['.monaco-editor'], ['.graphiql-logo']] });
  const violations = (await page.evaluate(`axe.run(${context}).then((result) => result.violations)`)) as Violation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.help}): ${violation.nodes.map(describeNode).join(', ')}`);
}

/** Every page of the console, in both themes: axe finds no serious or critical violation. */
describeWhenReady('the console is accessible', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: ConsolePage | undefined;
  let ids: { school: string; assignment: string; officer: string; agency: string; activity: string; user: string };
  // The newer modules' records, where the demo data has one: their show pages are swept only then.
  let newerShowPages: string[];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = await apiSession(server.url, 'admin@sro-hub.example');
    const first = await api<Record<string, { items: { id: string }[] }>>(
      `{ schools(perPage: 1) { items { id } } assignments(perPage: 1) { items { id } } officers(perPage: 1) { items { id } }
         agencies(perPage: 1) { items { id } } activities(perPage: 1) { items { id } } users(perPage: 1) { items { id } } }`,
    );
    ids = {
      school: first.schools.items[0].id,
      assignment: first.assignments.items[0].id,
      officer: first.officers.items[0].id,
      agency: first.agencies.items[0].id,
      activity: first.activities.items[0].id,
      user: first.users.items[0].id,
    };
    const newer = await api<Record<string, { items: { id: string }[] }>>(
      `{ officerAbsences(perPage: 1) { items { id } } safetyAudits(perPage: 1) { items { id } } tips(perPage: 1) { items { id } } }`,
    );
    newerShowPages = (['officerAbsences', 'safetyAudits', 'tips'] as const)
      .filter((resource) => newer[resource].items.length > 0)
      .map((resource) => `/${resource}/${newer[resource].items[0].id}/show`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    await session?.context.close();
    session = undefined;
  });

  async function openIn(theme: (typeof THEMES)[number], email?: string, options?: { width?: number; height?: number }) {
    session = await openPage(browser, options);
    // react-admin keeps the chosen theme in its store (localStorage).
    await session.context.addInitScript(`localStorage.setItem('RaStore.theme', ${JSON.stringify(JSON.stringify(theme))})`);
    if (email) await signIn(session.page, server.url, email);
    return session.page;
  }

  /** Opens each path, waits for its h1, and collects what axe finds. */
  async function check(page: Page, paths: string[]): Promise<Record<string, string[]>> {
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // react-admin's error page has an h1 too: a page that crashed must not pass as an accessible one.
      const crash = page.locator('.RaError-title');
      if ((await crash.count()) > 0) {
        found[path] = [`the page failed: ${await crash.first().innerText()}`];
        continue;
      }
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    return found;
  }

  it.each(THEMES)(
    "the login page and an administrator's pages (%s theme)",
    async (theme) => {
      const page = await openIn(theme);
      expect(await check(page, ['/login'])).toEqual({});
      await signIn(page, server.url, 'admin@sro-hub.example');
      const paths = [
        '/',
        '/coverage',
        '/reports',
        '/schools',
        `/schools/${ids.school}/show`,
        `/schools/${ids.school}/edit`,
        '/assignments',
        `/assignments/${ids.assignment}/show`,
        '/assignments/create',
        '/officers',
        `/officers/${ids.officer}/show`,
        `/officers/${ids.officer}/edit`,
        '/agencies',
        `/agencies/${ids.agency}/show`,
        '/activities',
        `/activities/${ids.activity}/show`,
        '/activities/create',
        '/users',
        `/users/${ids.user}`,
        '/auditEvents',
        '/apiTokens',
        '/change-password',
        '/explorer',
        '/officerAbsences',
        '/officerAbsences/create',
        '/safetyAudits',
        '/correctiveActions',
        '/safety-audit-walk',
        '/safety-audit-report',
        '/tips',
        '/tips/create',
        '/tip-report',
        ...newerShowPages,
      ];
      expect(await check(page, paths)).toEqual({});
    },
    480_000,
  ); // A sweep of every page: each page loads and axe walks it, one after another.

  it.each(THEMES)(
    "an officer's pages on a phone (%s theme)",
    async (theme) => {
      const page = await openIn(theme, 'officer@harlowfalls-pd.example', { width: 390, height: 844 });
      const paths = ['/quick-log', '/activities', '/assignments', '/reports', '/tips', '/safety-audit-walk', '/access-denied'];
      expect(await check(page, paths)).toEqual({});
    },
    180_000,
  );

  it.each(THEMES)('the assignment form with a clash warning and free FTE in the officer picker (%s theme)', async (theme) => {
    const api = await apiSession(server.url, 'admin@sro-hub.example');
    const { assignments } = await api<{
      assignments: { items: { startDate: string; officer: { firstName: string; lastName: string; status: string } }[] };
    }>('{ assignments(filter: { role: PRIMARY }, perPage: 50) { items { startDate officer { firstName lastName status } } } }');
    const primary = assignments.items.find((assignment) => assignment.officer.status === 'ACTIVE')!;
    const page = await openIn(theme, 'admin@sro-hub.example');
    await page.goto(`${server.url}/assignments/create`);
    await page.getByLabel('First day').fill(primary.startDate);
    await page.getByRole('combobox', { name: 'Officer' }).fill(primary.officer.lastName);
    const option = page.getByRole('option', {
      name: new RegExp(`^${primary.officer.lastName}, ${primary.officer.firstName} .* FTE free$`),
    });
    await option.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await option.first().click();
    await page.getByRole('alert').filter({ hasText: 'Clashes with the primary at' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
