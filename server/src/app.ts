import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response } from 'express';
import type { Config } from './config';
import { RequestContext, type SessionCookie } from './common/context';
import { today } from './common/dates';
import type { Database } from './db/database';
import { buildApiSchema } from './graphql/schema';
import { formatError } from './graphql/errors';
import { transactionPlugin } from './graphql/transaction.plugin';
import type { Logger } from './logger';
import { authenticate, type SessionSettings } from './modules/auth/auth.service';

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

/** The HTTP application: /graphql, the console at /, /healthz and /readyz. */
export async function createApp(config: Config, database: Database, log: Logger): Promise<App> {
  const settings: SessionSettings = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
  const schema = await buildApiSchema({ session: settings, reports: { programYearStartMonth: config.programYearStartMonth }, log });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.graphqlIntrospection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    formatError: formatError(log),
    plugins: [ApolloServerPluginLandingPageDisabled(), transactionPlugin],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((request, response, next) => {
    const incoming = request.header('x-request-id');
    const requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('X-Request-Id', requestId);
    next();
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      const em = database.orm.em.fork();
      await em.execute('select 1');
      const pending = await database.orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        response.status(503).json({ status: 'migrations pending', pending: pending.map((migration) => migration.name) });
        return;
      }
      response.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const em = database.orm.em.fork();
        const token = requestToken(req);
        const actor = token ? await authenticate(em, token, settings) : null;
        const clientAddress = req.ip ?? 'unknown';
        return new RequestContext(
          em,
          actor,
          res.locals.requestId as string,
          today(config.timeZone),
          clientAddress,
          sessionCookie(req, res, token, config.nodeEnv === 'production'),
        );
      },
    }),
  );

  if (fs.existsSync(path.join(consoleDir, 'index.html'))) {
    app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|export|healthz|readyz|metrics).*/, (_request, response) => {
      response.sendFile(path.join(consoleDir, 'index.html'));
    });
  }

  return {
    express: app,
    stop: () => apollo.stop(),
  };
}
