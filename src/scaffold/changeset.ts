/**
 * @fileoverview An in-memory plan of file changes, checked as a whole and then written in one go.
 * Writing content identical to what is on disk drops the change, so re-runs are no-ops. Each
 * file is written to a temporary sibling first and renamed into place only when every temporary
 * file exists; just before each rename the file must still hold what was read when planning
 * (else another program wrote it meanwhile and the commit is undone). If anything fails, created
 * files are removed and updated files get their original bytes back. Files are decoded and
 * encoded losslessly (see text-codec.ts); a link is written through to the file it points to
 * inside the root, and a rewritten file keeps its permission bits.
 */
import { chmodSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, rmdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { globSync } from 'tinyglobby';
import { RefusedError } from '../errors.js';
import { isInside, lstatOrNothing, readOrigin, realPathToBe, type FileOrigin } from './file-state.js';
import { removeStaleTemps, tempPathFor } from './leftovers.js';
import { encodeText } from './text-codec.js';

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
  writeFile(path: string, content: Buffer | string): void;
  rename(from: string, to: string): void;
}

const realOps: FileOps = {
  // 'wx': a temporary name that exists (a planted link) is never written through
  writeFile: (path, content) => writeFileSync(path, content, { flag: 'wx' }),
  rename: (from, to) => renameSync(from, to),
};

/** A planned change with what was read when planning it. */
interface PlannedChange extends Change {
  origin: FileOrigin;
  bytes: Buffer;
}

export class ChangeSet {
  private readonly changes = new Map<string, PlannedChange>();
  /** Each file is read once: what a commit checks against is what planning saw. */
  private readonly origins = new Map<string, FileOrigin>();

  constructor(
    readonly root: string,
    private readonly strategy: OverwriteStrategy = OverwriteStrategy.ThrowIfExisting,
  ) {}

  private absolute(path: string): string {
    // join() reads '/' as a separator on every platform.
    return join(this.root, path);
  }

  private origin(path: string): FileOrigin {
    let origin = this.origins.get(path);
    if (!origin) {
      origin = readOrigin(this.absolute(path));
      this.origins.set(path, origin);
    }
    return origin;
  }

