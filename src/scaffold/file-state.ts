/**
 * @fileoverview What stands at a path a generator reads or writes, checked with lstat before any
 * read: a regular file (possibly through a link to a file), nothing, or something odoo-connector
 * refuses with a message naming the path: a folder, a FIFO, a device, a dangling or looping link.
 * Reading a FIFO would block for ever, reading a folder throws; neither is a file to edit.
 */
import { lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { RefusedError } from '../errors.js';
import { decodeText, type TextEncoding } from './text-codec.js';

export interface FileOrigin {
  /** The bytes read, or undefined when nothing was there. */
  bytes: Buffer | undefined;
  text: string | undefined;
  encoding: TextEncoding;
  /** Where the content lives: the path itself, or the file its link points to. */
  realPath: string;
  /** Permission bits to give the rewritten file. */
  mode: number | undefined;
}

/** `a folder`, `a FIFO`… for messages. */
export function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** lstat, or undefined when nothing is there; a file in the way of a folder is a refusal. */
export function lstatOrNothing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errno(error) === 'ENOENT') return undefined;
    if (errno(error) === 'ENOTDIR') {
      throw new RefusedError(`Cannot use ${path}: a part of the path is a file, not a folder. Nothing was written.`);
    }
    throw error;
  }
}

/** Resolves a link to the regular file it points to, or refuses. */
function linkTarget(path: string): string {
  try {
    const real = realpathSync(path);
    const stats = statSync(real);
    if (!stats.isFile()) {
      throw new RefusedError(`${path} is a link to ${real}, which is ${describeKind(stats)}, not a file. Nothing was written.`);
    }
    return real;
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    if (errno(error) === 'ELOOP') throw new RefusedError(`${path} is a symbolic link that loops. Nothing was written.`);
    throw new RefusedError(`${path} is a symbolic link to a file that does not exist. Nothing was written.`);
  }
}

/** Reads what stands at `path`: a regular file's bytes and text, or nothing. */
export function readOrigin(path: string, shownAs: string = path): FileOrigin {
  const stats = lstatOrNothing(path);
  if (!stats) return { bytes: undefined, text: undefined, encoding: 'utf8', realPath: path, mode: undefined };
  if (!stats.isSymbolicLink() && !stats.isFile()) {
    throw new RefusedError(`${path} is ${describeKind(stats)}, not a file: odoo-connector reads or writes a file there. Nothing was written.`);
  }
  // resolved even for a plain file: a folder on the way may be a link
  const realPath = stats.isSymbolicLink() ? linkTarget(path) : realpathSync(path);
  const bytes = readFileSync(realPath);
  const { text, encoding } = decodeText(shownAs, bytes);
  return { bytes, text, encoding, realPath, mode: statSync(realPath).mode & 0o7777 };
}

/** The text of a regular file (through links), decoded losslessly, or a refusal. */
export function readTextFile(path: string): string {
  const origin = readOrigin(path);
  if (origin.text === undefined) throw new RefusedError(`${path} does not exist. Nothing was written.`);
  return origin.text;
}

/** The real path `path` would have once created: its nearest existing folder resolved. */
export function realPathToBe(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      // folder names, never more than the path's depth
      return [realpathSync(current), ...missing].reduce((base, name) => join(base, name));
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      missing.unshift(basename(current));
      current = parent;
    }
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
