import type { Browser } from 'playwright-core';
import {
  apiSession,
  launchBrowser,
  missingPrerequisite,
  openPage,
  pageWidths,
  screenshot,
  signIn,
  startServer,
  type ConsolePage,
  type RunningServer,
} from './harness';

const missing = missingPrerequisite();
if (missing) {
  console.warn(`End-to-end tip tests skipped: ${missing}. CI installs Chromium and builds first.`);
}
const describeWhenReady = missing ? describe.skip : describe;

const ADMIN = 'admin@sro-hub.example';
const OFFICER = 'officer@harlowfalls-pd.example';

describeWhenReady('tips in the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let session: ConsolePage | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    const errors = session?.consoleErrors ?? [];
    await session?.context.close();
    session = undefined;
    expect(errors).toEqual([]);
  });

  it('a life-safety tip received 40 minutes ago is overdue in the queue; on a phone one tap takes the first action', async () => {
    const admin = await apiSession(server.url, ADMIN);
    const officerApi = await apiSession(server.url, OFFICER);
    const { me } = await officerApi<{ me: { officer: { id: string } } }>('{ me { officer { id } } }');
    const reference = `S2T-E2E-${Date.now()}`;
    const { createTip } = await admin<{ createTip: { id: string; overdue: boolean } }>(
      `mutation($input: CreateTipInput!) { createTip(input: $input) { id overdue } }`,
      {
        input: {
          referenceNumber: reference,
          source: 'SAFE2TELL',
          category: 'SUICIDE_THREAT',
          lifeSafety: true,
          receivedAt: new Date(Date.now() - 40 * 60_000).toISOString(),
          officerIds: [me.officer.id],
        },
      },
    );
    expect(createTip.overdue).toBe(true);

    session = await openPage(browser, { width: 390, height: 844 });
    const page = session.page;
    await signIn(page, server.url, OFFICER);
    await page.goto(`${server.url}/tips`);
    // On a phone each tip is one line: its age ticking, and overdue.
    const row = page.getByRole('list', { name: 'My tips' }).getByRole('link').filter({ hasText: reference });
    await row.getByText(/^4\d min · Assigned · Overdue$/).waitFor();
    await screenshot(page, 'officer-tips-phone');
    // The page fits the phone: nothing wider than the screen.
    const widths = await pageWidths(page);
    expect(widths.content).toBeLessThanOrEqual(widths.viewport);

    await page.getByRole('list', { name: 'Tip queue' }).getByRole('link').filter({ hasText: reference }).waitFor();
    await row.click();
    await page.getByRole('button', { name: 'First action taken' }).click();
    await page.getByText('Contact made logged on the tip').waitFor();
    await page.getByText(/In progress/).waitFor();
    expect(await page.getByText('overdue').count()).toBe(0);
    await screenshot(page, 'officer-tip-first-action');

    const { activities } = await officerApi<{ activities: { items: { category: string }[] } }>(
      `{ activities(filter: { category: TIP_FOLLOW_UP }, perPage: 5) { items { category } } }`,
    );
    expect(activities.items.length).toBeGreaterThan(0);
  });
});
