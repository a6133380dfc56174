import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout, clearTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './setup.mjs';

const PRELOAD = path.join(ROOT, 'scripts/bench/count-statements.cjs');

/**
 * A server under test: a child process started with the statement counter preloaded, an IPC channel to ask it
 * for counts and recordings, and its resident memory read from /proc.
 */
export class ServerProcess {
  static async start({ name, script, args = [], node = process.execPath, nodeFlags = [], env = {}, port, logFile }) {
    // Something else answering on the port would be measured in this server's place.
    const taken = await globalThis.fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' }).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`port ${port} is already in use: stop whatever listens there and run the bench again`);
    const log = fs.openSync(logFile, 'w');
    const child = fork(script, args, {
      cwd: ROOT,
      execPath: node,
      execArgv: [...nodeFlags, '-r', PRELOAD],
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', log, log, 'ipc'],
    });
    const server = new ServerProcess(name, child, `http://127.0.0.1:${port}`, logFile);
    await server.waitUntilListening(port);
    return server;
  }

  constructor(name, child, url, logFile) {
    this.name = name;
    this.child = child;
    this.url = url;
    this.logFile = logFile;
    this.exited = once(child, 'exit');
  }

  async waitUntilListening(port) {
    for (let attempt = 0; attempt < 300; attempt++) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited while starting: see ${this.logFile}`);
      try {
        await globalThis.fetch(`http://127.0.0.1:${port}/`, { method: 'HEAD' });
        return;
      } catch {
        await sleep(100);
      }
    }
    throw new Error(`${this.name} did not start listening: see ${this.logFile}`);
  }

  ask(message, key) {
    return new Promise((resolve) => {
      const listener = (reply) => {
        if (key in reply) {
          this.child.off('message', listener);
          resolve(reply[key]);
        }
      };
      this.child.on('message', listener);
      this.child.send(message);
    });
  }

  /** Statements sent to PostgreSQL since the process started. */
  statements() {
    return this.ask({ type: 'count' }, 'count');
  }

  /** The server's own view of its memory (heap used and total, external buffers, RSS), in bytes. */
  memory({ gc = false } = {}) {
    return this.ask({ type: 'memory', gc }, 'memory');
  }

  /** Starts recording statements (text and values); `stopRecording` returns them. */
  async startRecording() {
    await this.ask({ type: 'record', on: true }, 'recorded');
  }

  stopRecording() {
    return this.ask({ type: 'record', on: false }, 'recorded');
  }

  /** Resident set size in MB, from /proc (what the kernel actually holds for the process). */
  rssMb() {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    } catch {
      return 0;
    }
  }

  async stop() {
    if (this.child.exitCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
