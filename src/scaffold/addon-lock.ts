/**
 * @fileoverview An advisory lock per addon, so that two runs on one addon take turns instead of
 * each writing what it planned from the files before the other's changes. The lock is a file
 * created exclusively in the addon, holding the pid of its run; a lock whose process is gone
 * (killed) is taken over. A run waits for a live lock a while, then refuses.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { RefusedError } from '../errors.js';
import { LOCK_FILE, isProcessAlive } from './leftovers.js';

/** How long a run waits for another run's lock (ODOO_CONNECTOR_LOCK_TIMEOUT, in seconds). */
export function lockTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.ODOO_CONNECTOR_LOCK_TIMEOUT);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
}

function lockPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A lock left by a process that no longer runs (or by an earlier process with this pid). */
export function isStaleLock(path: string): boolean {
  const pid = lockPid(path);
  if (pid === undefined) return olderThan(path, 2000); // being written, or garbage left long ago
  return pid === process.pid || !isProcessAlive(pid);
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    const { code } = error as NodeJS.ErrnoException;
    throw new RefusedError(`Cannot create the lock file ${path} (${code ?? 'error'}): is the addon folder writable? Nothing was written.`);
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Moves a stale lock aside (atomically, so two runs cannot both take it over) and removes it. */
function removeStale(path: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // another run took it over first
  }
  if (!isStaleLock(aside)) {
    // a live run created a fresh lock between our check and the rename: give it back
    try {
      renameSync(aside, path);
    } catch {
      // nothing more can be done; that run's own checks before renaming still hold
    }
    return;
  }
  rmSync(aside, { force: true });
}

export interface AddonLock {
  path: string;
  release(): void;
}

/** Takes the addon's lock, waiting for a live holder up to the timeout. */
export function lockAddon(dir: string, timeoutMs: number = lockTimeoutMs()): AddonLock {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(path)) break;
    if (isStaleLock(path)) {
      removeStale(path);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RefusedError(
        `${path}: another odoo-connector run (pid ${lockPid(path) ?? '?'}) is changing this addon. Nothing was written; ` +
          'run again once it has finished (delete the lock file only if no such process runs).',
      );
    }
    sleep(50);
  }
  return {
    path,
    release: () => {
      if (lockPid(path) === process.pid) rmSync(path, { force: true });
    },
  };
}

/** Runs `work` holding the addon's lock. */
export async function withAddonLock<T>(dir: string, work: () => Promise<T> | T): Promise<T> {
  const lock = lockAddon(dir);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
