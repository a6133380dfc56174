import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'e2e-demo-password-2026';
export const SCREENSHOTS = path.join(os.tmpdir(), 'sro-hub-screenshots');

const SERVER_ENTRY = path.join(ROOT, 'dist/server/src/main.js');
const CONSOLE_INDEX = path.join(ROOT, 'dist/admin/index.html');

/** Why the end-to-end suite cannot run here, or null when it can. */
export function missingPrerequisite(): string | null {
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!fs.existsSync(SERVER_ENTRY)) return 'the server is not built (npm run build:server)';
  if (!fs.existsSync(CONSOLE_INDEX)) return 'the console is not built (npm run build:admin)';
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** Stops the server process and keeps its database (sessions included), as a restart or an outage would. */
  pause(): Promise<void>;
  /** Starts it again on the same port and database (when stopped), and waits until it is ready. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `npm start`'s server on a fresh embedded database in a temporary folder: it migrates and seeds the demo
 * program and accounts (password DEMO_PASSWORD) on first start.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A clean environment: never the test run's DATABASE_URL, so the server uses (and seeds) its own embedded database.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    DATA_DIR: dataDir,
    PORT: String(port),
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  let output = '';
  let child: ChildProcess | undefined;

  async function launch(): Promise<void> {
    if (child?.exitCode === null) return;
    const started = spawn(process.execPath, [SERVER_ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`The server exited with ${started.exitCode}:\n${output}`);
      const ready = await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`The server was not ready within 120 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async function halt(): Promise<void> {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    // An unref'd timer: it must not keep the test run alive once the server has exited.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    if (running.exitCode === null) running.kill('SIGKILL');
  }

  await launch();

  return {
    url,
    pause: halt,
    resume: launch,
    async stop() {
      await halt();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A browser page whose console errors and uncaught exceptions are collected, to assert there are none. */
export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

export async function openPage(browser: Browser, options: { width?: number; height?: number } = {}): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // Name the request behind a "Failed to load resource" console error.
  page.on('response', (response) => {
    if (response.status() >= 400)
      consoleErrors.push(
        `${response.status()} ${response.request().method()} ${response.url()} ${response.request().postData()?.slice(0, 200) ?? ''}`,
      );
  });
  return { context, page, consoleErrors };
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Polls a condition the page reaches on its own (such as a prefilled input), for up to 15 s. */
export async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Condition not reached within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** How wide the page's content is against the viewport (wider means sideways scrolling). */
export async function pageWidths(page: Page): Promise<{ content: number; viewport: number }> {
  // A string: the test code is compiled without the DOM's types.
  return (await page.evaluate('({ content: document.documentElement.scrollWidth, viewport: window.innerWidth })')) as {
    content: number;
    viewport: number;
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A GraphQL call as an account, outside the browser: to set up data and to check what was (not) saved. */
export async function apiSession(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      variables: { email, password: DEMO_PASSWORD },
    }),
  });
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  return async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors[0].message);
    return body.data as T;
  };
}
