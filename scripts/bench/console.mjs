/**
 * npm run bench:console
 *
 * The console's load on a district network, measured in Chromium and printed (never asserted on: time depends on
 * the machine). Starts the built server on a fresh embedded database, throttles the browser with CDP
 * `Network.emulateNetworkConditions` (1.6 Mbit/s down and up, 150 ms round trip) and reports: the login page usable
 * (its Sign in button shown) cold and warm, the compressed JavaScript sent before sign-in, and how long a start of
 * an unchanged checkout (`npm start`: its build check, then the server) takes to be ready.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir, port) {
  const started = performance.now();
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? os.tmpdir(), DATA_DIR: dataDir, PORT: String(port) };
  const child = spawn(process.execPath, ['dist/server/src/main.js'], {
    cwd: ROOT,
    env: { ...env, DEMO_PASSWORD: 'bench-console-password', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await globalThis.fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { child, seconds: (performance.now() - started) / 1000 };
    await sleep(100);
  }
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** One load of the login page in a throttled tab: seconds until Sign in shows, and the bytes it took. */
async function loadLogin(context, url, { cold }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const types = new Map();
  let scriptBytes = 0;
  let allBytes = 0;
  cdp.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  cdp.on('Network.loadingFinished', (event) => {
    allBytes += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') scriptBytes += event.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(`${url}/login`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  const seconds = (performance.now() - started) / 1000;
  await page.waitForLoadState('networkidle');
  await page.close();
  return { seconds, scriptBytes, allBytes };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

if (!fs.existsSync(path.join(ROOT, 'dist/admin/index.html'))) {
  console.log('Building first (npm run build)…');
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-bench-console-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const first = await startServer(dataDir, port);
  const context = await browser.newContext();
  const cold = await loadLogin(context, url, { cold: true });
  const warm = await loadLogin(context, url, { cold: false });
  await context.close();
  await stop(first.child);

  // `npm start` on an unchanged checkout: the build check, then the server on its (already seeded) database.
  const checkStarted = performance.now();
  spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const check = (performance.now() - checkStarted) / 1000;
  const second = await startServer(dataDir, port);
  await stop(second.child);

  console.log('Console load at 1.6 Mbit/s, 150 ms RTT (Chromium, CDP throttling):');
  console.log(`  login page usable, cold cache:  ${cold.seconds.toFixed(2)} s (target <= 3 s)`);
  console.log(`  login page usable, warm cache:  ${warm.seconds.toFixed(2)} s`);
  console.log(`  JavaScript before sign-in:      ${kb(cold.scriptBytes)} compressed (target <= 250 KB), ${kb(cold.allBytes)} in all`);
  console.log(`  warm reload transferred:        ${kb(warm.allBytes)}`);
  console.log(
    `npm start, unchanged checkout:    ${(check + second.seconds).toFixed(2)} s to ready (build check ${check.toFixed(2)} s, server ${second.seconds.toFixed(2)} s; target <= 3 s)`,
  );
} finally {
  await browser.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
