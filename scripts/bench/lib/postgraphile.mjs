import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './setup.mjs';

/** PostGraphile lives outside the repository's dependencies: its engines (Node >= 22) would break `npm ci` on Node 20. */
export const POSTGRAPHILE_DIR = path.join(ROOT, 'scripts/bench/.postgraphile');
export const POSTGRAPHILE_VERSION = '5.1.5';

/** Installs PostGraphile into its own git-ignored folder, once. */
export function installPostGraphile() {
  const marker = path.join(POSTGRAPHILE_DIR, 'node_modules/postgraphile/package.json');
  if (fs.existsSync(marker) && JSON.parse(fs.readFileSync(marker, 'utf8')).version === POSTGRAPHILE_VERSION) return;
  fs.mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(POSTGRAPHILE_DIR, 'package.json'),
    `${JSON.stringify({ private: true, description: 'PostGraphile for npm run bench only' }, null, 2)}\n`,
  );
  console.log(`installing postgraphile@${POSTGRAPHILE_VERSION} into ${path.relative(ROOT, POSTGRAPHILE_DIR)}/`);
  const result = spawnSync(
    'npm',
    ['install', '--prefix', POSTGRAPHILE_DIR, '--no-audit', '--no-fund', '--engine-strict=false', `postgraphile@${POSTGRAPHILE_VERSION}`],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('installing PostGraphile failed');
}

/**
 * PostGraphile exposes `setof` functions whose first argument is a table row as fields of that table's type
 * ("computed columns"): this one gives it the nested scenario's "assignments active on a day", the way a
 * PostGraphile project would. Bench databases only; created by the bench, never by a migration.
 */
export const POSTGRAPHILE_FUNCTIONS = `
create or replace function school_assignments_active_on(s school, day date) returns setof assignment language sql stable as $$
  select * from assignment a where a.school_id = s.id and a.start_date <= day and (a.end_date is null or a.end_date >= day) order by a.start_date, a.id
$$;`;
