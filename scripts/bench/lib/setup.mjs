import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The bench accounts that bench:data creates, all with this password. */
export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_USERS = {
  admin: 'admin@bench.example',
  chief: 'chief@bench.example',
  analyst: 'analyst@bench.example',
  officer: 'officer@bench.example',
};

/** The database to use: --database-url, else DATABASE_URL, else the local sro_bench database. */
export function databaseUrl(option) {
  return option ?? process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/sro_bench';
}

/** Runs a command in the repository, inheriting the output; stops the script when it fails. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with status ${result.status}`);
}

/** Builds the server (and, for the bench, the console) when the production build is missing or older than the sources. */
export function ensureBuilt({ console: withConsole = false } = {}) {
  const entry = path.join(ROOT, 'dist/server/src/main.js');
  const newest = (dir) => {
    let latest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
    return latest;
  };
  const built = fs.existsSync(entry);
  if (!built || newest(path.join(ROOT, 'server/src')) > fs.statSync(entry).mtimeMs) {
    try {
      run('npm', ['run', 'build:server', '--silent']);
    } catch (error) {
      // A work tree in the middle of a change may not compile: say so loudly, and measure the last good build.
      if (!built) throw error;
      console.warn(`WARNING: the build failed; using the existing build of ${fs.statSync(entry).mtime.toISOString()}`);
    }
  }
  if (withConsole && !fs.existsSync(path.join(ROOT, 'dist/admin/index.html'))) run('npm', ['run', 'build:admin', '--silent']);
}

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}
