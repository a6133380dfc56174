import { createHash, timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The knex pool (tarn) behind the ORM: what the pool gauges read at each scrape. */
interface ConnectionPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max?: number;
}

// Process metrics (CPU, memory, event loop, GC) are about the process, not one app: collected once per process.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

// Clients name their operations freely: past this many distinct names, new ones are counted as "other".
const MAX_OPERATION_NAMES = 200;

export interface RequestObservation {
  method: string;
  route: string;
  /** GraphQL operation name, `anonymous`, or `invalid` when the request never reached execution; empty elsewhere. */
  operation: string;
  status: number;
  seconds: number;
}

/**
 * The Prometheus metrics of one app: HTTP requests and their latency by route and GraphQL operation, GraphQL
 * errors by code, the database pool, and the process's default metrics.
 */
export class Metrics {
  private readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly requests = new Counter({
    name: 'sro_http_requests_total',
    help: 'HTTP requests by method, route, GraphQL operation and status.',
    labelNames: ['method', 'route', 'operation', 'status'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'sro_http_request_duration_seconds',
    help: 'HTTP request latency in seconds by route and GraphQL operation, until the last byte of the answer.',
    labelNames: ['route', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly graphqlErrors = new Counter({
    name: 'sro_graphql_errors_total',
    help: 'Errors sent to GraphQL clients, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(orm: MikroORM) {
    const pool = () => orm.em.getConnection().getKnex().client.pool as ConnectionPool | undefined;
    new Gauge({
      name: 'sro_db_pool_connections',
      help: 'Database connections in the pool, by state: used (lent to a request) or free (idle).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'used' }, pool()?.numUsed() ?? 0);
        this.set({ state: 'free' }, pool()?.numFree() ?? 0);
      },
    });
    new Gauge({
      name: 'sro_db_pool_pending_acquires',
      help: 'Requests waiting for a database connection from the pool.',
      registers: [this.registry],
      collect() {
        this.set(pool()?.numPendingAcquires() ?? 0);
      },
    });
    new Gauge({
      name: 'sro_db_pool_pending_creates',
      help: 'Database connections being opened.',
      registers: [this.registry],
      collect() {
        this.set(pool()?.numPendingCreates() ?? 0);
      },
    });
    new Gauge({
      name: 'sro_db_pool_max',
      help: 'Most database connections the pool opens.',
      registers: [this.registry],
      collect() {
        this.set(pool()?.max ?? 0);
      },
    });
  }

  /** Counts one finished HTTP request. */
  observe({ method, route, operation, status, seconds }: RequestObservation): void {
    const name = this.boundedOperation(operation);
    this.requests.inc({ method, route, operation: name, status: String(status) });
    this.duration.observe({ route, operation: name }, seconds);
  }

  /** Counts one error a GraphQL client receives. */
  countError = (code: string): void => {
    this.graphqlErrors.inc({ code });
  };

  /** The text exposition format, for GET /metrics. */
  async render(): Promise<{ contentType: string; body: string }> {
    const [process, app] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return { contentType: this.registry.contentType, body: `${process}\n${app}` };
  }

  private boundedOperation(operation: string): string {
    if (!operation || this.operationNames.has(operation)) return operation;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(operation);
    return operation;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** GET /metrics; with a token configured, only for `Authorization: Bearer <token>` (compared in constant time). */
export function metricsHandler(metrics: Metrics, token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : undefined;
  return async (request, response) => {
    if (expected) {
      const header = request.headers.authorization ?? '';
      const offered = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
      if (!timingSafeEqual(digest(offered), expected)) {
        response.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        response.status(401).type('text/plain').send('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
        return;
      }
    }
    const { contentType, body } = await metrics.render();
    response.setHeader('Cache-Control', 'no-store');
    response.type(contentType).send(body);
  };
}
