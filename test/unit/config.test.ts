import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, VARIABLES } from '../../server/src/config';
import { withConfigurationTable } from '../../server/src/config-table';

describe('configuration', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      port: 4000,
      programYearStartMonth: 7,
      seedDemo: true,
      migrateOnStart: true,
      databasePoolSize: 1,
    });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('does not seed a PostgreSQL server unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/x' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://root@127.0.0.1:5432/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each([
    ['PORT', 'abc', /^PORT="abc" is invalid: expected an integer from 0 to 65535$/],
    ['PORT', '70000', /^PORT=/],
    ['PROGRAM_YEAR_START_MONTH', '13', /^PROGRAM_YEAR_START_MONTH="13" is invalid: expected an integer from 1 to 12$/],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL="loud" is invalid: expected one of fatal, error/],
    ['NODE_ENV', 'staging', /^NODE_ENV=/],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL is invalid: expected a postgres/],
    ['DATABASE_URL', 'not a url', /^DATABASE_URL is invalid/],
    ['MIGRATE_ON_START', 'maybe', /^MIGRATE_ON_START="maybe" is invalid: expected true or false$/],
    ['TZ_PROGRAM', 'Mars/Olympus', /^TZ_PROGRAM=/],
    ['DEMO_PASSWORD', 'short', /^DEMO_PASSWORD is invalid: expected at least 12 characters$/],
    ['CORS_ORIGINS', 'example.org', /^CORS_ORIGINS contains "example.org"/],
  ])('refuses %s=%s with one line naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('leaves /metrics open unless METRICS_TOKEN is set, and gives requests 30 seconds to finish at shutdown', () => {
    expect(loadConfig({})).toMatchObject({ metricsToken: undefined, shutdownTimeoutSeconds: 30 });
    expect(loadConfig({ METRICS_TOKEN: 'a-metrics-token-0123', SHUTDOWN_TIMEOUT_SECONDS: '10' })).toMatchObject({
      metricsToken: 'a-metrics-token-0123',
      shutdownTimeoutSeconds: 10,
    });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /^METRICS_TOKEN is invalid: expected at least 16 characters without spaces$/,
    );
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow(/^SHUTDOWN_TIMEOUT_SECONDS="0" is invalid/);
  });

  it('suppresses small cells for chiefs below 3 officers or 10 activities by default, configurable and checked', () => {
    expect(loadConfig({}).smallCells).toEqual({ minOfficers: 3, minActivities: 10 });
    expect(loadConfig({ SMALL_CELL_MIN_OFFICERS: '5', SMALL_CELL_MIN_ACTIVITIES: '1' }).smallCells).toEqual({
      minOfficers: 5,
      minActivities: 1,
    });
    expect(() => loadConfig({ SMALL_CELL_MIN_OFFICERS: '0' })).toThrow(
      /^SMALL_CELL_MIN_OFFICERS="0" is invalid: expected an integer from 1 to 1000$/,
    );
    expect(() => loadConfig({ SMALL_CELL_MIN_ACTIVITIES: 'ten' })).toThrow(/^SMALL_CELL_MIN_ACTIVITIES="ten" is invalid/);
  });

  it('migrates as MIGRATION_DATABASE_URL, by default the runtime DATABASE_URL itself; the embedded database takes neither', () => {
    const runtime = 'postgres://sro_runtime@127.0.0.1:5432/sro';
    const owner = 'postgres://sro_owner@127.0.0.1:5432/sro';
    expect(loadConfig({})).toMatchObject({ databaseUrl: undefined, migrationDatabaseUrl: undefined });
    expect(loadConfig({ DATABASE_URL: runtime })).toMatchObject({ databaseUrl: runtime, migrationDatabaseUrl: runtime });
    expect(loadConfig({ DATABASE_URL: runtime, MIGRATION_DATABASE_URL: owner })).toMatchObject({
      databaseUrl: runtime,
      migrationDatabaseUrl: owner,
    });
    expect(() => loadConfig({ MIGRATION_DATABASE_URL: owner })).toThrow(/^MIGRATION_DATABASE_URL is invalid without DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: runtime, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(
      /^MIGRATION_DATABASE_URL is invalid: expected a postgres/,
    );
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_EMAIL and ADMIN_PASSWORD/);
    expect(loadConfig({ ADMIN_EMAIL: 'a@b.org', ADMIN_PASSWORD: 'long enough password' }).adminEmail).toBe('a@b.org');
  });

  it('has request and query limits, each configurable and checked', () => {
    expect(loadConfig({})).toMatchObject({
      requestBodyLimitKb: 100,
      requestTimeoutMs: 30_000,
      graphqlLimits: { maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 2_000, maxQueryLength: 20_000, maxCost: 200_000 },
    });
    expect(loadConfig({ GRAPHQL_MAX_COST: '1000', REQUEST_TIMEOUT_MS: '5000' })).toMatchObject({
      requestTimeoutMs: 5_000,
      graphqlLimits: { maxCost: 1_000 },
    });
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/^GRAPHQL_MAX_DEPTH="0" is invalid: expected an integer from 2 to 100$/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/^REQUEST_TIMEOUT_MS="10" is invalid/);
    expect(() => loadConfig({ REQUEST_BODY_LIMIT_KB: '1mb' })).toThrow(/^REQUEST_BODY_LIMIT_KB="1mb" is invalid/);
  });

  it('trusts X-Forwarded-For from loopback proxies unless TRUST_PROXY names others, a hop count or none', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
    // Trusting every sender would let any client choose the address its sign-ins are throttled under.
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/^TRUST_PROXY contains "true": expected none, a number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/^TRUST_PROXY contains "10.0.0.0\/33"/);
    expect(() => loadConfig({ TRUST_PROXY: '11' })).toThrow(/^TRUST_PROXY="11" is invalid: expected an integer from 0 to 10$/);
  });

  it('gives API tokens 365 days by default and at most, each configurable, the default within the maximum', () => {
    expect(loadConfig({})).toMatchObject({ apiTokenDefaultDays: 365, apiTokenMaxDays: 365 });
    expect(loadConfig({ API_TOKEN_DEFAULT_DAYS: '30', API_TOKEN_MAX_DAYS: '90' })).toMatchObject({
      apiTokenDefaultDays: 30,
      apiTokenMaxDays: 90,
    });
    expect(loadConfig({ API_TOKEN_MAX_DAYS: '90' }).apiTokenDefaultDays).toBe(90);
    expect(() => loadConfig({ API_TOKEN_DEFAULT_DAYS: '400' })).toThrow(
      /^API_TOKEN_DEFAULT_DAYS=400 is invalid: expected at most API_TOKEN_MAX_DAYS \(365\)$/,
    );
    expect(() => loadConfig({ API_TOKEN_MAX_DAYS: '0' })).toThrow(/^API_TOKEN_MAX_DAYS="0" is invalid/);
  });

  it('names every bad variable at once, one line each in the order of the docs (PORT=abc LOG_LEVEL=loud DATABASE_POOL_SIZE=0)', () => {
    const refused = (() => {
      try {
        loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_POOL_SIZE: '0' });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).problems).toEqual([
      'PORT="abc" is invalid: expected an integer from 0 to 65535',
      'LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent',
      'DATABASE_POOL_SIZE="0" is invalid: expected an integer from 1 to 100',
    ]);
    expect((refused as ConfigError).message.split('\n')).toHaveLength(3);
  });

  it('stops the start of the real process with exit status 2, naming all three (PORT=abc LOG_LEVEL=loud DATABASE_POOL_SIZE=0)', () => {
    const start = spawnSync(process.execPath, ['-r', './test/support/register-ts.cjs', 'server/src/main.ts'], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH, PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_POOL_SIZE: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: start.status, stderr: start.stderr }).toEqual({
      status: 2,
      stderr:
        'configuration errors:\n' +
        '  PORT="abc" is invalid: expected an integer from 0 to 65535\n' +
        '  LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent\n' +
        '  DATABASE_POOL_SIZE="0" is invalid: expected an integer from 1 to 100\n',
    });
  });

  it('checks the rules between variables beside the bad values, not after them', () => {
    expect(() => loadConfig({ PORT: 'abc', ADMIN_EMAIL: 'a@b.org' })).toThrow(
      /^PORT="abc" is invalid[^\n]*\nADMIN_EMAIL and ADMIN_PASSWORD are invalid: set both or neither$/,
    );
    // A rule whose variable is itself bad says nothing more: the bad value is the one problem.
    expect(() => loadConfig({ ADMIN_EMAIL: 'not an address', ADMIN_PASSWORD: 'long enough password' })).toThrow(
      /^ADMIN_EMAIL="not an address" is invalid: expected an e-mail address$/,
    );
    expect(() => loadConfig({ ADMIN_EMAIL: 'not an address' })).toThrow(
      /^ADMIN_EMAIL="not an address" is invalid: expected an e-mail address$/,
    );
  });

  it('never repeats a secret value in a message', () => {
    const secrets = {
      DATABASE_URL: 'mysql://sro:database-secret@db/sro',
      DEMO_PASSWORD: 'secret-1',
      ADMIN_EMAIL: 'a@b.org',
      ADMIN_PASSWORD: 'secret-2',
      METRICS_TOKEN: 'secret 3',
    };
    const message = (() => {
      try {
        loadConfig(secrets);
      } catch (error) {
        return (error as ConfigError).message;
      }
    })();
    expect(message?.split('\n')).toEqual([
      'DATABASE_URL is invalid: expected a postgres:// or postgresql:// URL',
      'DEMO_PASSWORD is invalid: expected at least 12 characters',
      'METRICS_TOKEN is invalid: expected at least 16 characters without spaces',
      'ADMIN_PASSWORD is invalid: expected at least 12 characters',
    ]);
  });

  it('keeps the shape of Config the code reads', () => {
    const config = loadConfig({ TZ_PROGRAM: 'America/Denver' });
    expect(config).toEqual({
      databaseUrl: undefined,
      migrationDatabaseUrl: undefined,
      dataDir: path.resolve('./data'),
      port: 4000,
      host: '127.0.0.1',
      nodeEnv: 'development',
      logLevel: 'info',
      demoPassword: undefined,
      programYearStartMonth: 7,
      mouRenewalDays: 120,
      smallCells: { minOfficers: 3, minActivities: 10 },
      tips: { lifeSafetyMinutes: 30, firstActionHours: 24 },
      training: { dueSoonDays: 60 },
      timeZone: 'America/Denver',
      migrateOnStart: true,
      seedDemo: true,
      databasePoolSize: 1,
      metricsToken: undefined,
      shutdownTimeoutSeconds: 30,
      adminEmail: undefined,
      adminPassword: undefined,
      sessionIdleMinutes: 60,
      sessionAbsoluteHours: 12,
      apiTokenDefaultDays: 365,
      apiTokenMaxDays: 365,
      trustProxy: ['loopback'],
      graphqlIntrospection: true,
      corsOrigins: [],
      requestBodyLimitKb: 100,
      requestTimeoutMs: 30_000,
      readPath: 'fast',
      safetyAudits: { cycleMonths: 12, dueDays: { CRITICAL: 7, HIGH: 30, MEDIUM: 90, LOW: 180 } },
      graphqlLimits: { maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 2_000, maxQueryLength: 20_000, maxCost: 200_000 },
    });
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/d', DATA_DIR: ' /srv/sro ' })).toMatchObject({
      graphqlIntrospection: false,
      databasePoolSize: 10,
      seedDemo: false,
      dataDir: '/srv/sro',
    });
  });

  it('is listed in docs/configuration.md, variable by variable, as config.ts declares it (npm run config:doc)', () => {
    const doc = fs.readFileSync(path.resolve(__dirname, '../../docs/configuration.md'), 'utf8');
    for (const variable of VARIABLES) expect(doc).toContain(`| \`${variable.name}\``);
    expect(withConfigurationTable(doc)).toBe(doc);
    expect(new Set(VARIABLES.map((variable) => variable.name)).size).toBe(VARIABLES.length);
  });

  it('is the only reader of process.env in the server', () => {
    const readers = (folder: string): string[] =>
      fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) return readers(file);
        return entry.name.endsWith('.ts') && fs.readFileSync(file, 'utf8').includes('process.env')
          ? [path.relative(path.resolve(__dirname, '../..'), file)]
          : [];
      });
    expect(readers(path.resolve(__dirname, '../../server/src'))).toEqual(['server/src/config.ts']);
  });

  it('reads on the fast path unless READ_PATH=orm, and refuses any other read path', () => {
    expect(loadConfig({}).readPath).toBe('fast');
    expect(loadConfig({ READ_PATH: 'orm' }).readPath).toBe('orm');
    expect(() => loadConfig({ READ_PATH: 'slow' })).toThrow(ConfigError);
    expect(() => loadConfig({ READ_PATH: 'slow' })).toThrow(/READ_PATH/);
  });
});
