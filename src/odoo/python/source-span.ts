/**
 * @fileoverview Where an expression stands in its source with the parentheses that group it.
 * CPython's ast drops grouping parentheses (`(1)` is the Constant 1, spanning `1`), while the facts
 * quote an expression as written, parentheses included: these helpers find them again.
 */
import type { Span } from './ast.js';

/** A node's span widened over the grouping parentheses around it (end exclusive). */
export interface Grouped {
  start: number;
  end: number;
  /** How many pairs of grouping parentheses surround the node. */
  parens: number;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 10 || code === 13;
}

/** The first offset at or after `at` (below `limit`) that is not blank, a comment or a line continuation. */
export function skipForward(src: string, at: number, limit: number): number {
  let p = at;
  while (p < limit) {
    const c = src.charCodeAt(p);
    if (isBlank(c)) p++;
    else if (c === 92 /* \ */ && (src.charCodeAt(p + 1) === 10 || src.charCodeAt(p + 1) === 13)) p += 2;
    else if (c === 35 /* # */) {
      const nl = src.indexOf('\n', p);
      p = nl < 0 ? limit : nl;
    } else break;
  }
  return p;
}

/**
 * Offset of the comment's `#` on the line [from, to), or -1: the line is scanned from its start,
 * stepping over string literals that open and close on it.
 */
function commentOn(src: string, from: number, to: number): number {
  for (let p = from; p < to; p++) {
    const c = src[p];
    if (c === '#') return p;
    if (c !== '"' && c !== "'") continue;
    const quote = src.startsWith(c.repeat(3), p) ? c.repeat(3) : c;
    p += quote.length;
    while (p < to && !src.startsWith(quote, p)) p += src[p] === '\\' ? 2 : 1;
    if (p >= to) return -1;
    p += quote.length - 1;
  }
  return -1;
}

/** The last offset before `at` (at or above `limit`) that is not blank, a comment or a line continuation; limit - 1 if none. */
export function skipBackward(src: string, at: number, limit: number): number {
  let p = at - 1;
  while (p >= limit) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) {
      // Crossing a line end: a continuation backslash, or a comment at the end of the line above.
      p--;
      if (c === 10 && src.charCodeAt(p) === 13) p--;
      if (src.charCodeAt(p) === 92) {
        p--;
        continue;
      }
      const lineStart = src.lastIndexOf('\n', p) + 1;
      const hash = commentOn(src, lineStart, p + 1);
      if (hash >= 0) p = hash - 1;
    } else if (isBlank(c)) p--;
    else break;
  }
  return p;
}

/**
 * The node's span widened over the grouping parentheses around it, which must lie inside
 * [lo, hi): the caller's bounds keep out the parentheses of a call or a class header.
 */
export function grouped(node: Span, src: string, lo: number, hi: number): Grouped {
  let start = node.start;
  let end = node.end;
  let parens = 0;
  for (;;) {
    const before = skipBackward(src, start, lo);
    if (before < lo || src.charCodeAt(before) !== 40 /* ( */) break;
    const after = skipForward(src, end, hi);
    if (after >= hi || src.charCodeAt(after) !== 41 /* ) */) break;
    start = before;
    end = after + 1;
    parens++;
  }
  return { start, end, parens };
}

/** Line and column (1-based, UTF-16 units) of an offset at or before a node's start. */
export function positionBefore(src: string, offset: number, node: Span): { line: number; column: number } {
  if (offset === node.start) return { line: node.line, column: node.column };
  let line = node.line;
  for (let p = src.indexOf('\n', offset); p >= 0 && p < node.start; p = src.indexOf('\n', p + 1)) line--;
  if (line === node.line) return { line, column: node.column - (node.start - offset) };
  return { line, column: offset - (src.lastIndexOf('\n', offset - 1) + 1) + 1 };
}
