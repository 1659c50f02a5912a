/**
 * @fileoverview Reads XML data files into a small element tree with 1-based positions, refusing
 * what lxml (Odoo's parser) refuses; the reader itself is ./xml-reader.ts.
 */
import { readXml, XmlSyntaxError, type XEl } from './xml-reader.js';

export { MAX_DEPTH, type XEl } from './xml-reader.js';

export type XmlResult = { ok: true; root: XEl } | { ok: false; line: number; column: number; message: string };

/** Parses an XML file; a malformed file yields its first error (as lxml words and places it) instead of a tree. */
export function parseXml(source: string): XmlResult {
  try {
    return { ok: true, root: readXml(source) };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return { ok: false, ...position(source, error.offset), message: error.message };
  }
}

/**
 * 1-based line and column of an error offset as libxml2 counts them: lines end at LF, columns count
 * characters (a surrogate pair is one), a byte order mark takes none.
 */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = source.charCodeAt(0) === 0xfeff && offset > 0 ? 1 : 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  let column = offset - lineStart + 1;
  for (let i = lineStart; i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > lineStart && source.charCodeAt(i - 1) >= 0xd800 && source.charCodeAt(i - 1) <= 0xdbff) column--;
  }
  return { line, column };
}

/**
 * Every element below (and including) `el`, in document order (an explicit stack: no recursion).
 * A list and not a generator: validate walks every element of every data file several times, and
 * resuming a generator per element cost more than the list.
 */
export function descendants(el: XEl): XEl[] {
  const out: XEl[] = [];
  const stack: XEl[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    out.push(e);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return out;
}
