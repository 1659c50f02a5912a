/**
 * @fileoverview String literal bodies as CPython 3.11 decodes them: escapes in str and bytes,
 * newlines normalised to '\n' (compile() reads the source with universal newlines), the bytes
 * ASCII rule. f-strings are split in parser.ts; their literal parts come back here.
 */

/** Unicode names Odoo's sources use in `\N{...}`; an unknown name keeps its text. */
const UNICODE_NAMES: Record<string, string> = {
  'NO-BREAK SPACE': '\u00a0',
  'ZERO WIDTH NO-BREAK SPACE': '\ufeff',
  'ZERO WIDTH SPACE': '\u200b',
  'EM DASH': '\u2014',
  'EN DASH': '\u2013',
  'HORIZONTAL ELLIPSIS': '\u2026',
  'BULLET': '\u2022',
  'EURO SIGN': '\u20ac',
  'DEGREE SIGN': '\u00b0',
  'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK': '\u00bb',
  'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK': '\u00ab',
  'NARROW NO-BREAK SPACE': '\u202f',
  'SOFT HYPHEN': '\u00ad',
};

export interface Prefix {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** Offset of the first character after the opening quotes, and of the closing quotes. */
  bodyStart: number;
  bodyEnd: number;
}

/** Reads the prefix and quotes of the STRING token source[s, e). */
export function stringPrefix(src: string, s: number, e: number): Prefix {
  let bytes = false;
  let raw = false;
  let fstring = false;
  let i = s;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === 34 || c === 39) break;
    if (c === 98 || c === 66) bytes = true;
    else if (c === 114 || c === 82) raw = true;
    else if (c === 102 || c === 70) fstring = true;
    i++;
  }
  const q = src.charCodeAt(i);
  const triple = e - i >= 6 && src.charCodeAt(i + 1) === q && src.charCodeAt(i + 2) === q;
  const qs = triple ? 3 : 1;
  return { bytes, raw, fstring, bodyStart: i + qs, bodyEnd: e - qs };
}

/** Thrown for a literal CPython refuses; parser.ts turns it into a SyntaxError. */
export class LiteralError {
  constructor(readonly message: string) {}
}

function normalizeNewlines(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** The value of a str literal body (or of an f-string literal part). */
export function decodeStr(src: string, from: number, to: number, raw: boolean): string {
  const body = src.slice(from, to);
  if (raw || body.indexOf('\\') < 0) return normalizeNewlines(body);
  return decodeEscapes(normalizeNewlines(body), false);
}

/** The value of a bytes literal body: one char code per byte. */
export function decodeBytes(src: string, from: number, to: number, raw: boolean): string {
  const body = normalizeNewlines(src.slice(from, to));
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) >= 128) throw new LiteralError('bytes can only contain ASCII literal characters');
  }
  if (raw || body.indexOf('\\') < 0) return body;
  return decodeEscapes(body, true);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function decodeEscapes(s: string, bytes: boolean): string {
  let out = '';
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== 92) continue;
    out += s.slice(last, i);
    const c = i + 1 < n ? s[i + 1] : '';
    let skip = 2;
    switch (c) {
      case '\n': break;
      case '\\': out += '\\'; break;
      case "'": out += "'"; break;
      case '"': out += '"'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        let v = 0;
        let j = i + 1;
        while (j < n && j < i + 4 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 55) {
          v = v * 8 + s.charCodeAt(j) - 48;
          j++;
        }
        out += String.fromCharCode(bytes ? v & 0xff : v);
        skip = j - i;
        break;
      }
      case 'x': {
        const h1 = hexValue(s.charCodeAt(i + 2));
        const h2 = hexValue(s.charCodeAt(i + 3));
        if (h1 < 0 || h2 < 0) {
          const last = i + 1 + (h1 < 0 ? 0 : 1);
          throw new LiteralError(
            bytes
              ? `(value error) invalid \\x escape at position ${i}`
              : `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${last}: truncated \\xXX escape`,
          );
        }
        out += String.fromCharCode(h1 * 16 + h2);
        skip = 4;
        break;
      }
      case 'u': case 'U': case 'N': {
        if (bytes) {
          out += '\\' + c;
          break;
        }
        if (c === 'N') {
          const close = s.charCodeAt(i + 2) === 123 ? s.indexOf('}', i + 3) : -1;
          if (close < 0) {
            throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1}: malformed \\N character escape`);
          }
          const name = s.slice(i + 3, close).toUpperCase();
          out += UNICODE_NAMES[name] ?? s.slice(i, close + 1);
          skip = close + 1 - i;
          break;
        }
        const len = c === 'u' ? 4 : 8;
        let v = 0;
        for (let k = 0; k < len; k++) {
          const h = hexValue(s.charCodeAt(i + 2 + k));
          if (h < 0) {
            throw new LiteralError(
              `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + k}: truncated \\${c}${'X'.repeat(len)} escape`,
            );
          }
          v = v * 16 + h;
        }
        if (v > 0x10ffff) {
          throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${i}-${i + 1 + len}: illegal Unicode character`);
        }
        out += String.fromCodePoint(v);
        skip = 2 + len;
        break;
      }
      default:
        // Unknown escapes stay as written (a DeprecationWarning in 3.11, not an error).
        out += '\\';
        skip = 1;
    }
    i += skip - 1;
    last = i + 1;
  }
  return out + s.slice(last);
}
