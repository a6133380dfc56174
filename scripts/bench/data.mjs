/**
 * npm run bench:data -- --scale <district|state> [--database-url URL] [--reset]
 *
 * Loads a deterministic SRO program into a PostgreSQL database with COPY: agencies, schools, officers, assignments
 * (through the assignment rules trigger, which checks every row), five program years of activities, and the bench
 * accounts. Migrates first; refuses a database that already holds a program unless --reset empties it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { URL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ACTIVITY_COLUMNS, activityLines } from './lib/activities.mjs';
import { copyInto, copyLine, copyValue } from './lib/copy.mjs';
import { isoOf } from './lib/dates.mjs';
import { makeProgram, SCALES } from './lib/program.mjs';
import { BENCH_PASSWORD, BENCH_USERS, ROOT, databaseUrl, ensureBuilt, ensureDatabase, run } from './lib/setup.mjs';

const { values: options } = parseArgs({
  options: {
    scale: { type: 'string', default: 'district' },
    'database-url': { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const scale = SCALES[options.scale];
if (!scale) {
  console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const url = databaseUrl(options['database-url']);
const PROGRAM_TABLES = [
  'agency',
  'officer',
  'school',
  'assignment',
  'activity',
  'app_user',
  'session',
  'api_token',
  'audit_event',
  'login_throttle',
];

const started = Date.now();
const step = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const lines = (rows, values) => rows.map((row) => copyLine(values(row).map(copyValue)));
const timestamp = (day) => `${isoOf(day)} 08:00:00+00`;

async function assertEmpty(client) {
  const { rows } = await client.query(
    `select (select count(*) from agency) + (select count(*) from school) + (select count(*) from app_user) as rows`,
  );
  if (Number(rows[0].rows) === 0) return;
  if (!options.reset) {
    console.error('The database already holds a program. Run with --reset to empty it first (every program table is truncated).');
    process.exit(2);
  }
  await client.query(`truncate ${PROGRAM_TABLES.join(', ')} restart identity cascade`);
  step('emptied the program tables (--reset)');
}

async function loadProgram(client, program) {
  const { agencies, schools, officers, assignments } = program;
  await client.query('begin');
  // The rules trigger plans its queries once per session, while the table is still empty, and would then scan
  // the whole table for every row (quadratic): steer this session's plans to the indexes instead.
  await client.query('set local enable_seqscan = off');
  await copyInto(
    client,
    'agency',
    ['id', 'name', 'kind', 'ori', 'chief_name', 'phone', 'email', 'address'],
    lines(agencies, (a) => [a.id, a.name, a.kind, a.ori, a.chiefName, a.phone, a.email, a.address]),
  );
  await copyInto(
    client,
    'school',
    ['id', 'name', 'nces_id', 'level', 'locale', 'address', 'enrollment', 'principal_name', 'phone', 'active'],
    lines(schools, (s) => [s.id, s.name, s.ncesId, s.level, s.locale, s.address, s.enrollment, s.principalName, s.phone, s.active]),
  );
  await copyInto(
    client,
    'officer',
    [
      'id',
      'agency_id',
      'first_name',
      'last_name',
      'badge_number',
      'rank',
      'email',
      'phone',
      'status',
      'sro_since',
      'sro_training_completed_on',
    ],
    lines(officers, (o) => [
      o.id,
      o.agencyId,
      o.firstName,
      o.lastName,
      o.badgeNumber,
      o.rank,
      o.email,
      o.phone,
      o.status,
      o.sroSince,
      o.sroTrainingCompletedOn,
    ]),
  );
  // With the rules trigger and the exclusion constraint in force: PostgreSQL itself checks every assignment.
  await copyInto(
    client,
    'assignment',
    ['id', 'created_at', 'updated_at', 'officer_id', 'school_id', 'role', 'start_date', 'end_date', 'fte'],
    lines(assignments, (a) => [
      a.id,
      timestamp(a.start),
      timestamp(a.start),
      a.officerId,
      a.schoolId,
      a.role,
      isoOf(a.start),
      a.end === null ? null : isoOf(a.end),
      (a.fte / 100).toFixed(2),
    ]),
  );
  await client.query('commit');
  step(`loaded ${agencies.length} agencies, ${schools.length} schools, ${officers.length} officers, ${assignments.length} assignments`);
}

/**
 * Activities the way PostgreSQL's manual advises for a bulk load ("Populating a Database"): the secondary
 * indexes and foreign keys are dropped, the rows copied, then both re-created from their own definitions, read
 * from the catalog before the drop, in the same transaction: on any failure nothing changes.
 */
