/**
 * @fileoverview The last step of every generator: print the plan, then write it unless this is a
 * dry run. Dry run and real run take the same path up to the write.
 */
import type { Io } from '../io.js';
import type { ChangeSet } from './changeset.js';

export interface ApplyOptions {
  dryRun: boolean;
  json: boolean;
  /** Print a unified diff in dry runs (add-binding) rather than the file list alone. */
  diff?: boolean;
  command: string;
  /** Extra fields for the JSON result. */
  details?: Record<string, unknown>;
  /** Lines printed after a successful run (next steps, hints). */
  notes?: string[];
}

export interface ApplyResult {
  written: boolean;
  changes: number;
}

export function applyChanges(changes: ChangeSet, io: Io, options: ApplyOptions): ApplyResult {
  const list = changes.list();
  const willWrite = !options.dryRun && list.length > 0;
  if (willWrite) changes.commit();
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          command: options.command,
          dryRun: options.dryRun,
          root: changes.root,
          ...options.details,
          changes: list.map((c) => ({ path: c.path, kind: c.kind, bytes: changes.size(c.path) })),
          notes: options.notes ?? [],
        },
        null,
        2,
      ),
    );
    return { written: willWrite, changes: list.length };
  }
  const { color } = io;
  if (list.length === 0) {
    io.out('Nothing to do: every file already has the planned content.');
    return { written: false, changes: 0 };
  }
  for (const line of changes.summary()) {
    const [kind, ...rest] = line.split(' ');
    io.out(`${kind === 'CREATE' ? color.green(kind) : color.yellow(kind)} ${rest.join(' ')}`);
  }
  if (options.dryRun && options.diff) io.out(changes.diff());
  for (const note of options.notes ?? []) io.out(note);
  if (options.dryRun) io.out(color.dim('NOTE: --dry-run: no changes were made.'));
  return { written: willWrite, changes: list.length };
}
