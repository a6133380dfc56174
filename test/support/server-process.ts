import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * The real server (`server/src/main.ts`) in a child process, run from the sources (test/support/register-ts.cjs),
 * for what only a process can show: kill -9, SIGTERM, restarts, and two processes on one DATA_DIR.
 */
export class ServerProcess {
  /** Standard output and error, line by line (JSON log lines and the odd plain one). */
  readonly lines: string[] = [];
  readonly exited: Promise<Exit>;
  url = '';
  private readonly waiters: { match: (line: string) => boolean; resolve: (line: string) => void }[] = [];

  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let partial = '';
    const read = (chunk: Buffer) => {
      partial += chunk.toString('utf8');
      const complete = partial.split('\n');
      partial = complete.pop()!;
      for (const line of complete) this.received(line);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  }

  /** Starts the server with `env` (PORT=0, so it picks a free port) and waits until it listens. */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.cjs', 'server/src/main.ts'], {
      cwd: root,
      // The production profile, as deployed: it also turns on Apollo's own signal handling, which shutdown must own.
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        SEED_DEMO: 'false',
        PORT: '0',
        ...(process.env.READ_PATH && { READ_PATH: process.env.READ_PATH }),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child);
    const listening = server.waitFor((line) => line.includes('"SRO Hub is listening"'));
    const outcome = await Promise.race([listening, server.exited]);
    if (typeof outcome !== 'string')
      throw new Error(`the server exited (${JSON.stringify(outcome)}) before listening:\n${server.lines.join('\n')}`);
    server.url = (JSON.parse(outcome) as { url: string }).url.replace(/\/$/, '');
    return server;
  }

  /** Resolves with the first line (already printed or to come) that matches. */
  waitFor(match: (line: string) => boolean): Promise<string> {
    const seen = this.lines.find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The JSON log lines, parsed. */
  logs(): Record<string, unknown>[] {
    return this.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Stops it if it still runs (a test that failed half-way). */
  async ensureStopped(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  async graphql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      ...((await response.json()) as { data?: T; errors?: { message: string; extensions: Record<string, any> }[] }),
    };
  }

  private received(line: string): void {
    this.lines.push(line);
    for (const waiter of [...this.waiters]) {
      if (waiter.match(line)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  }
}
