import { ConfigError, loadConfig } from '../../server/src/config';

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
      graphqlLimits: { maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 2_000, maxQueryLength: 20_000, maxCost: 50_000 },
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

  it('reads on the fast path unless READ_PATH=orm, and refuses any other read path', () => {
    expect(loadConfig({}).readPath).toBe('fast');
    expect(loadConfig({ READ_PATH: 'orm' }).readPath).toBe('orm');
    expect(() => loadConfig({ READ_PATH: 'slow' })).toThrow(ConfigError);
    expect(() => loadConfig({ READ_PATH: 'slow' })).toThrow(/READ_PATH/);
  });
});
