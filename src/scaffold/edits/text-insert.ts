/**
 * @fileoverview Insertions into the user's text: a position and a string, nothing else of the
 * file touched. Inserted text is written with `\n` and converted to the file's own line endings.
 */

export interface Insertion {
  /** Character offset in the original text. */
  at: number;
  text: string;
}

export function lineEnding(source: string): '\r\n' | '\n' {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** Applies insertions (offsets refer to the original text); equal offsets keep their order. */
export function applyInsertions(source: string, insertions: Insertion[]): string {
  const eol = lineEnding(source);
  const sorted = insertions.map((ins, order) => ({ ...ins, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  let result = source;
  for (const { at, text } of sorted) {
    result = result.slice(0, at) + text.replace(/\r?\n/g, eol) + result.slice(at);
  }
  return result;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the end of the line holding `offset` (after its newline, or the text's end). */
export function nextLineStart(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl === -1 ? source.length : nl + 1;
}

/** The leading white space of the line holding `offset`. */
export function indentOf(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0];
}

/** Text guaranteed to end with a newline, so appended text starts on its own line. */
export function ensureFinalNewline(source: string): Insertion[] {
  return source.length && !source.endsWith('\n') ? [{ at: source.length, text: '\n' }] : [];
}
