/**
 * Preloaded into each server under test (`node -r ./count-statements.cjs ...`): counts every statement the
 * process sends to PostgreSQL (each call of pg's Client#query: a query, BEGIN, COMMIT, set_config...), and on
 * request records their text and values, so that the bench can replay one request's SQL without the server.
 * Nothing in the server changes; the counter costs one increment per statement. The bench asks over the IPC
 * channel: { type: 'count' } -> { count }, { type: 'record', on: true|false } -> { recorded: [...] },
 * { type: 'memory' } -> { memory: process.memoryUsage() }.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');

// The pg the server itself loads: PostGraphile has its own copy (BENCH_PG_FROM names its folder).
const from = process.env.BENCH_PG_FROM || path.dirname(path.resolve(process.argv[1]));
const pg = require(require.resolve('pg', { paths: [from] }));

const wrap = (callback, done) =>
  function timed(...args) {
    done();
    return callback.apply(this, args);
  };

let count = 0;
let recording = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, values, callback) {
  count++;
  if (recording && (typeof config === 'string' || (config && config.text))) {
    const entry = {
      text: typeof config === 'string' ? config : config.text,
      values: (Array.isArray(values) ? values : config.values) ?? [],
    };
    recording.push(entry);
    // When the statement was sent and answered as the server saw it, whichever way pg reports back.
    entry.sent = performance.now();
    const done = () => (entry.answered = performance.now());
    const last = [callback, values, config && config.callback].findIndex((candidate) => typeof candidate === 'function');
    if (last === 0) callback = wrap(callback, done);
    else if (last === 1) values = wrap(values, done);
    else if (last === 2) config.callback = wrap(config.callback, done);
    else {
      const result = query.call(this, config, values, callback);
      if (result && typeof result.then === 'function') result.then(done, done);
      return result;
    }
  }
  return query.call(this, config, values, callback);
};

if (process.send) {
  process.on('message', (message) => {
    if (message.type === 'count') process.send({ count });
    if (message.type === 'memory') {
      // With --expose-gc, { gc: true } collects first: what is live, not what is merely not collected yet.
      if (message.gc && globalThis.gc) globalThis.gc();
      process.send({ memory: process.memoryUsage() });
    }
    if (message.type === 'record') {
      process.send({ recorded: recording ?? [] });
      recording = message.on ? [] : null;
    }
  });
  process.channel.unref();
}
