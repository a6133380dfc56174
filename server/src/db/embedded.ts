import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock';

/** An embedded PostgreSQL (PGlite) persisted in a folder, served to the `pg` driver over a local socket. */
export interface EmbeddedDatabase {
  /** Connection URL for the `pg` driver; for a Unix socket, `host` names the socket's folder. */
  url: string;
  host: string;
  stop(): Promise<void>;
}

// Unix socket paths are limited to about 107 bytes; deeper data folders fall back to loopback TCP.
const MAX_SOCKET_PATH = 100;

// The contrib typings describe only the ES module; `require` loads its CommonJS twin, also inside jest.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btree_gist } = require('@electric-sql/pglite/contrib/btree_gist') as typeof import('@electric-sql/pglite/contrib/btree_gist', {
  with: { 'resolution-mode': 'import' },
});

export interface EmbeddedOptions {
  /** Serve on loopback TCP instead of a Unix socket in the data folder (the test harness shares it across processes). */
  tcp?: boolean;
  /** Connections the socket server accepts at once; statements still run one at a time. */
  maxConnections?: number;
}

/** The PostgreSQL data folder inside DATA_DIR. */
export const pgDataDir = (dataDir: string) => path.join(dataDir, 'pgdata');

/**
 * PGlite on a data folder, with the extensions the migrations need. Durability: PGlite writes each commit's WAL
 * to the operating system before it answers (so a killed process loses nothing it acknowledged, and the next
 * start replays the WAL), but it does not fsync: a power loss can lose the last commits. Use a PostgreSQL
 * server where that matters.
 */
export function openPGlite(pgDir: string, options: Omit<PGliteOptions, 'dataDir' | 'extensions'> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, dataDir: pgDir, extensions: { btree_gist } });
}

export async function startEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  // Refuses, naming the holder, when another server (or a backup or restore) has this DATA_DIR open.
  const lock = lockDataDir(dataDir);
  try {
    return await serve(dataDir, options, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function serve(dataDir: string, options: EmbeddedOptions, release: () => void): Promise<EmbeddedDatabase> {
  const pgDir = pgDataDir(dataDir);
  fs.mkdirSync(pgDir, { recursive: true });
  const db = await openPGlite(pgDir);
  const socketPath = path.join(dataDir, '.s.PGSQL.5432');
  const useSocket = !options.tcp && socketPath.length <= MAX_SOCKET_PATH;
  if (useSocket) fs.rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db,
    maxConnections: options.maxConnections ?? 4,
    ...(useSocket ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  const url = useSocket ? 'postgres://postgres@localhost:5432/postgres' : `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    host: useSocket ? dataDir : '127.0.0.1',
    async stop() {
      await server.stop();
      await db.close();
      if (useSocket) fs.rmSync(socketPath, { force: true });
      release();
    },
  };
}
