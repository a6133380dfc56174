import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { createApp } from './app';
import { createHttpServer } from './http/security';
import { migrate, openRuntimeDatabase, runtimeLoginProblem } from './db/database';
import { describeDemo, loadDemoProgram } from './db/seed/load-demo';
import { createLogger } from './logger';
import { ensureAdmin } from './modules/user/first-admin';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line for one bad variable; for several, one line each under a heading.
      console.error(
        error.problems.length === 1 ? `configuration error: ${error.message}` : `configuration errors:\n  ${error.problems.join('\n  ')}`,
      );
      process.exit(2);
    }
    throw error;
  }
}

/** Process entry: configuration -> database -> HTTP server -> graceful shutdown. */
async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config);
  // Migrations, the demo program and the first administrator are the owner's work; requests are the runtime's.
  const database = await openRuntimeDatabase(config, async (owner) => {
    if (config.migrateOnStart) {
      const applied = await migrate(owner);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    if (config.seedDemo) {
      const loaded = await loadDemoProgram(owner.em.fork(), config);
      // Printed, not logged: the person starting the demo needs the accounts once, and logs must never hold a password.
      if (loaded) console.log(describeDemo(loaded));
    }
    if (config.adminEmail && config.adminPassword) {
      const outcome = await ensureAdmin(owner.em.fork(), config.adminEmail, config.adminPassword);
      log.info({ email: config.adminEmail, outcome }, 'administrator from ADMIN_EMAIL');
    }
  });
  log.info({ embedded: database.embedded, dataDir: database.embedded ? config.dataDir : undefined }, 'database open');
  // The embedded database has no other login than its superuser (docs/deployment.md): nothing to tell there.
  const loginProblem = database.embedded ? null : await runtimeLoginProblem(database.orm);
  if (loginProblem) log.warn(loginProblem);
  const app = await createApp(config, database, log);
  const server = createHttpServer(app.express, config).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  log.info({ url: `http://${config.host}:${port}/` }, 'SRO Hub is listening');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // No new connections; `close` calls back once the requests in flight are answered and their connections end.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A keep-alive connection may still bring a request: answer it, and close the connection after the answer.
    server.on('request', (_request, response) => response.setHeader('Connection', 'close'));
    // A connection turns idle when its answer is sent: close it then, not at the end of its keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      log.warn({ seconds: config.shutdownTimeoutSeconds }, 'shutdown timeout: cutting requests still in flight');
      server.closeAllConnections();
    }, config.shutdownTimeoutSeconds * 1000);
    // Should a statement still hold the database (closing the pool waits for it), do not hang for ever.
    setTimeout(
      () => {
        log.error('shutdown did not finish: exiting anyway');
        process.exit(1);
      },
      (config.shutdownTimeoutSeconds + 10) * 1000,
    ).unref();
    await closed;
    clearInterval(sweep);
    clearTimeout(deadline);
    // Only now may the database go: the requests that were in flight have committed or rolled back.
    try {
      await app.stop();
      await database.close();
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('SRO Hub failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
