/**
 * @fileoverview An in-memory plan of file changes, checked as a whole and then written in one go.
 * Writing content identical to what is on disk drops the change, so re-runs are no-ops. Each
 * file is written to a temporary sibling first and renamed into place only when every temporary
 * file exists; if anything fails, created files are removed and updated files restored.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { RefusedError } from '../errors.js';

export enum OverwriteStrategy {
  /** Refuse to create a file that exists (the default for generators). */
  ThrowIfExisting = 'throw',
  /** Replace existing files (`--force`). */
  Overwrite = 'overwrite',
}

export type ChangeKind = 'create' | 'update';

export interface Change {
  /** Path relative to the change set's root, with forward slashes. */
  path: string;
  kind: ChangeKind;
  before: string | undefined;
  after: string;
}

/** Test seam: the file operations a commit performs, so a failure can be injected midway. */
export interface FileOps {
  writeFile(path: string, content: string): void;
  rename(from: string, to: string): void;
}

const realOps: FileOps = {
  writeFile: (path, content) => writeFileSync(path, content, 'utf8'),
  rename: (from, to) => renameSync(from, to),
};

export class ChangeSet {
  private readonly changes = new Map<string, Change>();

  constructor(
    readonly root: string,
    private readonly strategy: OverwriteStrategy = OverwriteStrategy.ThrowIfExisting,
  ) {}

  private absolute(path: string): string {
    // join() reads '/' as a separator on every platform.
    return join(this.root, path);
  }

  private readCurrent(path: string): string | undefined {
    const abs = this.absolute(path);
    return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  }

  /** Plans a new file. An existing file is a conflict unless the strategy overwrites. */
  create(path: string, content: string): void {
    const current = this.readCurrent(path);
    if (current !== undefined && this.strategy === OverwriteStrategy.ThrowIfExisting) {
      throw new RefusedError(
        `${this.absolute(path)} already exists: nothing was written. Use --force to overwrite it.`,
      );
    }
    this.record(path, current, content);
  }

  /** Plans the new content of a file that must exist. */
  update(path: string, content: string): void {
    const current = this.readCurrent(path);
    if (current === undefined) {
      throw new RefusedError(`${this.absolute(path)} does not exist: nothing was written.`);
    }
    this.record(path, current, content);
  }

  /** The content a file will have after the commit (planned or on disk). */
  read(path: string): string | undefined {
    return this.changes.get(path)?.after ?? this.readCurrent(path);
  }

  private record(path: string, before: string | undefined, after: string): void {
    if (before === after) {
      this.changes.delete(path);
      return;
    }
    this.changes.set(path, { path, kind: before === undefined ? 'create' : 'update', before, after });
  }

  list(): Change[] {
    return [...this.changes.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  get isEmpty(): boolean {
    return this.changes.size === 0;
  }

  /** `CREATE path (N bytes)` lines, as Angular and Nx print them. */
  summary(): string[] {
    return this.list().map(
      (c) => `${c.kind.toUpperCase()} ${c.path} (${Buffer.byteLength(c.after, 'utf8')} bytes)`,
    );
  }

  /** The whole plan as one unified diff. */
  diff(): string {
    return this.list()
      .map((c) =>
        createTwoFilesPatch(
          c.kind === 'create' ? '/dev/null' : `a/${c.path}`,
          `b/${c.path}`,
          c.before ?? '',
          c.after,
          undefined,
          undefined,
          { context: 3 },
        ),
      )
      .join('');
  }

  /** Writes every planned change, or none of them. */
  commit(ops: FileOps = realOps): void {
    const changes = this.list();
    const token = `.odoo-connector-${process.pid}-${Date.now()}.tmp`;
    const createdDirs: string[] = [];
    const temps: string[] = [];
    const renamed: Change[] = [];
    try {
      for (const change of changes) {
        const abs = this.absolute(change.path);
        for (const dir of ensureDir(dirname(abs))) createdDirs.push(dir);
        const temp = `${abs}${token}`;
        temps.push(temp);
        ops.writeFile(temp, change.after);
      }
      changes.forEach((change, index) => {
        ops.rename(temps[index]!, this.absolute(change.path));
        renamed.push(change);
      });
    } catch (error) {
      for (const temp of temps) rmSync(temp, { force: true });
      for (const change of renamed) {
        const abs = this.absolute(change.path);
        if (change.before === undefined) rmSync(abs, { force: true });
        else writeFileSync(abs, change.before, 'utf8');
      }
      for (const dir of createdDirs.reverse()) removeIfEmpty(dir);
      throw fileSystemRefusal(error) ?? error;
    }
  }
}

/** Reasons a write fails that the user can fix: a wrong --path, permissions, a full disk. */
const USER_FS_ERRORS: Record<string, string> = {
  ENOENT: 'a folder on the way does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'a folder stands where a file goes',
};

function fileSystemRefusal(error: unknown): RefusedError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = code ? USER_FS_ERRORS[code] : undefined;
  if (!reason) return undefined;
  return new RefusedError(`Cannot write ${path ?? 'the files'}: ${reason}. Nothing was written.`);
}

/** Creates missing folders, returning those it created (outermost first). */
function ensureDir(dir: string): string[] {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const path of missing) mkdirSync(path);
  return missing;
}

function removeIfEmpty(dir: string): void {
  try {
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Best effort: a folder that cannot be removed is left, empty.
  }
}
