import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable SRO Hub reads, declared once below: its name, its zod schema (type, default, range),
 * its default and meaning for docs/configuration.md (generated: `npm run config:doc`). The Config type is derived
 * from the declarations. Nothing else reads process.env.
 */

type Env = Record<string, string | undefined>;

/** The values read so far, by variable name, for defaults that depend on another variable. */
type Values = Record<string, unknown>;

export interface Variable<T> {
  name: string;
  schema: z.ZodType<unknown>;
  /** The default when it depends on other variables (the schema then leaves it undefined). */
  fallback?: (values: Values) => T;
  /** The default and meaning, as docs/configuration.md shows them. */
  default: string;
  description: string;
  /** Its value is never repeated in a message (passwords, tokens, URLs with credentials). */
  secret?: boolean;
  /** Phantom: the type of the value in Config. */
  readonly type?: T;
}

interface Documentation {
  default: string;
  description: string;
  secret?: boolean;
}

function variable<S extends z.ZodType>(name: string, schema: S, documentation: Documentation): Variable<z.output<S>> {
  return { name, schema, ...documentation };
}

function derived<S extends z.ZodType, T>(
  name: string,
  schema: S,
  fallback: (values: Values) => T,
  documentation: Documentation,
): Variable<Exclude<z.output<S>, undefined> | T> {
  return { name, schema, fallback, ...documentation };
}

// An unset or blank variable is absent; values are read trimmed, passwords as they are.
const trimmed = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), schema);
const exact = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema);

