/**
 * @fileoverview What may come before the root element, read as libxml2 2.9 reads it: the XML
 * declaration (version, encoding, standalone) and the DOCTYPE, whose internal subset's general
 * entities are kept for the content; other declarations are skipped.
 */
import { encodingKey, isBlank, KNOWN_ENCODING, WIDE_ENCODING } from './xml-chars.js';
import { XmlScanner } from './xml-scanner.js';

// What a value of the XML declaration is (a kind, not a callback: no closure per document).
const VERSION = 0;
const ENCODING = 1;
const STANDALONE = 2;
type DeclValue = typeof VERSION | typeof ENCODING | typeof STANDALONE;

export class XmlPrologReader extends XmlScanner {
  /** General entities of the internal DTD subset. */
  protected entities: Map<string, string> | undefined;

  /** `<?xml ...?>` at the very start (libxml2's xmlParseXMLDecl). */
  protected xmlDecl(): void {
    const s = this.s;
    this.p += 5;
    this.skipBlanks();
    if (!s.startsWith('version', this.p)) throw this.fail(this.p, 'Malformed declaration expecting version');
    this.p += 7;
    // libxml2 reads a digit, then '.' and digits, and complains where that stops.
    const version = this.declValue(VERSION);
    if (!/^[0-9]\.[0-9]*$/.test(version)) throw this.fail(this.p, 'Malformed declaration expecting version');
    if (!version.startsWith('1.')) throw this.fail(this.p, `Unsupported version '${version}'`);
    if (!isBlank(s.charCodeAt(this.p))) {
      if (s.startsWith('?>', this.p)) {
        this.p += 2;
        return;
      }
      throw this.fail(this.p, 'Blank needed here');
    }
    this.skipBlanks();
    let otherEncoding = false;
    if (s.startsWith('encoding', this.p)) {
      this.p += 8;
      const encoding = this.declValue(ENCODING);
      const key = encodingKey(encoding);
      if (WIDE_ENCODING.test(key)) throw this.fail(this.p, `Document labelled ${encoding} but has UTF-8 content`);
      if (!KNOWN_ENCODING.test(key)) throw this.fail(this.p, `Unsupported encoding ${encoding}`);
      const lower = encoding.toLowerCase();
      otherEncoding = lower !== 'utf-8' && lower !== 'utf8';
      if (otherEncoding && !isBlank(s.charCodeAt(this.p))) {
        if (s.startsWith('?>', this.p)) {
          this.p += 2;
          return;
        }
        throw this.fail(this.p, 'Blank needed here');
      }
    }
    this.skipBlanks();
    if (s.startsWith('standalone', this.p)) {
      this.p += 10;
      this.declValue(STANDALONE);
    }
    this.skipBlanks();
    if (!s.startsWith('?>', this.p)) throw this.fail(this.p, "parsing XML declaration: '?>' expected");
    this.p += 2;
  }

  /** `S? = S? "value"` of the XML declaration, of the given kind. */
  protected declValue(kind: DeclValue): string {
    const s = this.s;
    this.skipBlanks();
    if (s.charCodeAt(this.p) !== 61) throw this.fail(this.p, "expected '='");
    this.p++;
    this.skipBlanks();
    const q = s.charCodeAt(this.p);
    if (q !== 34 && q !== 39) throw this.fail(this.p, 'String not started expecting \' or "');
    const from = this.p + 1;
    const end = kind === VERSION ? this.versionEnd(from) : kind === ENCODING ? this.encodingEnd(from) : this.standaloneEnd(from);
    if (s.charCodeAt(end) !== q) throw this.fail(end, 'String not closed expecting " or \'');
    this.p = end + 1;
    return s.slice(from, end);
  }

  /** libxml2 reads a digit, then '.' and digits, and complains where that stops. */
  private versionEnd(from: number): number {
    const s = this.s;
    let p = from;
    if (s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) {
      p++;
      if (s.charCodeAt(p) === 46) for (p++; s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57; p++);
    }
    return p;
  }

  private encodingEnd(from: number): number {
    const s = this.s;
    let c = s.charCodeAt(from);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) throw this.fail(from, 'Invalid XML encoding name');
    let p = from + 1;
    for (c = s.charCodeAt(p); (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45; c = s.charCodeAt(++p));
    return p;
  }

  private standaloneEnd(from: number): number {
    const s = this.s;
    if (s.startsWith('yes', from)) return from + 3;
    if (s.startsWith('no', from)) return from + 2;
    throw this.fail(from, "standalone accepts only 'yes' or 'no'");
  }

  /** `<!DOCTYPE name ExternalID? [subset]? >`: the subset's general entities are kept, the rest skipped. */
  protected doctype(): void {
    const s = this.s;
    this.p += 9;
    this.skipBlanks();
    const end = this.name(this.p);
    if (end < 0) throw this.fail(this.p, 'xmlParseDocTypeDecl : no DOCTYPE name !');
    this.p = end;
    this.skipBlanks();
    this.externalId();
    this.skipBlanks();
    if (s.charCodeAt(this.p) === 91) {
      this.p++;
      this.internalSubset();
      this.skipBlanks();
    }
    if (s.charCodeAt(this.p) !== 62) throw this.fail(this.p, 'DOCTYPE improperly terminated');
    this.p++;
  }

