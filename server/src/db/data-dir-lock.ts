import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process at a time in an embedded DATA_DIR: two PGlite instances writing the same files would corrupt
 * them. The server, backup and restore each hold `DATA_DIR/sro-hub.lock` (the holder's process id and host) while
 * they use the folder. A lock left by a process that no longer runs (kill -9, power loss) is taken over.
 */
export const LOCK_FILE = 'sro-hub.lock';

export class DataDirInUseError extends Error {}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

// Folders this process holds: a second open from the same process is refused like any other.
const held = new Set<string>();

function readHolder(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function running(holder: Holder, key: string): boolean {
  // Another machine's process cannot be checked from here (a shared network folder): assume it runs.
  if (holder.host !== os.hostname()) return true;
  // Our own id but not our lock: a previous life of a process that restarts with the same id (in a container).
  if (holder.pid === process.pid) return held.has(key);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who holds the folder now, if anyone (for a clear refusal before doing anything). */
export function dataDirHolder(dataDir: string): Holder | undefined {
  const key = path.resolve(dataDir);
  const holder = readHolder(path.join(key, LOCK_FILE));
  return holder && running(holder, key) ? holder : undefined;
}

export interface DataDirLock {
  release(): void;
}

/** Takes the folder for this process, or throws DataDirInUseError naming the process that has it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const key = path.resolve(dataDir);
  const file = path.join(key, LOCK_FILE);
  fs.mkdirSync(key, { recursive: true });
  const mine: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(mine)}\n`, { flag: 'wx' });
      held.add(key);
      return {
        release() {
          if (!held.delete(key)) return;
          if (readHolder(file)?.pid === mine.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && running(holder, key)) {
      throw new DataDirInUseError(
        `DATA_DIR ${key} is in use by process ${holder.pid} on ${holder.host} since ${holder.since}: stop it first ` +
          `(if it is not running, delete ${file})`,
      );
    }
    // An empty lock written this very moment is another process between creating the file and filling it.
    if (!holder && Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < 5_000) break;
    // Left behind by a process that died without releasing it.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirInUseError(`DATA_DIR ${key} is being opened by another process at the same moment`);
}
