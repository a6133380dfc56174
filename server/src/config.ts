import net from 'node:net';
import path from 'node:path';

/** Every environment variable SRO Hub reads, validated once. Nothing else reads process.env. */
export interface Config {
  /** PostgreSQL server URL of the runtime (requests, as `sro_runtime`); unset means the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  /** The owner's URL, for migrations, the demo program and administrators; unset means `databaseUrl`. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demoPassword: string | undefined;
  /** Month (1-12) on whose 1st the program year starts. */
  programYearStartMonth: number;
  /** A chief's report figure about other agencies resting on fewer officers or activities than these is suppressed. */
  smallCells: { minOfficers: number; minActivities: number };
  /** IANA time zone in which calendar dates ("today") are read. */
  timeZone: string;
  /** Apply pending migrations at start. */
  migrateOnStart: boolean;
  /** Load the demo program at start when the database is empty. Defaults to true on the embedded database. */
  seedDemo: boolean;
  databasePoolSize: number;
  /** Bearer token that GET /metrics requires; unset leaves /metrics open to whoever reaches the port. */
  metricsToken: string | undefined;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownTimeoutSeconds: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Lifetime of a new API token when its creator names none, and the longest it may ask for, in days. */
  apiTokenDefaultDays: number;
  apiTokenMaxDays: number;
  /**
   * The proxies whose X-Forwarded-For gives the client's address (Express's `trust proxy`): addresses, subnets
   * or `loopback`, `linklocal`, `uniquelocal`; or a number of proxy hops; false: none, the peer is the client.
   */
  trustProxy: string[] | number | false;
  graphqlIntrospection: boolean;
  corsOrigins: string[];
  /** Largest request body accepted, in kilobytes; a bigger one is refused with 413. */
  requestBodyLimitKb: number;
  /** Longest a request may take: to arrive (Node's request timeout) and in the database (statement_timeout). */
  requestTimeoutMs: number;
  /** How reads are made: `fast` (the default) or `orm`, plain MikroORM and graphql-js (docs/read-path.md). */
  readPath: 'fast' | 'orm';
  /** Limits on one GraphQL document (graphql/limits.ts). */
  graphqlLimits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxQueryLength: number;
    maxCost: number;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected true or false`);
}

function databaseUrl(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is invalid: expected a URL such as postgres://user@host:5432/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} is invalid: expected a postgres:// or postgresql:// URL`);
  }
  return raw;
}

function timeZone(env: Env): string {
  const raw = read(env, 'TZ_PROGRAM') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    throw new ConfigError(`TZ_PROGRAM=${JSON.stringify(raw)} is invalid: expected an IANA time zone such as America/Denver`);
  }
  return raw;
}

function email(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is invalid: expected an e-mail address`);
  }
  return raw;
}

function password(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw !== undefined && raw !== '' && raw.length < 12) {
    throw new ConfigError(`${name} is invalid: expected at least 12 characters`);
  }
  return raw === '' ? undefined : raw;
}

function secret(env: Env, name: string, minLength: number): string | undefined {
  const raw = read(env, name);
  if (raw !== undefined && (raw.length < minLength || /\s/.test(raw))) {
    throw new ConfigError(`${name} is invalid: expected at least ${minLength} characters without spaces`);
  }
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address or a subnet (`10.0.0.0/8`, `fd00::/8`), as Express's `trust proxy` reads them. */
function isAddressOrSubnet(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

function trustProxy(env: Env): string[] | number | false {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined) return ['loopback'];
  if (raw === 'false' || raw === 'none') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!PROXY_NAMES.includes(entry) && !isAddressOrSubnet(entry)) {
      throw new ConfigError(
        `TRUST_PROXY contains ${JSON.stringify(entry)}: expected none, a number of proxy hops, or a list of ${PROXY_NAMES.join(', ')}, addresses and subnets such as 10.0.0.0/8`,
      );
    }
  }
  return entries;
}

function origins(env: Env): string[] {
  const raw = read(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((origin) => {
    const trimmed = origin.trim();
    if (!/^https?:\/\/[^/\s]+$/.test(trimmed)) {
      throw new ConfigError(`CORS_ORIGINS contains ${JSON.stringify(trimmed)}: expected origins such as https://console.example.org`);
    }
    return trimmed;
  });
}

export function loadConfig(env: Env = process.env): Config {
  const url = databaseUrl(env, 'DATABASE_URL');
  const migrationUrl = databaseUrl(env, 'MIGRATION_DATABASE_URL');
  if (migrationUrl !== undefined && url === undefined) {
    throw new ConfigError('MIGRATION_DATABASE_URL is invalid without DATABASE_URL: the embedded database migrates as its own owner');
  }
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const adminEmail = email(env, 'ADMIN_EMAIL');
  const adminPassword = password(env, 'ADMIN_PASSWORD');
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are invalid: set both or neither');
  }
  const apiTokenMaxDays = integer(env, 'API_TOKEN_MAX_DAYS', 365, 1, 3650);
  const apiTokenDefaultDays = integer(env, 'API_TOKEN_DEFAULT_DAYS', Math.min(365, apiTokenMaxDays), 1, 3650);
  if (apiTokenDefaultDays > apiTokenMaxDays) {
    throw new ConfigError(
      `API_TOKEN_DEFAULT_DAYS=${apiTokenDefaultDays} is invalid: expected at most API_TOKEN_MAX_DAYS (${apiTokenMaxDays})`,
    );
  }
  return {
    databaseUrl: url,
    migrationDatabaseUrl: migrationUrl ?? url,
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? './data'),
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    demoPassword: password(env, 'DEMO_PASSWORD'),
    programYearStartMonth: integer(env, 'PROGRAM_YEAR_START_MONTH', 7, 1, 12),
    smallCells: {
      minOfficers: integer(env, 'SMALL_CELL_MIN_OFFICERS', 3, 1, 1_000),
      minActivities: integer(env, 'SMALL_CELL_MIN_ACTIVITIES', 10, 1, 100_000),
    },
    timeZone: timeZone(env),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', true),
    seedDemo: boolean(env, 'SEED_DEMO', url === undefined),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', url === undefined ? 1 : 10, 1, 100),
    metricsToken: secret(env, 'METRICS_TOKEN', 16),
    shutdownTimeoutSeconds: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 30, 1, 3600),
    adminEmail,
    adminPassword,
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 60, 1, 7 * 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    apiTokenDefaultDays,
    apiTokenMaxDays,
    trustProxy: trustProxy(env),
    graphqlIntrospection: boolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    corsOrigins: origins(env),
    requestBodyLimitKb: integer(env, 'REQUEST_BODY_LIMIT_KB', 100, 1, 10_240),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    readPath: oneOf(env, 'READ_PATH', ['fast', 'orm'] as const, 'fast'),
    graphqlLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 0, 1_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2_000, 200, 100_000),
      maxQueryLength: integer(env, 'GRAPHQL_MAX_QUERY_LENGTH', 20_000, 1_000, 1_000_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 50_000, 100, 10_000_000),
    },
  };
}
