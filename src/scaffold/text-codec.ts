/**
 * @fileoverview Files are edited as text but kept byte for byte: a file is decoded in the encoding
 * it declares (a PEP 263 coding cookie in Python, the XML declaration) or else as UTF-8, and only
 * when that decoding is lossless; what cannot be decoded exactly is refused, never patched with
 * U+FFFD. Encoding back gives the original bytes for every untouched character.
 */
import { RefusedError } from '../errors.js';

/** The encodings odoo-connector can round-trip: UTF-8, and latin-1 (one byte per character). */
export type TextEncoding = 'utf8' | 'latin1';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const LATIN1_NAMES = new Set(['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'iso-latin-1', 'l1', 'cp819', '8859', 'latin']);
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'utf-8-sig', 'u8', 'utf', 'ascii', 'us-ascii']);

/** PEP 263: a comment on line 1 or 2 matching `coding[:=]\s*([-\w.]+)`. */
const CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** `<?xml version="1.0" encoding="ISO-8859-1"?>` at the very start. */
const XML_ENCODING = /^(?:\uFEFF)?<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** The encoding a file declares, read from its first bytes (ASCII in every encoding handled). */
export function declaredEncoding(path: string, bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (path.endsWith('.py')) {
    const lines = head.split(/\r?\n|\r/, 2);
    for (const [index, line] of lines.entries()) {
      const match = CODING_COOKIE.exec(line);
      if (match) return match[1];
      // the cookie may be on line 2 only when line 1 is a comment or blank
      if (index === 0 && !/^[ \t\f]*(#.*)?$/.test(line)) break;
    }
    return undefined;
  }
  if (path.endsWith('.xml')) return XML_ENCODING.exec(head)?.[1];
  return undefined;
}

function normalized(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** 1-based line of the first byte sequence that is not UTF-8. */
function firstInvalidUtf8Line(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes `bytes` losslessly or refuses, naming the file (`path` is what the message shows). */
export function decodeText(path: string, bytes: Buffer): DecodedText {
  const declared = declaredEncoding(path, bytes);
  const name = declared === undefined ? 'utf-8' : normalized(declared);
  if (LATIN1_NAMES.has(name)) return { text: bytes.toString('latin1'), encoding: 'latin1' };
  if (!UTF8_NAMES.has(name)) {
    throw new RefusedError(
      `${path}: declares the encoding ${JSON.stringify(declared)}, which odoo-connector cannot edit byte for byte ` +
        '(it edits UTF-8 and latin-1 files). Convert the file to UTF-8 first. Nothing was written.',
    );
  }
  let text: string;
  try {
    // ignoreBOM keeps a byte order mark in the text, so that it is written back
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new RefusedError(
      `${path}:${firstInvalidUtf8Line(bytes)}: is not valid ${declared === undefined ? 'UTF-8 and declares no other encoding' : declared}; ` +
        'odoo-connector would have to change bytes it does not understand. Convert the file to UTF-8' +
        `${path.endsWith('.py') ? ' or declare its encoding ("# -*- coding: latin-1 -*-")' : ''}. Nothing was written.`,
    );
  }
  if (/^(ascii|us-ascii)$/.test(name) && /[^\x00-\x7f]/.test(text)) {
    throw new RefusedError(`${path}: declares ${declared} but holds non-ASCII bytes; fix its encoding declaration. Nothing was written.`);
  }
  return { text, encoding: 'utf8' };
}

/** Encodes text for a file of `encoding`, refusing characters latin-1 cannot hold. */
export function encodeText(path: string, text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'latin1') {
    const offending = /[^\u0000-\u00ff]/.exec(text);
    if (offending) {
      throw new RefusedError(
        `${path}: is latin-1 and cannot hold ${JSON.stringify(offending[0])} (U+${offending[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) ` +
          'that odoo-connector would insert; convert the file to UTF-8. Nothing was written.',
      );
    }
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(text, 'utf8');
}