const integer = (min: number, max: number) => {
  const expected = `expected an integer from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, expected).transform(Number).pipe(z.number().min(min, expected).max(max, expected));
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, `expected one of ${values.join(', ')}`);
const boolean = () => z.enum(['true', '1', 'false', '0'], 'expected true or false').transform((value) => value === 'true' || value === '1');

const postgresUrl = () =>
  z
    .string()
    .refine((value) => URL.canParse(value), 'expected a URL such as postgres://user@host:5432/database')
    .refine(
      (value) => !URL.canParse(value) || ['postgres:', 'postgresql:'].includes(new URL(value).protocol),
      'expected a postgres:// or postgresql:// URL',
    );

const password = () => z.string().min(12, 'expected at least 12 characters');
const email = () => z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an e-mail address');

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address or a subnet (`10.0.0.0/8`, `fd00::/8`), as Express's `trust proxy` reads them. */
function isAddressOrSubnet(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const PROXY_EXPECTED = `expected none, a number of proxy hops, or a list of ${PROXY_NAMES.join(', ')}, addresses and subnets such as 10.0.0.0/8`;

/** The entries of a comma-separated list, each passing `valid`; a bad one is named ("contains ..."). */
function entries(raw: string, context: z.RefinementCtx, valid: (entry: string) => boolean, expected: string): string[] {
  const all = raw.split(',').map((entry) => entry.trim());
  const bad = all.find((entry) => !valid(entry));
  if (bad !== undefined) context.addIssue({ code: 'custom', message: `contains ${JSON.stringify(bad)}: ${expected}` });
  return all;
}

const trustProxy = () =>
  z.string().transform((raw, context): string[] | number | false => {
    if (raw === 'false' || raw === 'none') return false;
    if (!/^\d+$/.test(raw))
      return entries(raw, context, (entry) => PROXY_NAMES.includes(entry) || isAddressOrSubnet(entry), PROXY_EXPECTED);
    const hops = integer(0, 10).safeParse(raw);
    if (!hops.success) context.addIssue({ code: 'custom', message: hops.error.issues[0].message });
    return hops.data ?? 0;
  });

const embedded = (values: Values) => values.DATABASE_URL === undefined;

/** The variables, in the shape of Config. Adding one is adding one entry here (and `npm run config:doc`). */
const variables = {
  databaseUrl: variable('DATABASE_URL', trimmed(postgresUrl().optional()), {
    default: 'unset',
    description:
      '`postgres://user:password@host:5432/database` of the runtime login, `sro_runtime` ([deployment.md](deployment.md)). Unset: the embedded database.',
    secret: true,
  }),
  migrationDatabaseUrl: derived(
    'MIGRATION_DATABASE_URL',
    trimmed(postgresUrl().optional()),
    (values) => values.DATABASE_URL as string | undefined,
    {
      default: '`DATABASE_URL`',
      description: "The owner's URL: migrations, the demo program, `ADMIN_EMAIL`, `create-admin`. Only with `DATABASE_URL`.",
      secret: true,
    },
  ),
  dataDir: variable(
    'DATA_DIR',
    trimmed(
      z
        .string()
        .transform((folder) => path.resolve(folder))
        .prefault('./data'),
    ),
    {
      default: '`./data`',
      description: 'Folder of the embedded database.',
    },
  ),
  port: variable('PORT', trimmed(integer(0, 65535).default(4000)), { default: '`4000`', description: 'HTTP port (0 picks a free one).' }),
  host: variable('HOST', trimmed(z.string().default('127.0.0.1')), {
    default: '`127.0.0.1`',
    description: 'Interface to listen on (`0.0.0.0` for all).',
  }),
  nodeEnv: variable('NODE_ENV', trimmed(oneOf(['development', 'production', 'test']).default('development')), {
    default: '`development`',
    description:
      '`development`, `production` or `test`. Production turns introspection, schema suggestions in error messages and insecure cookies off.',
  }),
  logLevel: variable('LOG_LEVEL', trimmed(oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')), {
    default: '`info`',
    description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. JSON logs on standard output.',
  }),
  demoPassword: variable('DEMO_PASSWORD', exact(password().optional()), {
    default: 'generated',
    description: 'Password of the demo accounts (12 characters or more).',
    secret: true,
  }),
  programYearStartMonth: variable('PROGRAM_YEAR_START_MONTH', trimmed(integer(1, 12).default(7)), {
    default: '`7`',
    description: 'Month (1-12) on whose 1st the program year starts; quarters follow from it.',
  }),
  mouRenewalDays: variable('MOU_RENEWAL_DAYS', trimmed(integer(1, 3_650).default(120)), {
    default: '`120`',
    description: 'An agreement IN_FORCE that expires within this many days (1-3650) is listed as one to renew.',
  }),
  smallCells: {
    minOfficers: variable('SMALL_CELL_MIN_OFFICERS', trimmed(integer(1, 1_000).default(3)), {
      default: '`3`',
      description:
        'A chief\'s report figure about other agencies resting on fewer different officers is withheld (1-1000; see [security.md](security.md), "Small cells").',
    }),
    minActivities: variable('SMALL_CELL_MIN_ACTIVITIES', trimmed(integer(1, 100_000).default(10)), {
      default: '`10`',
      description: 'Likewise for fewer activities (1-100000).',
    }),
  },
  tips: {
    lifeSafetyMinutes: variable('TIP_LIFE_SAFETY_MINUTES', trimmed(integer(1, 1_440).default(30)), {
      default: '`30`',
      description: 'Minutes within which a life-safety tip needs its first follow-up step (1-1440).',
    }),
    firstActionHours: variable('TIP_FIRST_ACTION_HOURS', trimmed(integer(1, 720).default(24)), {
      default: '`24`',
      description: 'Hours within which any other tip needs its first follow-up step (1-720).',
    }),
  },
  training: {
    dueSoonDays: variable('TRAINING_DUE_SOON_DAYS', trimmed(integer(0, 3650).default(60)), {
      default: '`60`',
      description: 'Days before a training requirement falls due within which the compliance report says DUE_SOON (0-3650).',
    }),
  },
  timeZone: variable(
    'TZ_PROGRAM',
    trimmed(
      z
        .string()
        .refine(isTimeZone, 'expected an IANA time zone such as America/Denver')
        .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    ),
    { default: "the server's zone", description: 'IANA time zone in which "today" and report dates are read, such as `America/Denver`.' },
  ),
  migrateOnStart: variable('MIGRATE_ON_START', trimmed(boolean().default(true)), {
    default: '`true`',
    description: 'Apply pending migrations at start.',
  }),
  seedDemo: derived('SEED_DEMO', trimmed(boolean().optional()), embedded, {
    default: '`true` embedded, `false` with `DATABASE_URL`',
    description: 'Load the demo program when the database is empty.',
  }),
  databasePoolSize: derived('DATABASE_POOL_SIZE', trimmed(integer(1, 100).optional()), (values) => (embedded(values) ? 1 : 10), {
    default: '`10` (`1` embedded)',
    description: 'Connections to a PostgreSQL server (1-100). The embedded one always uses one.',
  }),
  metricsToken: variable(
    'METRICS_TOKEN',
    trimmed(
      z
        .string()
        .regex(/^\S{16,}$/, 'expected at least 16 characters without spaces')
        .optional(),
    ),
    {
      default: 'unset',
      description:
        'When set (16 characters or more, no spaces), `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>` ([operations.md](operations.md)).',
      secret: true,
    },
  ),
  shutdownTimeoutSeconds: variable('SHUTDOWN_TIMEOUT_SECONDS', trimmed(integer(1, 3600).default(30)), {
    default: '`30`',
    description:
      'At SIGTERM or SIGINT, requests still running after this long (1-3600) have their connections cut ([security.md](security.md), "Faults").',
  }),
  adminEmail: variable('ADMIN_EMAIL', trimmed(email().optional()), {
    default: 'unset',
    description: 'Create this administrator at start if no account has the e-mail (with `ADMIN_PASSWORD`: both or neither).',
  }),
  adminPassword: variable('ADMIN_PASSWORD', exact(password().optional()), {
    default: 'unset',
    description: "The administrator's password (12 characters or more).",
    secret: true,
  }),
  sessionIdleMinutes: variable('SESSION_IDLE_MINUTES', trimmed(integer(1, 7 * 24 * 60).default(60)), {
    default: '`60`',
    description: 'A session ends after this long without a request.',
  }),
  sessionAbsoluteHours: variable('SESSION_ABSOLUTE_HOURS', trimmed(integer(1, 24 * 30).default(12)), {
    default: '`12`',
    description: 'A session ends this long after sign-in, whatever its use.',
  }),
  apiTokenDefaultDays: derived(
    'API_TOKEN_DEFAULT_DAYS',
    trimmed(integer(1, 3650).optional()),
    (values) => Math.min(365, values.API_TOKEN_MAX_DAYS as number),
    {
      default: '`365`',
      description: 'Lifetime of a new API token when its creator asks for none (at most `API_TOKEN_MAX_DAYS`).',
    },
  ),
  apiTokenMaxDays: variable('API_TOKEN_MAX_DAYS', trimmed(integer(1, 3650).default(365)), {
    default: '`365`',
    description: 'Longest lifetime `createApiToken(lifetimeDays:)` accepts (1-3650).',
  }),
  safetyAudits: {
    cycleMonths: variable('AUDIT_CYCLE_MONTHS', trimmed(integer(1, 120).default(12)), {
      default: '`12`',
      description: 'A school is due for a facility safety audit this many months after its last submitted one (1-120).',
    }),
    dueDays: {
      CRITICAL: variable('ACTION_DUE_DAYS_CRITICAL', trimmed(integer(1, 3650).default(7)), {
        default: '`7`',
        description: 'Days to close a corrective action of a CRITICAL finding, counted from the audit, unless given (1-3650).',
      }),
      HIGH: variable('ACTION_DUE_DAYS_HIGH', trimmed(integer(1, 3650).default(30)), { default: '`30`', description: 'Likewise for HIGH.' }),
      MEDIUM: variable('ACTION_DUE_DAYS_MEDIUM', trimmed(integer(1, 3650).default(90)), {
        default: '`90`',
        description: 'Likewise for MEDIUM.',
      }),
      LOW: variable('ACTION_DUE_DAYS_LOW', trimmed(integer(1, 3650).default(180)), { default: '`180`', description: 'Likewise for LOW.' }),
    },
  },
  trustProxy: variable('TRUST_PROXY', trimmed(trustProxy().default(['loopback'])), {
    default: '`loopback`',
    description:
      'Proxies whose `X-Forwarded-For` names the client (throttling keys on it): `none`, a hop count, or addresses, subnets, `loopback`...',
  }),
  graphqlIntrospection: derived('GRAPHQL_INTROSPECTION', trimmed(boolean().optional()), (values) => values.NODE_ENV !== 'production', {
    default: '`true`, `false` in production',
    description: 'Allow schema introspection.',
  }),
  corsOrigins: variable(
    'CORS_ORIGINS',
    trimmed(
      z
        .string()
        .transform((raw, context) =>
          entries(raw, context, (origin) => /^https?:\/\/[^/\s]+$/.test(origin), 'expected origins such as https://console.example.org'),
        )
        .default([]),
    ),
    {
      default: 'none',
      description: 'Comma-separated origins allowed to call the API from a browser (the console itself is same-origin).',
    },
  ),
  requestBodyLimitKb: variable('REQUEST_BODY_LIMIT_KB', trimmed(integer(1, 10_240).default(100)), {
    default: '`100`',
    description: 'Largest request body (1-10240 kB); a larger one gets 413 `PAYLOAD_TOO_LARGE`.',
  }),
  requestTimeoutMs: variable('REQUEST_TIMEOUT_MS', trimmed(integer(1_000, 600_000).default(30_000)), {
    default: '`30000`',
    description:
      "A request must arrive within this time (else 408), and each GraphQL operation's SQL must finish within it (else `TIMEOUT`). 1000-600000.",
  }),
  readPath: variable('READ_PATH', trimmed(oneOf(['fast', 'orm']).default('fast')), {
    default: '`fast`',
    description:
      '`fast` or `orm`: how records are read to be presented. `orm` reads through plain MikroORM and graphql-js, with the same answers (docs/read-path.md).',
  }),
  graphqlLimits: {
    maxDepth: variable('GRAPHQL_MAX_DEPTH', trimmed(integer(2, 100).default(12)), {
      default: '`12`',
      description: 'Deepest nesting of fields in an operation (2-100; fields under `__schema` not counted).',
    }),
    maxAliases: variable('GRAPHQL_MAX_ALIASES', trimmed(integer(0, 1_000).default(30)), {
      default: '`30`',
      description: 'Most aliased fields in an operation, counted through fragments (0-1000).',
    }),
    maxDirectives: variable('GRAPHQL_MAX_DIRECTIVES', trimmed(integer(0, 1_000).default(20)), {
      default: '`20`',
      description: 'Most directives in an operation, counted through fragments (0-1000).',
    }),
    maxTokens: variable('GRAPHQL_MAX_TOKENS', trimmed(integer(200, 100_000).default(2_000)), {
      default: '`2000`',
      description: 'Most tokens (names, punctuation, values) in a query text (200-100000).',
    }),
    maxQueryLength: variable('GRAPHQL_MAX_QUERY_LENGTH', trimmed(integer(1_000, 1_000_000).default(20_000)), {
      default: '`20000`',
      description: 'Most characters in a query text, comments included (1000-1000000).',
    }),
    maxCost: variable('GRAPHQL_MAX_COST', trimmed(integer(100, 10_000_000).default(200_000)), {
      default: '`200000`',
      description: 'Largest estimated answer of an operation, in fields (100-10000000; see [security.md](security.md), "Query limits").',
    }),
  },
};