  private readCurrent(path: string): string | undefined {
    return this.origin(path).text;
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

  /** Python files below `folder` after the commit: on disk (regular files only) or planned. */
  listPython(folder: string): string[] {
    const onDisk = globSync(`${folder}/**/*.py`, { cwd: this.root, followSymbolicLinks: false });
    const planned = [...this.changes.keys()].filter((path) => path.startsWith(`${folder}/`) && path.endsWith('.py'));
    return [...new Set([...onDisk, ...planned])].sort();
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
    const origin = this.origin(path);
    const abs = this.absolute(path);
    // a link (or a linked folder) may point anywhere: only targets inside the root are written
    const target = origin.bytes === undefined ? realPathToBe(abs) : origin.realPath;
    if (!isInside(realPathToBe(this.root), target)) {
      throw new RefusedError(
        `${abs} leads to ${target}, outside ${this.root} (through a symbolic link): odoo-connector writes only inside it. ` +
          'Replace the link by a file or a folder. Nothing was written.',
      );
    }
    const bytes = encodeText(abs, after, origin.encoding);
    this.changes.set(path, { path, kind: before === undefined ? 'create' : 'update', before, after, origin, bytes });
  }

  /** Planned changes, with the content before and after (what summaries, diffs and JSON show). */
  list(): Change[] {
    return this.planned().map(({ path, kind, before, after }) => ({ path, kind, before, after }));
  }

  private planned(): PlannedChange[] {
    return [...this.changes.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  get isEmpty(): boolean {
    return this.changes.size === 0;
  }

  /** `CREATE path (N bytes)` lines, as Angular and Nx print them. */
  summary(): string[] {
    return this.planned().map(
      (c) => `${c.kind.toUpperCase()} ${c.path} (${c.bytes.length} bytes)`,
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

  /** Size in bytes of a planned file, as written. */
  size(path: string): number {
    return this.changes.get(path)?.bytes.length ?? 0;
  }

  /** Writes every planned change, or none of them. */
  commit(ops: FileOps = realOps): void {
    const changes = this.planned();
    const createdDirs: string[] = [];
    const temps: string[] = [];
    const renamed: PlannedChange[] = [];
    let current: string | undefined;
    try {
      // before any temporary file of this commit exists: those found are leftovers
      for (const dir of new Set(changes.map((change) => dirname(this.target(change))))) removeStaleTemps(dir);
      for (const change of changes) {
        const target = this.target(change);
        current = target;
        for (const dir of ensureDir(dirname(target))) createdDirs.push(dir);
        const temp = tempPathFor(target);
        ops.writeFile(temp, change.bytes);
        temps.push(temp);
        if (change.origin.mode !== undefined) chmodSync(temp, change.origin.mode);
      }
      changes.forEach((change, index) => {
        const target = this.target(change);
        current = target;
        this.checkUnchanged(change);
        ops.rename(temps[index]!, target);
        renamed.push(change);
      });
    } catch (error) {
      for (const temp of temps) rmSync(temp, { force: true });
      const unrestored = renamed.reverse().flatMap((change) => this.restore(change));
      for (const dir of createdDirs.reverse()) removeIfEmpty(dir);
      const refusal = error instanceof RefusedError ? error : fileSystemRefusal(error, current);
      if (unrestored.length) {
        throw new RefusedError(`${(refusal ?? (error as Error)).message} Could not restore ${unrestored.join(', ')}.`);
      }
      throw refusal ?? error;
    }
  }

  /** Where a change is written: the file itself, or the file its link points to. */
  private target(change: PlannedChange): string {
    return change.origin.bytes === undefined ? this.absolute(change.path) : change.origin.realPath;
  }

  /** Refuses when the file no longer holds what planning read (another program wrote it). */
  private checkUnchanged(change: PlannedChange): void {
    const abs = this.absolute(change.path);
    const { origin } = change;
    let same: boolean;
    if (origin.bytes === undefined) {
      same = lstatOrNothing(abs) === undefined;
    } else {
      try {
        same =
          realpathSync(abs) === origin.realPath &&
          statSync(origin.realPath).isFile() &&
          readFileSync(origin.realPath).equals(origin.bytes);
      } catch {
        same = false;
      }
    }
    if (!same) {
      throw new RefusedError(
        `${abs} changed on disk while odoo-connector was working (another run or program wrote it): ` +
          'nothing was changed. Run the command again.',
      );
    }
  }

  /** Puts a renamed file back as planning found it; returns the path when that fails. */
  private restore(change: PlannedChange): string[] {
    const target = this.target(change);
    try {
      if (change.origin.bytes === undefined) {
        rmSync(target, { force: true });
      } else {
        writeFileSync(target, change.origin.bytes);
        if (change.origin.mode !== undefined) chmodSync(target, change.origin.mode);
      }
      return [];
    } catch {
      return [target];
    }
  }
}

/** Reasons a write fails that the user can fix: a wrong --path, permissions, a full disk. */
const USER_FS_ERRORS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  ENOENT: 'a folder on the way does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'a folder stands where a file goes',
  EEXIST: 'something already stands where a file or folder goes',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'symbolic links on the way loop',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  EIO: 'an input/output error occurred',
});

/** A user-fixable failure as a refusal naming the file (write errors on a full disk carry none). */
export function fileSystemRefusal(error: unknown, current?: string): RefusedError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const reason = code ? USER_FS_ERRORS[code] : undefined;
  if (!reason) return undefined;
  return new RefusedError(`Cannot write ${path ?? current ?? 'the files'}: ${reason}. Nothing was written.`);
}

/** Creates missing folders, returning those it created (outermost first). */
function ensureDir(dir: string): string[] {
  const missing: string[] = [];
  let current = dir;
  while (lstatOrNothing(current) === undefined) {
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
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  } catch {
    // Best effort: a folder that cannot be removed is left, empty.
  }
}
