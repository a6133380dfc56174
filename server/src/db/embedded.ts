import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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

export async function startEmbedded(dataDir: string, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, 'pgdata');
  fs.mkdirSync(pgDir, { recursive: true });
  const db = await PGlite.create({ dataDir: pgDir, extensions: { btree_gist } });
  const socketPath = path.join(dataDir, '.s.PGSQL.5432');
  const useSocket = !options.tcp && socketPath.length <= MAX_SOCKET_PATH;
  if (useSocket) fs.rmSync(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db,
    maxConnections: options.maxConnections ?? 4,
    ...(useSocket ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
  });
  await server.start();
  const url = useSocket ? 'postgres://postgres@localhost:5432/postgres' : `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    host: useSocket ? dataDir : '127.0.0.1',
    async stop() {
      await server.stop();
      await db.close();
      if (useSocket) fs.rmSync(socketPath, { force: true });
    },
  };
}
