/**
 * @fileoverview What a killed run leaves behind: temporary files named
 * `<file>.odoo-connector-<pid>-<time>-<n>.tmp` and the addon's lock file. Both carry the pid of
 * their process; once that process is gone they are leftovers, removed by the next run that
 * writes to their folder, and they do not make a folder count as "existing" for init.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Infix of temporary files; the full name is `<file><TEMP_INFIX><pid>-<time>-<n>.tmp`. */
export const TEMP_INFIX = '.odoo-connector-';
const TEMP_NAME = /\.odoo-connector-(\d+)-\d+(?:-\d+)?\.tmp$/;
export const LOCK_FILE = '.odoo-connector.lock';

let sequence = 0;

/** A fresh temporary sibling name for `path`, unique within this process. */
export function tempPathFor(path: string): string {
  return `${path}${TEMP_INFIX}${process.pid}-${Date.now()}-${sequence++}.tmp`;
}

/** Whether a process with this pid runs (EPERM: it runs as another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a temporary file's name, when the name is one. */
export function tempFilePid(name: string): number | undefined {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Temporary files of processes that no longer run. This process's own are included: a commit
 * removes its temporary files before returning, so any found before one starts are leftovers.
 */
export function isStaleTemp(name: string): boolean {
  const pid = tempFilePid(name);
  return pid !== undefined && (pid === process.pid || !isProcessAlive(pid));
}

/** Removes the stale temporary files directly in `dir` (best effort). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!isStaleTemp(name)) continue;
    try {
      if (lstatSync(join(dir, name)).isFile()) rmSync(join(dir, name));
    } catch {
      // another run removed it first
    }
  }
}

/**
 * Whether `dir` holds nothing but folders and leftovers of killed runs (stale temporary files, a
 * lock file whose process is gone): what a run killed while creating an addon leaves.
 */
export function holdsOnlyLeftovers(dir: string, isStaleLock: (path: string) => boolean): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!holdsOnlyLeftovers(path, isStaleLock)) return false;
    } else if (entry.isFile() && isStaleTemp(entry.name)) {
      continue;
    } else if (entry.isFile() && entry.name === LOCK_FILE && isStaleLock(path)) {
      continue;
    } else {
      return false;
    }
  }
  return true;
}

/** Removes, below `dir`, what holdsOnlyLeftovers accepts as leftovers (folders are kept). */
export function removeLeftovers(dir: string, isStaleLock: (path: string) => boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removeLeftovers(path, isStaleLock);
    else if (entry.isFile() && (isStaleTemp(entry.name) || (entry.name === LOCK_FILE && isStaleLock(path)))) rmSync(path, { force: true });
  }
}
