import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataDirInUseError, LOCK_FILE, dataDirHolder, lockDataDir } from '../../server/src/db/data-dir-lock';

/** One process at a time in an embedded DATA_DIR, and a lock left by a dead process does not block the next start. */
describe('the DATA_DIR lock', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sro-lock-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const leaveLock = (holder: Record<string, unknown>) =>
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ host: os.hostname(), since: '2026-01-01T00:00:00.000Z', ...holder }));
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  it('is taken, refused to a second taker while held, and free again once released', () => {
    const lock = lockDataDir(dataDir);
    expect(dataDirHolder(dataDir)).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrow(`is in use by process ${process.pid}`);
    lock.release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(dataDirHolder(dataDir)).toBeUndefined();
    lockDataDir(dataDir).release();
  });

  it('refuses while another running process holds it', () => {
    leaveLock({ pid: process.ppid });
    expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`in use by process ${process.ppid} .*delete .*${LOCK_FILE}`));
  });

  it('refuses a lock from another machine, which it cannot check', () => {
    leaveLock({ pid: deadPid(), host: 'another-machine' });
    expect(() => lockDataDir(dataDir)).toThrow(/on another-machine/);
  });

  it('takes over a lock left by a process that died (kill -9, power loss)', () => {
    leaveLock({ pid: deadPid() });
    expect(dataDirHolder(dataDir)).toBeUndefined();
    const lock = lockDataDir(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock with its own process id that it does not hold (a restarted container reuses ids)', () => {
    leaveLock({ pid: process.pid });
    lockDataDir(dataDir).release();
  });
});
