// `npm run dev`: the API on port 4000, recompiled by `tsc --watch` and restarted after each successful build, and
// the console with hot reload on Vite's dev server, which proxies /graphql and /export to the API.
// Open the URL Vite prints (http://localhost:5173). Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const apiPort = process.env.PORT ?? '4000';

/** Stops a child and resolves once it has exited (SIGKILL after 10 s: the next API must get the data folder's lock). */
function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

let api;
let restarting = Promise.resolve();
function restartApi() {
  restarting = restarting.then(async () => {
    await stopChild(api);
    api = spawn(process.execPath, ['dist/server/src/main.js'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: apiPort } });
  });
}

const compiler = spawn(bin('tsc'), ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
compiler.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (/Found 0 errors/.test(String(chunk))) restartApi();
});

const vite = spawn(bin('vite'), ['--config', 'admin/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, API_URL: `http://127.0.0.1:${apiPort}` },
});

let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  await restarting;
  await Promise.all([stopChild(api), stopChild(compiler), stopChild(vite)]);
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
compiler.on('exit', (code) => stopAll(code ?? 1));
vite.on('exit', (code) => stopAll(code ?? 1));