async function loadActivities(client, program) {
  await client.query('begin');
  await client.query(`set local maintenance_work_mem = '512MB'`);
  const { rows: indexes } = await client.query(
    `select indexname as name, indexdef as definition from pg_indexes where schemaname = 'public' and tablename = 'activity' and indexname <> 'activity_pkey'`,
  );
  const { rows: foreignKeys } = await client.query(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = 'activity'::regclass and contype = 'f'`,
  );
  for (const key of foreignKeys) await client.query(`alter table activity drop constraint "${key.name}"`);
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  const copied = await copyInto(client, 'activity', ACTIVITY_COLUMNS, activityLines(program, scale.activities, scale.seed));
  step(`copied ${copied} activities`);
  for (const index of indexes) await client.query(index.definition);
  step(`re-created ${indexes.length} indexes: ${indexes.map((index) => index.name).join(', ')}`);
  for (const key of foreignKeys) await client.query(`alter table activity add constraint "${key.name}" ${key.definition}`);
  step(`re-created ${foreignKeys.length} foreign keys (validated over every row)`);
  await client.query('commit');
}

async function createUsers(client, program) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const { hashPassword } = require('./dist/server/src/modules/auth/passwords.js');
  const agency = program.agencies[0];
  const officer = program.officers.find((candidate) => candidate.agencyId === agency.id && candidate.eras.at(-1)?.end === null);
  const users = [
    [BENCH_USERS.admin, 'Bench Administrator', 'ADMIN', null, null],
    [BENCH_USERS.chief, `Bench Chief, ${agency.name}`, 'AGENCY_CHIEF', agency.id, null],
    [BENCH_USERS.analyst, 'Bench Analyst', 'ANALYST', null, null],
    [BENCH_USERS.officer, `${officer.firstName} ${officer.lastName}`, 'OFFICER', agency.id, officer.id],
  ];
  for (const [email, displayName, role, agencyId, officerId] of users) {
    await client.query(
      `insert into app_user (email, display_name, role, agency_id, officer_id, password_hash) values ($1, $2, $3, $4, $5, $6)`,
      [email, displayName, role, agencyId, officerId, await hashPassword(BENCH_PASSWORD)],
    );
  }
  step(`created ${users.map(([email]) => email).join(', ')} (password ${BENCH_PASSWORD})`);
}

/** The assignment rules, checked once more over the loaded rows (the trigger already checked each on insert). */
async function verify(client) {
  const checks = {
    'an officer over 1.00 FTE on some day': `select 1 from (select distinct officer_id, start_date as day from assignment) d
        join assignment a on a.officer_id = d.officer_id and daterange(a.start_date, a.end_date, '[]') @> d.day
       group by d.officer_id, d.day having sum(a.fte) > 1`,
    'two overlapping PRIMARY assignments': `select 1 from assignment a join assignment b on a.officer_id = b.officer_id and a.id < b.id
       where a.role = 'PRIMARY' and b.role = 'PRIMARY' and daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
    'an assignment of an officer who is not ACTIVE or at an inactive school': `select 1 from assignment a
        join officer o on o.id = a.officer_id join school s on s.id = a.school_id where o.status <> 'ACTIVE' or not s.active`,
    'a disabled trigger on assignment': `select 1 from pg_trigger where tgrelid = 'assignment'::regclass and not tgisinternal and tgenabled = 'D'`,
  };
  for (const [broken, sql] of Object.entries(checks)) {
    const { rowCount } = await client.query(`${sql} limit 1`);
    if (rowCount) throw new Error(`verification failed: found ${broken}`);
  }
  for (const table of ['agency', 'school', 'officer', 'assignment', 'activity', 'app_user']) {
    await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`);
  }
  step('verified: FTE <= 1.00, no overlapping PRIMARY, only ACTIVE officers at active schools, triggers enabled');
}

async function main() {
  ensureBuilt();
  await ensureDatabase(url);
  run('node', ['dist/server/src/cli/migrate.js', 'up'], { DATABASE_URL: url });
  step(`migrated ${new URL(url).pathname.slice(1)}; loading the ${options.scale} program`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await assertEmpty(client);
    const program = makeProgram(scale);
    await loadProgram(client, program);
    await loadActivities(client, program);
    await createUsers(client, program);
    await verify(client);
    await client.query('vacuum (analyze)');
    step('vacuumed and analyzed');
    const { rows } = await client.query(`select pg_size_pretty(pg_database_size(current_database())) as size`);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; database size ${rows[0].size}`);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
