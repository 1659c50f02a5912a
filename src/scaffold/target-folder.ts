/**
 * @fileoverview The folder a generator writes a new addon into: nothing there yet, an empty folder
 * (or one holding only what a killed run left), or an existing addon. Anything else at that path
 * (a file, a FIFO, a dangling link) is refused before anything is planned.
 */
import { realpathSync, statSync } from 'node:fs';
import { RefusedError } from '../errors.js';
import { isStaleLock } from './addon-lock.js';
import { describeKind, lstatOrNothing } from './file-state.js';
import { holdsOnlyLeftovers } from './leftovers.js';

export type TargetState = 'absent' | 'empty' | 'existing';

export function inspectTarget(target: string): TargetState {
  const stats = lstatOrNothing(target);
  if (!stats) return 'absent';
  let real = target;
  if (stats.isSymbolicLink()) {
    try {
      real = realpathSync(target);
    } catch {
      throw new RefusedError(`${target} is a symbolic link to a folder that does not exist: remove it or point it at a folder. Nothing was written.`);
    }
  }
  const kind = statSync(real);
  if (!kind.isDirectory()) {
    throw new RefusedError(`${target} is ${describeKind(kind) === 'not a regular file' ? 'a file' : describeKind(kind)}, not a folder: the addon cannot be written there. Nothing was written.`);
  }
  return holdsOnlyLeftovers(real, isStaleLock) ? 'empty' : 'existing';
}
