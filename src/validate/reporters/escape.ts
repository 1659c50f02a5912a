/**
 * @fileoverview Makes text from scanned files safe to print on a terminal or in a CI log: control
 * characters (C0, DEL, C1: ESC sequences, BEL, CR that rewrites a line) and the invisible
 * direction marks that reorder what a reader sees (U+202E…) are shown as `\xHH` / `\uHHHH`.
 */

// C0 controls, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line/paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// What JSON.stringify leaves raw: DEL, C1 and the direction marks (C0 it escapes already).
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with those characters as `\uHHHH` escapes: the same data, safe to `cat` in a terminal. */
export function jsonSafe(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
