/**
 * npm run bench:explain [-- --only coverage,activity] [--database-url URL]
 *
 * Records the SQL statements SRO Hub sends for each report scenario (the production build, with the statement
 * recorder preloaded), then runs EXPLAIN (ANALYZE, BUFFERS) on each of them inside the same transaction, role and
 * settings, and writes the plans to scripts/bench/.results/plans.md for docs/performance.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { todayIso } from './lib/dates.mjs';
import { ServerProcess } from './lib/server-process.mjs';
import { BENCH_PASSWORD, BENCH_USERS, ROOT, databaseUrl, ensureBuilt } from './lib/setup.mjs';
import { scenarios } from './scenarios.mjs';

const { values: options } = parseArgs({
  options: { 'database-url': { type: 'string' }, only: { type: 'string', default: 'coverage,activity' } },
});
const url = databaseUrl(options['database-url']);
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|select set_config)/i;

async function record(server, scenario) {
  const headers = { 'content-type': 'application/json' };
  const login = await globalThis.fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      variables: { e: BENCH_USERS[scenario.user], p: BENCH_PASSWORD },
    }),
  });
  const token = (await login.json()).data.login.token;
  await server.startRecording();
  const started = performance.now();
  const answer = await globalThis.fetch(`${server.url}${scenario.sro[0].path}`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${token}` },
    body: scenario.sro[0].body,
  });
  const text = await answer.text();
  const elapsed = performance.now() - started;
  if (text.includes('"errors"')) throw new Error(`${scenario.name}: ${text.slice(0, 300)}`);
  return { statements: await server.stopRecording(), elapsed };
}

/** Replays the control statements (transaction, role, settings) as they were, and explains the others. */
async function explain(db, statements) {
  const plans = [];
  for (const { text, values } of statements) {
    if (CONTROL.test(text)) {
      await db.query(text, values);
      continue;
    }
    const { rows } = await db.query(`explain (analyze, buffers, costs off) ${text}`, values);
    plans.push({ text, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
  }
  if (statements.some(({ text }) => /^begin/i.test(text))) await db.query('rollback').catch(() => undefined);
  return plans;
}

async function main() {
  ensureBuilt();
  const server = await ServerProcess.start({
    name: 'sro',
    script: 'dist/server/src/main.js',
    env: { NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'warn' },
    port: 4409,
    logFile: path.join(ROOT, 'scripts/bench/.results/logs/explain.log'),
  });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const out = [];
  try {
    const wanted = options.only.split(',');
    const plan = scenarios({
      today: todayIso(),
      coverageDate: '2026-03-02',
      quarter: { programYear: 2025, quarter: 3 },
      officerSchoolId: 0,
    });
    for (const scenario of plan.filter((s) => wanted.includes(s.name))) {
      const { statements, elapsed } = await record(server, scenario);
      out.push(
        `## ${scenario.name}: ${scenario.title}\n\nOne request took ${elapsed.toFixed(0)} ms and sent ${statements.length} statements.\n`,
      );
      for (const [index, { text, plan: lines }] of (await explain(db, statements)).entries()) {
        const time = /Execution Time: ([\d.]+) ms/.exec(lines)?.[1];
        out.push(
          `### ${scenario.name} statement ${index + 1} (${time} ms)\n\n\`\`\`sql\n${text.trim()}\n\`\`\`\n\n\`\`\`\n${lines}\n\`\`\`\n`,
        );
        console.log(`${scenario.name} #${index + 1}: ${time} ms  ${text.replace(/\s+/g, ' ').slice(0, 110)}`);
      }
    }
  } finally {
    await db.end();
    await server.stop();
  }
  const file = path.join(ROOT, 'scripts/bench/.results/plans.md');
  fs.writeFileSync(file, `${out.join('\n')}\n`);
  console.log(`plans written to ${path.relative(ROOT, file)}`);
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