  /** `SYSTEM "uri"` or `PUBLIC "id" "uri"` at p; false when neither keyword is there. */
  protected externalId(): boolean {
    const s = this.s;
    const system = s.startsWith('SYSTEM', this.p);
    if (!system && !s.startsWith('PUBLIC', this.p)) return false;
    this.p += 6;
    if (this.skipBlanks() === 0) throw this.fail(this.p, `Space required after '${system ? 'SYSTEM' : 'PUBLIC'}'`);
    this.literal();
    if (system) return true;
    if (this.skipBlanks() === 0) throw this.fail(this.p, 'Space required after the Public Identifier');
    this.literal();
    return true;
  }

  protected literal(): string {
    const s = this.s;
    const q = s.charCodeAt(this.p);
    if (q !== 34 && q !== 39) throw this.fail(this.p, 'SystemLiteral " or \' expected');
    const end = s.indexOf(q === 34 ? '"' : "'", this.p + 1);
    if (end < 0) throw this.fail(this.n, 'Unfinished System or Public ID " or \' expected');
    const value = s.slice(this.p + 1, end);
    this.p = end + 1;
    return value;
  }

  protected internalSubset(): void {
    const s = this.s;
    for (;;) {
      this.skipBlanks();
      const p = this.p;
      const c = s.charCodeAt(p);
      if (c === 93) {
        this.p++;
        return;
      }
      if (s.startsWith('<!ENTITY', p)) this.entityDecl();
      else if (s.startsWith('<!--', p)) this.comment();
      else if (s.startsWith('<?', p)) this.pi();
      else if (s.startsWith('<!', p)) this.skipDecl();
      else if (c === 37) {
        const end = this.name(p + 1);
        if (end < 0 || s.charCodeAt(end) !== 59) throw this.fail(end < 0 ? p + 1 : end, end < 0 ? 'PEReference: no name' : "PEReference: expecting ';'");
        this.p = end + 1;
      } else throw this.fail(p, 'internal error: xmlParseInternalSubset: error detected in Markup declaration');
    }
  }

  /** A markup declaration skipped up to its `>` (quoted strings may hold one). */
  protected skipDecl(): void {
    const s = this.s;
    for (let p = this.p + 2; p < this.n; p++) {
      const c = s.charCodeAt(p);
      if (c === 62) {
        this.p = p + 1;
        return;
      }
      if (c === 34 || c === 39) {
        const end = s.indexOf(c === 34 ? '"' : "'", p + 1);
        if (end < 0) break;
        p = end;
      }
    }
    throw this.fail(this.n, 'DOCTYPE improperly terminated');
  }

  /** `<!ENTITY name "value">`: character references resolved now, earlier entities expanded. */
  protected entityDecl(): void {
    const s = this.s;
    const declStart = this.p;
    this.p += 8;
    if (this.skipBlanks() === 0) throw this.fail(this.p, "Space required after '<!ENTITY'");
    if (s.charCodeAt(this.p) === 37) {
      this.p = declStart;
      this.skipDecl();
      return;
    }
    const end = this.name(this.p);
    if (end < 0) throw this.fail(this.p, 'xmlParseEntityDecl: no name');
    const name = s.slice(this.p, end);
    this.p = end;
    if (this.skipBlanks() === 0) throw this.fail(this.p, 'Space required after the entity name');
    const q = s.charCodeAt(this.p);
    let value = '';
    if (q === 34 || q === 39) {
      const close = s.indexOf(q === 34 ? '"' : "'", this.p + 1);
      if (close < 0) throw this.fail(this.n, 'EntityValue: " or \' expected');
      value = s
        .slice(this.p + 1, close)
        .replace(/&#x([0-9a-fA-F]+);|&#([0-9]+);/g, (_m, hex: string | undefined, dec: string | undefined) => String.fromCodePoint(Math.min(parseInt(hex ?? dec ?? '0', hex ? 16 : 10), 0x10ffff)))
        .replace(/&([A-Za-z_][\w.-]*);/g, (m, ref: string) => this.entities?.get(ref) ?? m);
      this.p = close + 1;
      this.skipBlanks();
      if (s.charCodeAt(this.p) !== 62) throw this.fail(this.p, `xmlParseEntityDecl: entity ${name} not terminated`);
      this.p++;
    } else {
      // An external entity: lxml does not load it here; its references read as empty.
      if (!this.externalId()) throw this.fail(this.p, 'Entity value required');
      if (s.charCodeAt(this.p) !== 62 && this.skipBlanks() === 0) throw this.fail(this.p, "Space required before 'NDATA'");
      if (s.startsWith('NDATA', this.p)) {
        this.p += 5;
        if (this.skipBlanks() === 0) throw this.fail(this.p, "Space required after 'NDATA'");
        const ndataEnd = this.name(this.p);
        if (ndataEnd < 0) throw this.fail(this.p, "NOTATION: Name expected here");
        this.p = ndataEnd;
      }
      this.skipBlanks();
      if (s.charCodeAt(this.p) !== 62) throw this.fail(this.p, `xmlParseEntityDecl: entity ${name} not terminated`);
      this.p++;
    }
    this.entities ??= new Map();
    if (!this.entities.has(name)) this.entities.set(name, value);
  }
}