/** Rules between variables, each checked when the variables it reads are valid on their own. */
const rules: { reads: string[]; check: (values: Values) => string | undefined }[] = [
  {
    reads: ['DATABASE_URL', 'MIGRATION_DATABASE_URL'],
    check: (values) =>
      values.MIGRATION_DATABASE_URL !== undefined && values.DATABASE_URL === undefined
        ? 'MIGRATION_DATABASE_URL is invalid without DATABASE_URL: the embedded database migrates as its own owner'
        : undefined,
  },
  {
    reads: ['ADMIN_EMAIL', 'ADMIN_PASSWORD'],
    check: (values) =>
      (values.ADMIN_EMAIL === undefined) !== (values.ADMIN_PASSWORD === undefined)
        ? 'ADMIN_EMAIL and ADMIN_PASSWORD are invalid: set both or neither'
        : undefined,
  },
  {
    reads: ['API_TOKEN_DEFAULT_DAYS', 'API_TOKEN_MAX_DAYS'],
    check: (values) =>
      typeof values.API_TOKEN_DEFAULT_DAYS === 'number' && values.API_TOKEN_DEFAULT_DAYS > (values.API_TOKEN_MAX_DAYS as number)
        ? `API_TOKEN_DEFAULT_DAYS=${values.API_TOKEN_DEFAULT_DAYS} is invalid: expected at most API_TOKEN_MAX_DAYS (${values.API_TOKEN_MAX_DAYS})`
        : undefined,
  },
];

