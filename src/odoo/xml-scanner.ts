/**
 * @fileoverview The lexical layer of the XML reader, shared by the prolog and the content: the
 * cursor, errors at offsets, blanks, names, comments and processing instructions, each checked as
 * libxml2 2.9 (lxml) checks them, in its order and with its messages.
 */
import { isBlank, isChar, NAME, nameCharWide, nameStartWide } from './xml-chars.js';

/** The first well-formedness error of a document, at a character offset. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The start of `text` that libxml2's `%.50s` quotes: at most 50 bytes of UTF-8, whole characters. */
export function clip50(text: string): string {
  let bytes = 0;
  let i = 0;
  for (; i < text.length && bytes < 50; i++) {
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
    if (bytes + size > 50) break;
    bytes += size;
  }
  return text.slice(0, i);
}

export class XmlScanner {
  protected p = 0;
  protected readonly n: number;

  constructor(protected readonly s: string) {
    this.n = s.length;
  }

  protected fail(offset: number, message: string): XmlSyntaxError {
    return new XmlSyntaxError(Math.min(offset, this.n), message);
  }

  /** A character outside XML's Char at `p`: libxml2's decoder names those beyond ASCII itself. */
  protected badChar(p: number, otherwise: string): XmlSyntaxError {
    const c = this.s.charCodeAt(p);
    return this.fail(p, c >= 0x80 ? `Char 0x${c.toString(16).toUpperCase()} out of allowed range` : otherwise);
  }

  protected skipBlanks(): number {
    const s = this.s;
    const start = this.p;
    const n = this.n;
    let p = start;
    // Bounded: a read past the end (every file ends in blanks) would deoptimise the caller.
    while (p < n && isBlank(s.charCodeAt(p))) p++;
    this.p = p;
    return p - start;
  }

  /** End of the NCName starting at `i`, or -1. */
  protected ncname(i: number): number {
    const s = this.s;
    let c = s.charCodeAt(i);
    if (c < 128 ? (NAME[c]! & 1) === 0 : !nameStartWide(c)) {
      if (c > 0xfffd) throw this.badChar(i, '');
      return -1;
    }
    for (i++; ; i++) {
      c = s.charCodeAt(i);
      if (c < 128 ? (NAME[c]! & 2) === 0 : !nameCharWide(c)) {
        if (c > 0xfffd) throw this.badChar(i, '');
        return i;
      }
    }
  }

  /** End of the Name (colons allowed) starting at `i`, or -1. */
  protected name(i: number): number {
    const s = this.s;
    let c = s.charCodeAt(i);
    if (c < 128 ? (NAME[c]! & 5) === 0 : !nameStartWide(c)) {
      if (c > 0xfffd) throw this.badChar(i, '');
      return -1;
    }
    for (i++; ; i++) {
      c = s.charCodeAt(i);
      if (c < 128 ? NAME[c] === 0 : !nameCharWide(c)) {
        if (c > 0xfffd) throw this.badChar(i, '');
        return i;
      }
    }
  }

  /** `<!--...-->` at p. */
  protected comment(): void {
    const s = this.s;
    const start = this.p + 4;
    const dashes = s.indexOf('--', start);
    const stop = dashes < 0 ? this.n : dashes;
    // libxml2 leaves its ASCII fast path at the first other character or lone CR; its slow path
    // reports a double hyphen one character after it.
    let slow = false;
    for (let p = start; p < stop; p++) {
      const c = s.charCodeAt(p);
      if (c >= 0x7f || c < 32) {
        if (!isChar(c)) throw this.badChar(p, `xmlParseComment: invalid xmlChar value ${c}`);
        if (c >= 0x80 || (c === 13 && s.charCodeAt(p + 1) !== 10)) slow = true;
      }
    }
    if (dashes < 0) {
      // The slow path quotes what it read (all but the last two characters).
      throw this.fail(this.n, slow ? `Comment not terminated \n<!--${clip50(s.slice(start, Math.max(start, this.n - 2)))}` : 'Comment not terminated');
    }
    if (s.charCodeAt(dashes + 2) !== 62) {
      if (slow) throw this.fail(dashes + 2, "Comment must not contain '--' (double-hyphen)");
      const before = clip50(s.slice(start, dashes));
      throw this.fail(dashes, before ? `Double hyphen within comment: <!--${before}` : 'Double hyphen within comment');
    }
    this.p = dashes + 3;
  }

  /** `<?target ...?>` at p. */
  protected pi(): void {
    const s = this.s;
    const start = this.p + 2;
    const end = this.name(start);
    if (end < 0) throw this.fail(start, 'xmlParsePI : no target name');
    const target = s.slice(start, end);
    if (target === 'xml') throw this.fail(end, 'XML declaration allowed only at the start of the document');
    if (target.length === 3 && target.toLowerCase() === 'xml') throw this.fail(end, 'Invalid PI name');
    if (target.includes(':')) throw this.fail(end, `colons are forbidden from PI names '${target}'`);
    this.p = end;
    if (s.charCodeAt(end) === 63 && s.charCodeAt(end + 1) === 62) {
      this.p = end + 2;
      return;
    }
    if (this.skipBlanks() === 0) throw this.fail(this.p, `ParsePI: PI ${target} space expected`);
    const close = s.indexOf('?>', this.p);
    const stop = close < 0 ? this.n : close;
    for (let p = this.p; p < stop; p++) if (!isChar(s.charCodeAt(p))) throw this.badChar(p, `ParsePI: PI ${target} never end ...`);
    if (close < 0) throw this.fail(this.n, `ParsePI: PI ${target} never end ...`);
    this.p = close + 2;
  }
}
