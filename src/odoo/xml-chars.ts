/**
 * @fileoverview The character classes of XML as libxml2 2.9 applies them (names, Char, blanks,
 * text characters worth a look), and the encoding names and namespace URIs it accepts.
 */

// ASCII name classes: 1 starts an NCName, 2 continues one, 4 is ':' (a Name character, not NCName).
export const NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) NAME[c] = 3;
  else if (/[0-9.-]/.test(ch)) NAME[c] = 2;
}
NAME[58] = 4;

/** libxml2's NameStartChar beyond ASCII (XML 1.0 fifth edition); surrogate pairs count as planes 1-14. */
export function nameStartWide(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

export function nameCharWide(c: number): boolean {
  return nameStartWide(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040) || (c >= 0xdc00 && c <= 0xdfff);
}

/** XML's Char production, on UTF-16 code units (a surrogate is half of a valid pair once decoded). */
export function isChar(c: number): boolean {
  return c >= 0x20 ? c <= 0xfffd : c === 9 || c === 10 || c === 13;
}

export function isCodePoint(c: number): boolean {
  return c >= 0x20 ? (c <= 0xd7ff || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)) : c === 9 || c === 10 || c === 13;
}

export function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

// Text characters that need a look: 1 blank, 2 ']', 3 CR, 4 not a Char.
export const TEXT = new Uint8Array(128);
for (let c = 0; c < 32; c++) TEXT[c] = 4;
TEXT[9] = 1;
TEXT[10] = 1;
TEXT[32] = 1;
TEXT[13] = 3;
TEXT[93] = 2;

/** Encodings whose bytes are not ASCII-compatible: a UTF-8 file labelled so is refused. */
export const WIDE_ENCODING = /^(utf16|utf32|ucs2|ucs4|iso10646ucs[24])/;
/**
 * The names iconv (behind libxml2) knows, as glibc compares them: lower case without '-', '_'
 * and '.'; another name is "Unsupported encoding".
 */
export const KNOWN_ENCODING =
  /^(utf8|utf7|iso8859(1[0-6]?|[2-9])|isolatin[1-9]|latin[1-9]|l[1-9]|l10|usascii|ascii|us|ansix341968|ansix341986|iso646us|(windows|cp|ms)125[0-8]|cp(437|737|775|850|852|855|857|860|861|862|863|864|865|866|869|874|932|936|949|950|1125)|ibm\d{3,4}|koi8[rut]?|euc(jp|kr|cn|tw)|shiftjis|sjis|mskanji|gb2312|gbk|gb18030|big5(hkscs)?|iso2022(jp|kr|cn)\d?|tis620|macintosh|mac[a-z]*|xmac[a-z]+|hz|hzgb2312|armscii8|viscii|tcvn|georgian(ps|academy)|pt154|rk1048)$/;

/** An encoding name as glibc's iconv matches it. */
export function encodingKey(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, '');
}

/**
 * RFC 3986 URI-reference, as libxml2's xmlParseURI checks namespace names: only URI characters and
 * %-escapes, a scheme starting with a letter, and no ':' in the first segment of a relative one.
 */
export function isUriReference(url: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(url)) return false;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return true;
  const firstSegment = /^[^/?#]*/.exec(url)![0];
  return !firstSegment.includes(':');
}