type Tree = { [key: string]: Variable<unknown> | Tree };
type ConfigOf<T> = { [K in keyof T]: T[K] extends Variable<infer V> ? V : ConfigOf<T[K]> };

/** Every environment variable SRO Hub reads, validated once (the shape of `variables` above). */
export type Config = ConfigOf<typeof variables>;

const isVariable = (node: Variable<unknown> | Tree): node is Variable<unknown> => node.schema instanceof z.ZodType;

function flatten(tree: Tree): Variable<unknown>[] {
  return Object.values(tree).flatMap((node) => (isVariable(node) ? [node] : flatten(node)));
}

/** Every variable, in the order docs/configuration.md lists them. */
export const VARIABLES: readonly Variable<unknown>[] = flatten(variables);

/** Every bad variable, one line each, in the order of VARIABLES; `problems` lists them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function describe(variable: Variable<unknown>, raw: string | undefined, message: string): string {
  if (!message.startsWith('expected')) return `${variable.name} ${message}`;
  const shown = variable.secret || raw === undefined ? '' : `=${JSON.stringify(raw.trim())}`;
  return `${variable.name}${shown} is invalid: ${message}`;
}

function build(tree: Tree, values: Values): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, node]) => {
      if (!isVariable(node)) return [key, build(node, values)];
      const value = values[node.name];
      return [key, value === undefined && node.fallback ? node.fallback(values) : value];
    }),
  );
}

/** Reads and checks every variable; throws one ConfigError naming every bad one. */
export function loadConfig(env: Env = process.env): Config {
  const values: Values = {};
  const problems: string[] = [];
  const invalid = new Set<string>();
  for (const variable of VARIABLES) {
    const parsed = variable.schema.safeParse(env[variable.name]);
    if (parsed.success) {
      values[variable.name] = parsed.data;
    } else {
      invalid.add(variable.name);
      problems.push(describe(variable, env[variable.name], parsed.error.issues[0].message));
    }
  }
  for (const rule of rules) {
    const problem = rule.reads.some((name) => invalid.has(name)) ? undefined : rule.check(values);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return build(variables, values) as Config;
}
