import fs from 'node:fs';
import os from 'node:os';
import { setInterval, clearInterval } from 'node:timers';
import autocannon from 'autocannon';

const TICK_MS = 10; // /proc reports CPU time in clock ticks of 1/100 s (CLK_TCK on Linux).

/** CPU time (user + system) a process has used, in ms; 0 once it is gone. */
export function processCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU time of the PostgreSQL backends serving this database right now, by pid. */
export async function backendCpu(client) {
  const { rows } = await client.query(
    `select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
  );
  return new Map(rows.map(({ pid }) => [pid, processCpuMs(pid)]));
}

/** CPU the backends used between two snapshots (backends that appeared in between count from zero). */
export function backendCpuBetween(before, after) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Drives one server with autocannon for `duration` seconds and checks every answer: a status other than 2xx,
 * or a GraphQL `errors` entry, counts as an error. Measures what the server and PostgreSQL spent meanwhile.
 */
export async function load(server, requests, { connections, duration, headers, db }) {
  const counts = { responses: 0, errors: 0, firstError: null };
  const onResponse = (status, body) => {
    counts.responses++;
    if (status < 200 || status > 299 || body.includes('"errors"')) {
      counts.errors++;
      counts.firstError ??= `${status} ${body.slice(0, 300)}`;
    }
  };
  const statementsBefore = await server.statements();
  const cpuBefore = processCpuMs(server.child.pid);
  const pgBefore = await backendCpu(db);
  let peakRss = server.rssMb();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssMb())), 100);
  const load = os.loadavg()[0];
  const result = await autocannon({
    url: server.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    connections,
    duration,
    requests: requests.map((request) => ({ ...request, onResponse })),
  });
  clearInterval(sampler);
  const pgAfter = await backendCpu(db);
  const statements = (await server.statements()) - statementsBefore;
  const done = Math.max(counts.responses, 1);
  return {
    requests: counts.responses,
    rps: counts.responses / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: counts.errors + result.errors + result.timeouts,
    firstError: counts.firstError ?? (result.errors ? `${result.errors} connection errors` : null),
    statements: statements / done,
    serverCpu: (processCpuMs(server.child.pid) - cpuBefore) / done,
    pgCpu: backendCpuBetween(pgBefore, pgAfter) / done,
    peakRss,
    load,
  };
}
