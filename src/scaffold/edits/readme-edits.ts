/**
 * @fileoverview Insertions into the README of a connector addon: the new binding's row in the
 * entity table and its items in the list of synchronizations. `README.rst` (what init writes:
 * Odoo renders it on the Apps page) holds the table as a `list-table` directive; a `README.md`
 * written by older versions holds a pipe table, and is still grown. A README whose anchors are
 * gone (rewritten by hand) is left as it is, with a note.
 */
import { applyInsertions, type Insertion } from './text-insert.js';

export type ReadmeFormat = 'rst' | 'md';

export interface ReadmeParts {
  /** The entity table row, complete lines. */
  row: string;
  /** The list items of the binding's synchronizations, complete lines (may be empty). */
  syncs: string;
}

/** Offset just after line `index` of `lines` (joined with `\n`). */
function offsetAfter(lines: string[], index: number): number {
  return lines.slice(0, index + 1).join('\n').length + 1;
}

/** Index of the last row line of the first `list-table` (its body ends at a blank line or a dedent). */
function lastRstTableLine(lines: string[]): number | undefined {
  const start = lines.findIndex((line) => /^\.\. list-table::/.test(line));
  if (start === -1) return undefined;
  let i = start + 1;
  while (i < lines.length && /^ {3}:[\w-]+:/.test(lines[i]!)) i++; // directive options
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length || !lines[i]!.startsWith('   * ')) return undefined;
  while (i + 1 < lines.length && lines[i + 1]!.startsWith('   ') && lines[i + 1]!.trim() !== '') i++;
  return i;
}

function lastMdTableLine(lines: string[]): number | undefined {
  const header = lines.findIndex((line) => line.startsWith('| Entity |'));
  if (header === -1) return undefined;
  let last = header;
  while (last + 1 < lines.length && lines[last + 1]!.startsWith('|')) last++;
  return last;
}

/** Index of the last item of the synchronizations list (`* ``sync_...`` or `- `sync_...`). */
function lastSyncItem(lines: string[], format: ReadmeFormat): number | undefined {
  const item = format === 'rst' ? /^\* ``sync_\w+``/ : /^- `sync_\w+`/;
  let last: number | undefined;
  lines.forEach((line, index) => {
    if (item.test(line)) last = index;
  });
  return last;
}

/** The sync items in Markdown, for a README.md: the same text with Markdown's code spans. */
export function syncItemsAsMarkdown(rst: string): string {
  return rst.replace(/^\* /gm, '- ').replace(/``/g, '`');
}

/**
 * The README with the binding's row and sync items added. Returns the text and, when an anchor
 * is missing, what could not be added.
 */
export function growReadme(
  source: string,
  format: ReadmeFormat,
  parts: ReadmeParts,
  bindingModel: string,
): { text: string; missing: string[] } {
  const lines = source.split('\n');
  const insertions: Insertion[] = [];
  const missing: string[] = [];
  const quoted = format === 'rst' ? `\`\`${bindingModel}\`\`` : `\`${bindingModel}\``;
  if (!source.includes(quoted)) {
    const last = format === 'rst' ? lastRstTableLine(lines) : lastMdTableLine(lines);
    if (last === undefined) missing.push('its row in the entity table');
    else insertions.push({ at: offsetAfter(lines, last), text: parts.row });
  }
  const syncs = parts.syncs
    .split('\n')
    .filter((line) => line.trim())
    .filter((line) => !source.includes(/``?sync_\w+``?/.exec(line)![0]));
  if (syncs.length) {
    const last = lastSyncItem(lines, format);
    if (last === undefined) missing.push('its synchronizations');
    else insertions.push({ at: offsetAfter(lines, last), text: `${syncs.join('\n')}\n` });
  }
  if (!insertions.length) return { text: source, missing };
  // an anchor on the last line of a file without a final newline: start a line of our own
  const fixed = insertions.map((ins) =>
    ins.at > source.length ? { at: source.length, text: `\n${ins.text.replace(/\n$/, '')}` } : ins,
  );
  return { text: applyInsertions(source, fixed), missing };
}
