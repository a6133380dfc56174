import { fixed, table } from './table.mjs';

/**
 * Prints the table of figures, then the ratios to the baselines and each target of issue 8 with whether it holds;
 * returns the ratios for the results file.
 */
export function printSummary(results) {
  const find = (scenario, server) => results.find((result) => result.scenario === scenario && result.server === server);
  console.log(
    `\n${table(
      [
        'scenario',
        'server',
        'node',
        'req/s',
        'p50 ms',
        'p99 ms',
        'stmt/req',
        'server CPU ms/req',
        'PG CPU ms/req',
        'peak RSS MB',
        'errors',
      ],
      results.map((r) => [
        r.scenario,
        r.label,
        r.node,
        fixed(r.rps),
        fixed(r.p50),
        fixed(r.p99),
        fixed(r.statements),
        fixed(r.serverCpu, 2),
        fixed(r.pgCpu, 2),
        fixed(r.peakRss, 0),
        r.errors,
      ]),
    )}`,
  );
  const ratios = [];
  for (const scenario of ['list', 'nested']) {
    const sro = find(scenario, 'sro-24');
    const floor = find(scenario, 'floor-24');
    const postgraphile = find(scenario, 'postgraphile-24');
    if (sro && floor)
      ratios.push([
        scenario,
        'throughput vs floor (target >= 0.67)',
        fixed(sro.rps / floor.rps, 2),
        sro.rps / floor.rps >= 2 / 3 ? 'holds' : 'MISSED',
      ]);
    if (sro && postgraphile)
      ratios.push([
        scenario,
        'throughput vs PostGraphile (target > 1)',
        fixed(sro.rps / postgraphile.rps, 2),
        sro.rps > postgraphile.rps ? 'holds' : 'MISSED',
      ]);
  }
  for (const result of results.filter((r) => r.server === 'sro-24' && r.sql)) {
    const { api, inServer, replay } = result.sql;
    const ratio = api / replay;
    const target = ['coverage', 'activity'].includes(result.scenario);
    ratios.push([
      result.scenario,
      `one request: API ${fixed(api)} ms / its SQL replayed bare ${fixed(replay)} ms (in the server: ${fixed(inServer)} ms)${target ? ' (target <= 1.3)' : ''}`,
      fixed(ratio, 2),
      target ? (ratio <= 1.3 ? 'holds' : 'MISSED') : '',
    ]);
  }
  for (const result of results.filter((r) => r.server === 'sro-24' && r.bySize)) {
    const [small, large] = result.bySize;
    ratios.push([
      result.scenario,
      'statements for one request at perPage 10 / 100 (target: equal)',
      `${small} / ${large}`,
      small === large ? 'holds' : 'MISSED',
    ]);
  }
  const peak = Math.max(...results.filter((r) => r.label === 'SRO Hub').map((r) => r.peakRss));
  ratios.push(['all', 'SRO Hub peak RSS under load (target < 300 MB)', fixed(peak, 0), peak < 300 ? 'holds' : 'MISSED']);
  console.log(`\n${table(['scenario', 'ratio', 'value', 'target'], ratios)}`);
  return ratios;
}
