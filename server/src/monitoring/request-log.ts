import type { Request, RequestHandler, Response } from 'express';
import type { RequestSummary } from '../common/context';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';

// Probes and scrapes arrive every few seconds: logged at debug, so that the info log stays about users.
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);
const API_ROUTES = new Set(['/graphql', ...QUIET_ROUTES]);
const EXPORT_ROUTE = /^\/export\/[a-z]+\.csv$/;

/** The summary the request log fills in for this request (see RequestSummary); the app's context adds to it. */
export function requestSummary(response: Response): RequestSummary {
  return (response.locals.summary ??= {}) as RequestSummary;
}

/**
 * A bounded route label: the API's own paths as they are, the console's pages and files as `console`, anything
 * else as `other` (a label per unknown URL would let any client grow the metrics without end).
 */
function routeOf(request: Request, status: number): string {
  const path = request.originalUrl.split('?')[0];
  if (API_ROUTES.has(path)) return path;
  if (EXPORT_ROUTE.test(path) && status !== 404) return path;
  if (request.method === 'GET' && status < 400) return 'console';
  return 'other';
}

function operationOf(route: string, summary: RequestSummary): string {
  if (route !== '/graphql') return '';
  if (summary.operationName) return summary.operationName;
  return summary.operationType ? 'anonymous' : 'invalid';
}

/**
 * One JSON log line and one metrics observation per request, when its answer is sent (or the client goes away).
 * The line holds the request id, the user, the GraphQL operation, the status and the duration, and never a
 * header, a query string or a body: that is where passwords and tokens travel.
 */
export function requestLog(log: Logger, metrics: Metrics): RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    const summary = requestSummary(response);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A client that hung up before the answer was complete: 499, as nginx says.
      const status = response.writableFinished ? response.statusCode : 499;
      const route = routeOf(request, status);
      const operation = operationOf(route, summary);
      metrics.observe({ method: request.method, route, operation, status, seconds });
      const line = {
        requestId: response.locals.requestId as string,
        userId: summary.userId ?? null,
        operation: operation || undefined,
        operationType: summary.operationType,
        method: request.method,
        route,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
      };
      if (status >= 500) log.warn(line, 'request');
      else if (QUIET_ROUTES.has(route)) log.debug(line, 'request');
      else log.info(line, 'request');
    };
    response.once('finish', finish);
    response.once('close', finish);
    next();
  };
}
