import { isUtf8 } from 'node:buffer';
import http from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { ErrorCode } from '../common/errors';
import { checkQuerySize, type QueryLimits } from '../graphql/armor';
import type { Logger } from '../logger';

/**
 * An error answer in the GraphQL shape (`{ errors: [{ message, extensions: { code } }] }`), for what the HTTP
 * layer refuses before Apollo sees the request, in the media type the client asked for.
 */
export function sendError(
  request: Request,
  response: Response,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  const graphqlResponse =
    request.accepts(['application/json', 'application/graphql-response+json']) === 'application/graphql-response+json';
  response
    .status(status)
    .type(graphqlResponse ? 'application/graphql-response+json; charset=utf-8' : 'application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...details, code } }] }));
}

/**
 * Security headers on every answer. The console is built into same-origin files (GraphiQL and its editor's
 * workers included, nothing from a CDN), so scripts, workers and API calls come from 'self' only. Checked in
 * Chromium on every page of the console: styles need 'unsafe-inline' (MUI's emotion writes <style> elements at
 * run time, and index.html has its boot style), fonts need data: (the editor's icon font and MUI's are inlined),
 * images need data: (the favicon).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}

const ALLOWED_METHODS = 'GET, POST';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Apollo-Require-Preflight, X-Apollo-Operation-Name, X-Request-Id';

/**
 * CORS for the origins in CORS_ORIGINS, and for nobody else: another origin gets no CORS header at all, so its
 * browser refuses to read the answer. Credentials are not allowed: a browser client on another origin sends
 * an API token (`Authorization: Bearer`), and the console's session cookie is SameSite=Strict anyway.
 */
export function corsAllowList(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (request, response, next) => {
    const origin = request.headers.origin;
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    response.vary('Origin');
    if (origin !== undefined && allowed.has(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
      if (preflight) {
        response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        response.setHeader('Access-Control-Max-Age', '600');
      }
    }
    if (preflight) {
      response.status(204).end();
      return;
    }
    next();
  };
}

/** Refuses a query text over GRAPHQL_MAX_QUERY_LENGTH characters or GRAPHQL_MAX_TOKENS tokens before it is parsed. */
export function querySizeGuard(limits: QueryLimits): RequestHandler {
  return (request, response, next) => {
    const query = request.method === 'GET' ? request.query.query : (request.body as { query?: unknown } | undefined)?.query;
    const refused = typeof query === 'string' ? checkQuerySize(query, limits) : undefined;
    if (!refused) {
      next();
      return;
    }
    const { code, ...details } = refused.extensions as { code: ErrorCode; http?: unknown };
    delete details.http;
    sendError(request, response, 400, code, refused.message, details);
  };
}

/**
 * The JSON parser's `verify`: a JSON body is UTF-8 (RFC 8259). Another declared charset (the parser itself takes any
 * `utf-*`), or bytes that are not UTF-8 (which it would read as U+FFFD), get 415 rather than a guess.
 */
export function requireUtf8(_request: http.IncomingMessage, _response: http.ServerResponse, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && isUtf8(body)) return;
  throw Object.assign(new Error('The request body is not UTF-8'), { status: 415, type: 'charset.unsupported' });
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  message?: string;
}

/**
 * The last error handler: a body the JSON parser refused (too large, not JSON, an unknown charset) gets a JSON
 * answer with a code and the right status, and anything else a masked 500. Never HTML, never a stack trace.
 */
export function httpErrorHandler(log: Logger, { bodyLimitKb }: { bodyLimitKb: number }): ErrorRequestHandler {
  return (error: BodyParserError, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const requestId = response.locals.requestId as string | undefined;
    switch (error.type) {
      case 'entity.too.large':
        sendError(request, response, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than the limit of ${bodyLimitKb} kB.`, {
          limit: bodyLimitKb * 1024,
        });
        return;
      case 'entity.parse.failed':
        sendError(request, response, 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        sendError(request, response, 415, ErrorCode.BAD_REQUEST, 'The request body must be JSON in UTF-8, without content encoding.');
        return;
    }
    if (error.expose && error.status && error.status >= 400 && error.status < 500) {
      sendError(request, response, error.status, ErrorCode.BAD_REQUEST, error.message ?? 'Bad request');
      return;
    }
    log.error({ err: error, requestId }, 'unexpected HTTP error');
    sendError(request, response, 500, ErrorCode.INTERNAL_SERVER_ERROR, `Internal server error (request ${requestId ?? 'unknown'})`);
  };
}

/**
 * The HTTP server, with Node's own limits on slow clients: the headers and the whole request must arrive within
 * REQUEST_TIMEOUT_MS (408 otherwise). Node checks the clock every `connectionsCheckingInterval`, a tenth of it.
 * How long the answer may take is bounded in the database (statement_timeout, graphql/limits.ts).
 */
export function createHttpServer(handler: http.RequestListener, { requestTimeoutMs }: { requestTimeoutMs: number }): http.Server {
  return http.createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(requestTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(requestTimeoutMs / 10))),
    },
    handler,
  );
}
