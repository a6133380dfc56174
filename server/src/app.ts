import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response } from 'express';
import type { Config } from './config';
import { RequestContext, type SessionCookie } from './common/context';
import { RequestPipeline } from './common/request-pipeline';
import { mouDocumentRouter } from './modules/agreement/mou-document';
import { today } from './common/dates';
import type { Database } from './db/database';
import { checkReadPath, compiledQueries, selectionPlugin, useReadPath } from './db/read-path';
import { buildApiSchema } from './graphql/schema';
import { errorRequestPlugin, formatError } from './graphql/errors';
import { presentQueryLimitError, queryShapeRules } from './graphql/armor';
import { queryCostPlugin } from './graphql/limits';
import { operationPlugin } from './graphql/operation.plugin';
import { checkVariableText, inputTextPlugin } from './graphql/input-text.plugin';
import { hideSuggestionsPlugin } from './graphql/suggestions.plugin';
import { transactionPlugin } from './graphql/transaction.plugin';
import { corsAllowList, httpErrorHandler, querySizeGuard, requireUtf8, securityHeaders } from './http/security';
import { consoleFiles } from './http/static';
import type { Logger } from './logger';
import { healthRouter } from './monitoring/health';
import { Metrics, metricsHandler } from './monitoring/metrics';
import { requestLog, requestSummary } from './monitoring/request-log';
import { startRequest, type SessionSettings } from './modules/auth/auth.service';
import { exportRouter } from './modules/report/report.export';

export const SESSION_COOKIE = 'sro_session';
const consoleDir = path.resolve(__dirname, __filename.endsWith('.ts') ? '../../dist/admin' : '../../admin');

export interface App {
  express: express.Express;
  stop(): Promise<void>;
}

function requestToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
}

function sessionCookie(request: Request, response: Response, token: string | undefined, secure: boolean): SessionCookie {
  const options = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  return {
    token,
    set: (value, expiresAt) => response.append('Set-Cookie', serializeCookie(SESSION_COOKIE, value, { ...options, expires: expiresAt })),
    clear: () => response.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { ...options, expires: new Date(0) })),
  };
}

/** The HTTP application: /graphql, the console at /, /healthz, /readyz and /metrics. */
export async function createApp(config: Config, database: Database, log: Logger): Promise<App> {
  const settings: SessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const reports = { programYearStartMonth: config.programYearStartMonth, smallCells: config.smallCells };
  useReadPath(config.readPath);
  const schema = await buildApiSchema({
    session: settings,
    reports,
    training: { ...config.training, programYearStartMonth: config.programYearStartMonth },
    apiTokens: { defaultDays: config.apiTokenDefaultDays, maxDays: config.apiTokenMaxDays },
    safetyAudits: { ...config.safetyAudits, programYearStartMonth: config.programYearStartMonth },
    tips: { ...config.tips, timeZone: config.timeZone },
    agreements: { renewalDays: config.mouRenewalDays },
  });
  // A field the fast read path would answer wrong stops the start, named (db/read-path/check.ts).
  checkReadPath(database.orm.em.fork());
  const metrics = new Metrics(database.orm);
  // Every request, /graphql or /export: authenticate -> validate -> transaction under row security -> run -> present.
  const pipeline = new RequestPipeline({
    start: (em, token) => startRequest(em, token, settings, config.requestTimeoutMs),
    statementTimeoutMs: config.requestTimeoutMs,
    log,
  });
  const presentError = formatError(log, metrics.countError);
  const apollo = new ApolloServer<RequestContext>({
    // Queries run compiled (graphql-jit, READ_PATH=fast), each compiled once per distinct query; resolvers' errors become
    // client errors there, with the request id.
    gateway: compiledQueries<RequestContext>(
      schema,
      (error, context) => pipeline.clientError(error, context.requestId),
      config.readPath === 'fast',
    ),
    introspection: config.graphqlIntrospection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
    // Depth, aliases and directives (graphql-armor), checked once per new document; the text's size is checked before (querySizeGuard).
    validationRules: queryShapeRules(config.graphqlLimits),
    formatError: (formatted, error) => presentError(presentQueryLimitError(formatted, error), error),
    // main.ts owns shutdown (requests in flight first, then Apollo, then the database); Apollo's own SIGTERM handler would race it.
    stopOnTerminationSignals: false,
    // No cache hints are ever set: Apollo's default cache-control plugin would only add a hook to every field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      errorRequestPlugin,
      operationPlugin,
      selectionPlugin,
      transactionPlugin(pipeline, presentError),
    ],
  });
  // The cost limit, text no column can hold, the database time limit (docs/security.md, "Query limits"); no schema hints in production.
  apollo.addPlugin(queryCostPlugin(config.graphqlLimits.maxCost));
  apollo.addPlugin(inputTextPlugin);
  if (config.nodeEnv === 'production') apollo.addPlugin(hideSuggestionsPlugin);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag computed over every answer (a SHA-1 of the body): GraphQL answers are POSTed and never revalidated,
  // exports stream, and the console's files carry serve-static's own.
  app.disable('etag');
  // Which proxies' X-Forwarded-For is believed (TRUST_PROXY): the client address keys sign-in throttling.
  app.set('trust proxy', config.trustProxy);
  app.use((request, response, next) => {
    const incoming = request.header('x-request-id');
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('X-Request-Id', requestId);
    next();
  });
  app.use(requestLog(log, metrics));
  app.use(securityHeaders());
  app.use(['/graphql', '/export', '/files'], corsAllowList(config.corsOrigins));

  app.use(healthRouter(database, log));
  app.get('/metrics', metricsHandler(metrics, config.metricsToken));

  const newContext = (req: Request, res: Response) =>
    new RequestContext(
      database.orm.em.fork(),
      null,
      res.locals.requestId as string,
      today(config.timeZone),
      req.ip ?? 'unknown',
      sessionCookie(req, res, requestToken(req), config.nodeEnv === 'production'),
      requestSummary(res),
    );
  // Who is asking is learnt in the first statement of the request's first transaction (the pipeline), on both routes.
  const graphqlContext = async (req: Request, res: Response) => newContext(req, res);

  app.use(
    '/graphql',
    express.json({ limit: `${config.requestBodyLimitKb}kb`, verify: requireUtf8 }),
    querySizeGuard(config.graphqlLimits),
    expressMiddleware(apollo, { context: ({ req, res }) => graphqlContext(req, res) }),
  );
  app.use(
    '/export',
    exportRouter({
      context: newContext,
      pipeline,
      settings: reports,
      safetyAudits: { ...config.safetyAudits, programYearStartMonth: config.programYearStartMonth },
      schema,
      checkVariables: checkVariableText,
    }),
  );

  app.use('/files', mouDocumentRouter({ context: newContext, pipeline }));

  if (fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use(consoleFiles(consoleDir));
  }
  app.use(httpErrorHandler(log, { bodyLimitKb: config.requestBodyLimitKb }));

  return {
    express: app,
    stop: () => apollo.stop(),
  };
}
