import express from 'express';
import type { Database } from '../db/database';
import type { Logger } from '../logger';

// A database that does not answer at all (a lost network rather than a refused connection) must not hang the probe.
const READINESS_TIMEOUT_MS = 5_000;

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * GET /healthz: the process is up (liveness; never touches the database, so a database outage does not get the
 * process restarted). GET /readyz: the database answers and every migration is applied (readiness).
 */
export function healthRouter(database: Database, log: Logger): express.Router {
  const router = express.Router();
  router.get('/healthz', (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    try {
      const pending = await withTimeout(
        (async () => {
          await database.orm.em.fork().execute('select 1');
          return database.orm.getMigrator().getPendingMigrations();
        })(),
        READINESS_TIMEOUT_MS,
      );
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
  return router;
}
