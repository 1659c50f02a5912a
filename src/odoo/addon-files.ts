/**
 * @fileoverview Reads an addon's files without trusting the tree: validate runs on untrusted pull
 * requests, where a file may be a FIFO, a device, a link to /proc or to a secret outside the addon,
 * a link loop, or a sparse file of gigabytes. Only regular files inside the addon folder (by real
 * path) and no larger than MAX_FILE_BYTES are read; the rest is recorded with the reason.
 * One readdir per folder (file types come with it) and one open+fstat per file read; links cost a
 * realpath each, and are rare.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';

/** Larger files are not read: Odoo 16's own largest data or Python file is under 1 MB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Why a file was not read. */
export type SkipReason = 'tooLarge' | 'notRegular' | 'outside';

export interface Listing {
  /** Regular files (or links to regular files inside the addon), posix paths relative to the addon. */
  files: string[];
  /** Entries that are not read, and why (a dangling link is neither: it is missing). */
  skipped: Map<string, SkipReason>;
  /** Real path of each listed file that is reached through a link. */
  linked: Map<string, string>;
  /** Folders (and links) whose content is not listed: skipped names, nested addons, links. */
  unlisted: string[];
}

/** Folders that hold no Python or data Odoo loads. */
const SKIP_DIRS = new Set(['node_modules', '.git', '__pycache__', 'static', 'i18n', 'i18n_extra']);

// O_NONBLOCK: opening a FIFO swapped in after the listing returns at once instead of waiting for a
// writer; O_NOFOLLOW: a file swapped for a link is refused. Both are 0 where the platform lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

const isManifest = (e: Dirent): boolean => e.name === '__manifest__.py';
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** True when `path` is `root` or below it (both real paths). */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** The real path of `path`, or undefined when it does not resolve (missing, dangling, a loop). */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/**
 * Lists the addon's files depth first in name order, as Odoo would see them, without static assets,
 * translations, or nested addons. A link is followed only when its real path stays inside the
 * addon; a linked folder is listed once, after the plain tree, unless its real folder is listed
 * already (so `ln -s . loop` ends at once).
 */
export function listAddonFiles(dir: string, realDir: string): Listing {
  const listing: Listing = { files: [], skipped: new Map(), linked: new Map(), unlisted: [] };
  const visited = new Set<string>([realDir]);
  const linkedDirs: Array<{ rel: string; real: string }> = [];
  const walk = (startRel: string, startReal: string): void => {
    // Entries pending, in reverse: a folder's entries replace it on the stack in name order.
    const stack: Array<{ rel: string; real: string; dir: boolean }> = [{ rel: startRel, real: startReal, dir: true }];
    while (stack.length) {
      const item = stack.pop()!;
      if (!item.dir) {
        listing.files.push(item.rel);
        continue;
      }
      let entries;
      try {
        entries = readdirSync(item.real, { withFileTypes: true });
      } catch {
        continue;
      }
      // A folder with its own manifest is another addon (some repositories nest them): not ours.
      // Seen in its own listing, which saves a stat of every folder.
      if (item.real !== realDir && entries.some(isManifest)) {
        listing.unlisted.push(item.rel);
        continue;
      }
      entries.sort(byName);
      const children: Array<{ rel: string; real: string; dir: boolean }> = [];
      for (const e of entries) {
        const rel = item.rel ? `${item.rel}/${e.name}` : e.name;
        if (SKIP_DIRS.has(e.name)) {
          listing.unlisted.push(rel);
          continue;
        }
        // Real paths are normalised and names hold no separator: no join needed.
        const real = `${item.real}${sep}${e.name}`;
        if (e.isDirectory()) {
          if (!visited.has(real)) {
            visited.add(real);
            children.push({ rel, real, dir: true });
          } else listing.unlisted.push(rel);
        } else if (e.isFile()) {
          children.push({ rel, real, dir: false });
        } else if (e.isSymbolicLink()) {
          listing.unlisted.push(rel);
          const target = realPath(real);
          // A dangling link is a missing file, reported as such by whoever needs it.
          if (target === undefined) continue;
          if (!isInside(target, realDir)) {
            listing.skipped.set(rel, 'outside');
            continue;
          }
          let stat;
          try {
            stat = statSync(target);
          } catch {
            continue;
          }
          if (stat.isFile()) {
            listing.linked.set(rel, target);
            children.push({ rel, real: target, dir: false });
          } else if (stat.isDirectory()) {
            linkedDirs.push({ rel, real: target });
          } else {
            listing.skipped.set(rel, 'notRegular');
          }
        } else {
          // FIFO, socket, device: reading one may block forever or never end.
          listing.skipped.set(rel, 'notRegular');
        }
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  };
  walk('', realDir);
  // Linked folders last, each real folder once: the plain tree keeps its own names.
  for (let i = 0; i < linkedDirs.length; i++) {
    const { rel, real } = linkedDirs[i]!;
    if (visited.has(real) || existsSync(join(real, '__manifest__.py'))) continue;
    visited.add(real);
    walk(rel, real);
  }
  return listing;
}

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: SkipReason | 'missing' };

/**
 * The buffer every read of this thread fills: files are decoded at once, so one buffer as large as
 * the largest file read so far serves them all, instead of a fresh allocation outside the JS heap
 * per file (thousands per run, each one more for the garbage collector to track).
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads one file: a regular file of at most MAX_FILE_BYTES, else the reason it was not read.
 * The size comes from fstat on the open file, so a file growing meanwhile is cut at the cap + 1.
 * The bytes are only valid until the next call: they live in a buffer reused by every read.
 */
export function readRegularFile(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    // ELOOP: the last component became a link (O_NOFOLLOW); treat as not regular.
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'notRegular' : 'missing' };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'notRegular' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: 'tooLarge' };
    // One byte more than fstat said, to see the end; a file growing meanwhile gets room up to the cap.
    if (scratch.length < stat.size + 1) scratch = Buffer.allocUnsafe(Math.min(Math.max(stat.size + 1, scratch.length * 2), MAX_FILE_BYTES + 1));
    let buffer = scratch;
    let want = stat.size + 1;
    let length = 0;
    for (;;) {
      if (length === want) {
        if (length > MAX_FILE_BYTES) return { ok: false, reason: 'tooLarge' };
        want = Math.min(want * 2, MAX_FILE_BYTES + 1);
        if (buffer.length < want) {
          const bigger = Buffer.allocUnsafe(want);
          buffer.copy(bigger, 0, 0, length);
          buffer = scratch = bigger;
        }
      }
      const n = readSync(fd, buffer, length, want - length, null);
      length += n;
      // A regular file reads short only at its end: no further read to see 0.
      if (n === 0 || length < want) break;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch {
    return { ok: false, reason: 'missing' };
  } finally {
    closeSync(fd);
  }
}
