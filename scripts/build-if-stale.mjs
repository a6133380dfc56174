// `npm start`'s build step: builds only when a source is newer than the last build (a fresh clone, or a change),
// so that starting an unchanged checkout does not spend ten seconds rebuilding what is there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist/.build-stamp');
const outputs = ['dist/server/src/main.js', 'dist/admin/index.html'];
const sources = [
  'server/src',
  'migrations',
  'admin/src',
  'admin/index.html',
  'admin/vite.config.ts',
  'admin/tsconfig.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'scripts/compress-console.mjs',
];

/** The latest modification time of a file, or of any file under a folder. */
function newest(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const built = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const complete = outputs.every((output) => fs.existsSync(path.join(root, output)));
const changed = Math.max(...sources.map((source) => newest(path.join(root, source))));
if (complete && built > changed) {
  console.log('The build is up to date: starting without rebuilding.');
  process.exit(0);
}
const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
