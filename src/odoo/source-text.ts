/**
 * @fileoverview Decodes a file's bytes as Odoo 16 would, and says where Odoo would refuse them:
 * data XML through lxml (UTF-8 unless a BOM or `<?xml … encoding="…"?>` says otherwise), Python
 * modules through the interpreter (UTF-8 unless a PEP 263 coding comment on line 1 or 2 says
 * otherwise), and the manifest and CSV/SQL data as UTF-8 whatever they say (module.py opens the
 * manifest with encoding="utf-8"; convert.py decodes CSV as utf-8; SQL goes to a UTF8 database).
 */
import { isUtf8 } from 'node:buffer';

export type SourceKind = 'xml' | 'python' | 'utf8';

export interface EncodingError {
  kind: SourceKind;
  line: number;
  column: number;
  /** The first byte that is not UTF-8, as 0xHH. */
  byte: string;
}

export interface DecodedSource {
  text: string;
  /** Set when Odoo would refuse the bytes; `text` is then a lossy UTF-8 reading. */
  error?: EncodingError;
}

/** How Odoo decodes a file of the addon, from its name. */
export function sourceKind(rel: string): SourceKind {
  if (rel.endsWith('.xml')) return 'xml';
  if (rel.endsWith('.py') && !/(^|\/)__manifest__\.py$/.test(rel)) return 'python';
  return 'utf8';
}

const XML_DECLARED = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/;
// PEP 263, as the tokenizer reads it: a comment on line 1 or 2.
const PY_CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding the file itself declares (XML declaration or coding comment), if any. */
function declaredEncoding(bytes: Buffer, kind: SourceKind): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (kind === 'xml') return XML_DECLARED.exec(head)?.[1];
  if (kind === 'python') {
    for (const line of head.split('\n').slice(0, 2)) {
      const m = PY_CODING.exec(line);
      if (m) return m[1];
    }
  }
  return undefined;
}

const isUtf8Name = (name: string): boolean => /^utf[-_]?8(?:[-_]sig)?$/i.test(name);

/** Decodes with a declared codec; latin1 (byte for byte) when Node does not know its name. */
function decodeAs(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder(name.replace(/_/g, '-')).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let n = 0;
    let min = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) (n = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if (n > 0 && (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)) return i;
    i += n + 1;
  }
  return -1;
}

function positionOf(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}

export function decodeSource(bytes: Buffer, kind: SourceKind): DecodedSource {
  // The common case costs one validation pass (simdutf) and the decode readFileSync would do.
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  if (kind === 'xml' && bytes.length >= 2) {
    // lxml reads a UTF-16 file by its byte order mark.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  }
  const declared = declaredEncoding(bytes, kind);
  if (declared && !isUtf8Name(declared)) return { text: decodeAs(bytes, declared) };
  const offset = firstInvalidUtf8(bytes);
  const text = bytes.toString('utf8');
  if (offset < 0) return { text };
  return { text, error: { kind, ...positionOf(bytes, offset), byte: `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}` } };
}
