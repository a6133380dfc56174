/**
 * PostGraphile 5 with its default (amber) preset serving the bench database's `public` schema, as the signed-in
 * bench administrator would: every request's transaction runs as the row-level-security role `sro_admin` with the
 * same settings SRO Hub sets (pgSettings), so that both answer under the same policies.
 *
 *   DATABASE_URL=... PORT=4200 BENCH_ADMIN_ID=1 <node 24> scripts/bench/postgraphile-server.mjs
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { POSTGRAPHILE_DIR } from './lib/postgraphile.mjs';

const require = createRequire(path.join(POSTGRAPHILE_DIR, 'package.json'));
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafast: {
    context: () => ({
      pgSettings: {
        role: 'sro_admin',
        'sro.role': 'ADMIN',
        'sro.user_id': process.env.BENCH_ADMIN_ID,
        'sro.agency_id': '',
        'sro.officer_id': '',
      },
    }),
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
};

const pgl = postgraphile(preset);
const server = createServer();
await pgl.createServ(grafserv).addTo(server);
server.listen(Number(process.env.PORT ?? 4200), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pgl.release()));
