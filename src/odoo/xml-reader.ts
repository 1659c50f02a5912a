/**
 * @fileoverview A one-pass XML reader that builds our element tree and refuses what Odoo's parser
 * refuses. Odoo reads data files with lxml, i.e. libxml2 2.9 (`etree.parse`, namespaces on, no
 * DTD loading, no recovery): the checks here, in ./xml-prolog.ts and in ./xml-scanner.ts follow
 * libxml2's parser.c in order, so the first error found is the first one lxml reports, at the same
 * line and column and with the same wording. Positions are the offsets of a single scan; lines are
 * counted as it goes. This file reads the root element and its content with an explicit stack.
 */
import { isBlank, isChar, isCodePoint, isUriReference, TEXT } from './xml-chars.js';
import { ownCopy, StringBatch } from './detach-strings.js';
import { XmlPrologReader } from './xml-prolog.js';
import { clip50, XmlSyntaxError } from './xml-scanner.js';

export { XmlSyntaxError } from './xml-scanner.js';

export interface XEl {
  tag: string;
  attrs: Record<string, string>;
  children: XEl[];
  /** Concatenated direct text content, trimmed. */
  text: string;
  /** Character offset of the element's `<`, for edits at parsed positions. */
  offset: number;
  /** 1-based line of the `<` (lines end at LF). */
  line: number;
  /** 1-based column of the `<`, in UTF-16 units like the tool's other positions. */
  column: number;
  parent?: XEl;
}

/** Deepest element nesting lxml (libxml2 without XML_PARSE_HUGE) accepts: the root plus 256 levels. */
export const MAX_DEPTH = 257;

const DEPTH_MESSAGE = `elements are nested more than ${MAX_DEPTH - 1} levels deep, which lxml (Odoo's XML parser) refuses`;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const COMMON_DECL = '<?xml version="1.0" encoding="utf-8"?>';
const COMMON_DECL_UPPER = '<?xml version="1.0" encoding="UTF-8"?>';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Children of every leaf, and attributes of every element without any: nobody edits a parsed tree. */
const NO_CHILDREN: XEl[] = Object.freeze([]) as unknown as XEl[];
const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Short names and values seen lately, by a hash of length and first and last characters: tags like
 * `field` and values like `1` come back thousands of times, and a hit costs neither an allocation nor
 * memory per element. Only strings under 13 characters, which V8 copies rather than slices, so
 * nothing here keeps a file's text alive.
 */
const RECENT: Array<string | undefined> = new Array<string | undefined>(1024).fill(undefined);
const RECENT_MAX = 12;

/**
 * Tags of 13 characters or more (`cbc:CompanyID`, `we-colorpicker`), each as one copy of its own:
 * few, and they repeat. A tag copied after its element was made had V8 turn the element's `tag`
 * field mutable, and throw away the reader's optimised code, the first time it happened in a run.
 */
const LONG_TAGS = new Map<string, string>();
const LONG_TAGS_MAX = 4096;

function longTag(slice: string): string {
  let tag = LONG_TAGS.get(slice);
  if (tag === undefined) {
    tag = ownCopy(slice);
    if (LONG_TAGS.size < LONG_TAGS_MAX) LONG_TAGS.set(tag, tag);
  }
  return tag;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i > 0 ? qname.slice(i + 1) : qname;
}

// Every construct the reader accepts, each more than V8's eight calls before it keeps type feedback.
const WARM_UP_RECORD = `
  <record id="r" model="ir.ui.view" t:a='x &amp; &lt;y&gt; &#65;&#x42; &e; \u00e9\t\r\n\rz'>
    <field name="arch" type="xml">text &amp; &#10;&#x20;&e; \u00e9 \u{1f600} ] ]]\r\n<![CDATA[a\r\nb]]><!-- c \u00e9 --><?pi d?>
      <t:n xmlns:u="urn:u" u:v="1"  w = "2"><\u00e9/>\t</t:n  >
    </field >
    <x/><y></y><a_long_tag_name a_long_attribute="a long attribute value"/>
  </record>`;
const WARM_UP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE odoo [<!ENTITY e "ent">]>
<!-- c --><?pi x?>
<odoo xmlns:t="urn:t" xmlns="urn:d">${WARM_UP_RECORD.repeat(12)}
</odoo>
<!-- end -->
`;
let warm = false;

/**
 * Reads a small document of every construct, once per thread, before a long run's first file: V8
 * then optimises the reader with type feedback for all its branches, instead of throwing the
 * optimised code away and compiling it again each time a file shows a construct for the first time
 * (a CDATA section, a reference, a CR...): over Odoo's tree that was ~15 recompilations of the
 * largest functions, 0.5 s of compiler CPU. A short run never optimises it (validate/run-tiering.ts).
 */
export function warmUpXmlReader(): void {
  if (warm) return;
  warm = true;
  for (let i = 0; i < 2; i++) new Reader(WARM_UP).document();
}

/** Reads `source` (a decoded document) into its root element, or throws its first XmlSyntaxError. */
export function readXml(source: string): XEl {
  return new Reader(source).document();
}

class Reader extends XmlPrologReader {
  // Line counting, forward only: the line of `lineStart` and the next newline after it.
  private line = 1;
  private lineStart = 0;
  private nextNl: number;
  /** Namespace bindings in scope, as prefix/URI pairs ('' for the default namespace). */
  private readonly ns: string[] = [];
  /** Tags, values and texts cut from the source, copied once the tree is read (detach-strings.ts). */
  private readonly cut = new StringBatch();
  /**
   * Attributes as read, element by element (`attrFrom[k]` is where attrOwners[k]'s names and values
   * start): their objects are made once the values are copies (attachAttributes). An attributes
   * object written again after it was made (by the copy) had V8 turn its fields from constant to
   * mutable, for every new set of attribute names in a run, and throw away the optimised code of
   * the reader that had added them (startTag compiled 3-4 times per thread over Odoo's tree).
   */
  private readonly attrOwners: XEl[] = [];
  private readonly attrFrom: number[] = [];
  private readonly attrNames: string[] = [];
  private readonly attrValues: string[] = [];

  constructor(s: string) {
    super(s);
    this.nextNl = s.indexOf('\n');
  }

  document(): XEl {
    const s = this.s;
    if (this.n === 0) throw this.fail(0, 'Document is empty');
    if (s.charCodeAt(0) === 0xfeff) this.p = 1;
    if (s.startsWith('<?xml', this.p) && isBlank(s.charCodeAt(this.p + 5))) {
      // Most files start with one of two declarations, fine as they are: the full check (and its
      // compilation by V8, costlier than running it) is for the others.
      if (s.startsWith(COMMON_DECL, this.p) || s.startsWith(COMMON_DECL_UPPER, this.p)) this.p += COMMON_DECL.length;
      else this.xmlDecl();
      this.skipBlanks();
    }
    this.misc();
    if (s.startsWith('<!DOCTYPE', this.p)) {
      this.doctype();
      this.misc();
    }
    if (s.charCodeAt(this.p) !== 60) throw this.fail(this.p, "Start tag expected, '<' not found");
    const root = this.content();
    this.misc();
    if (this.p < this.n) throw this.fail(this.p, 'Extra content at the end of the document');
    // Parses may outlive the text (validate keeps them for its rules phase, not the texts).
    this.cut.detach();
    this.attachAttributes();
    return root;
  }

  /** Gives each element with attributes its object, from the values copied by then. */
  private attachAttributes(): void {
    const { attrOwners: owners, attrFrom: from, attrNames: names, attrValues: values } = this;
    const count = owners.length;
    for (let k = 0; k < count; k++) {
      const end = k + 1 < count ? from[k + 1]! : names.length;
      const attrs: Record<string, string> = {};
      for (let i = from[k]!; i < end; i++) {
        const name = names[i]!;
        if (name === '__proto__') Object.defineProperty(attrs, name, { value: values[i], enumerable: true, writable: true, configurable: true });
        else attrs[name] = values[i]!;
      }
      owners[k]!.attrs = attrs;
    }
  }

  /** Comments, processing instructions and blanks around the root. */
  private misc(): void {
    const s = this.s;
    for (;;) {
      this.skipBlanks();
      if (s.charCodeAt(this.p) !== 60) return;
      const c1 = s.charCodeAt(this.p + 1);
      if (c1 === 63) this.pi();
      else if (c1 === 33 && s.startsWith('--', this.p + 2)) this.comment();
      else return;
    }
  }

  /** A QName at p (libxml2's xmlParseQName): its end (p moves there), or -1 when no name starts here. */
  private qname(): number {
    const s = this.s;
    const start = this.p;
    const e = this.ncname(start);
    if (e < 0) {
      if (s.charCodeAt(start) === 58) {
        const e2 = this.name(start);
        if (e2 > 0) throw this.fail(e2, `Failed to parse QName '${s.slice(start, e2)}'`);
      }
      return -1;
    }
    if (s.charCodeAt(e) !== 58) return (this.p = e);
    const e2 = this.ncname(e + 1);
    if (e2 < 0) throw this.fail(e + 1, `Failed to parse QName '${s.slice(start, e + 1)}'`);
    if (s.charCodeAt(e2) === 58) throw this.fail(e2, `Failed to parse QName '${s.slice(start, e2 + 1)}'`);
    return (this.p = e2);
  }

  /** `s.slice(start, end)`, shared with earlier equal strings when short. */
  private recent(start: number, end: number): string {
    const s = this.s;
    const len = end - start;
    if (len > RECENT_MAX || len === 0) return s.slice(start, end);
    const h = (len * 97 + s.charCodeAt(start) * 31 + s.charCodeAt(end - 1)) & 1023;
    const cached = RECENT[h];
    if (cached !== undefined && cached.length === len && s.startsWith(cached, start)) return cached;
    const fresh = s.slice(start, end);
    RECENT[h] = fresh;
    return fresh;
  }

  private lookupNs(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    const ns = this.ns;
    for (let i = ns.length - 2; i >= 0; i -= 2) if (ns[i] === prefix) return ns[i + 1];
    return undefined;
  }

  /** The root element and everything in it, with an explicit stack (no recursion per level). */
  private content(): XEl {
    const s = this.s;
    const n = this.n;
    const stack: XEl[] = [];
    const texts: string[] = [];
    const nsMarks: number[] = [];
    // Children of the open elements, one run per level (childMarks): each element gets an array of
    // its exact size at its end tag instead of one grown by pushes (16 slots for a single child).
    const pending: XEl[] = [];
    const childMarks: number[] = [];
    const root = this.startTag(stack, texts, nsMarks, pending, childMarks);
    while (stack.length) {
      const p = this.p;
      if (p >= n) {
        const top = stack[stack.length - 1]!;
        throw this.fail(n, `Premature end of data in tag ${localName(top.tag)} line ${top.line}`);
      }
      const c = s.charCodeAt(p);
      if (c === 60) {
        const c1 = s.charCodeAt(p + 1);
        if (c1 === 47) this.endTag(stack, texts, nsMarks, pending, childMarks);
        else if (c1 === 63) this.pi();
        else if (c1 === 33 && s.startsWith('[CDATA[', p + 2)) this.addText(texts, stack.length, this.cdata(), false);
        else if (c1 === 33 && s.startsWith('--', p + 2)) this.comment();
        else this.startTag(stack, texts, nsMarks, pending, childMarks);
      } else if (c === 38) {
        this.addText(texts, stack.length, s.charCodeAt(p + 1) === 35 ? this.charRef() : this.entityRef(false), false);
      } else {
        this.charData(texts, stack.length);
      }
    }
    return root;
  }

  private addText(texts: string[], depth: number, text: string, blank: boolean): void {
    const i = depth - 1;
    // Leading blanks are trimmed away anyway.
    if (blank && texts[i] === '') return;
    texts[i] += text;
  }

  /** Moves the line count to `offset` (>= every earlier call's), counting newlines once. */
  private advanceLines(offset: number): void {
    while (this.nextNl !== -1 && this.nextNl < offset) {
      this.line++;
      this.lineStart = this.nextNl + 1;
      this.nextNl = this.s.indexOf('\n', this.lineStart);
    }
  }

  private startTag(stack: XEl[], texts: string[], nsMarks: number[], pending: XEl[], childMarks: number[]): XEl {
    const s = this.s;
    const start = this.p;
    if (stack.length >= MAX_DEPTH) throw this.fail(start, DEPTH_MESSAGE);
    this.p = start + 1;
    const nameEnd = this.qname();
    if (nameEnd < 0) throw this.fail(this.p, 'StartTag: invalid element name');
    const tag = nameEnd - start - 1 > RECENT_MAX ? longTag(s.slice(start + 1, nameEnd)) : this.recent(start + 1, nameEnd);
    this.advanceLines(start);
    const cut = this.cut;
    const parent = stack[stack.length - 1];
    // One shape per kind (the root has no parent property), all fields set at once.
    const el: XEl = parent
      ? { tag, attrs: NO_ATTRS, children: NO_CHILDREN, text: '', offset: start, line: this.line, column: start - this.lineStart + 1, parent }
      : { tag, attrs: NO_ATTRS, children: NO_CHILDREN, text: '', offset: start, line: this.line, column: start - this.lineStart + 1 };
    const nsMark = this.ns.length;
    let names: string[] | undefined;
    let first = true;
    this.skipBlanks();
    for (;;) {
      const c = s.charCodeAt(this.p);
      if (c === 62 || (c === 47 && s.charCodeAt(this.p + 1) === 62) || !(c >= 32 || c === 9 || c === 10 || c === 13)) break;
      const aStart = this.p;
      const aEnd = this.qname();
      if (aEnd < 0) throw this.fail(this.p, 'error parsing attribute name');
      const aname = this.recent(aStart, aEnd);
      this.skipBlanks();
      if (s.charCodeAt(this.p) !== 61) throw this.fail(this.p, `Specification mandates value for attribute ${localName(aname)}`);
      this.p++;
      this.skipBlanks();
      const value = this.attValue();
      if (aname === 'xmlns' || aname.startsWith('xmlns:')) this.declareNs(aname, value, nsMark);
      else (names ??= []).push(aname);
      if (first) {
        first = false;
        this.attrOwners.push(el);
        this.attrFrom.push(this.attrNames.length);
      }
      this.attrNames.push(aname);
      cut.note(this.attrValues, this.attrValues.push(value) - 1, value);
      const d = s.charCodeAt(this.p);
      if (d === 62 || (d === 47 && s.charCodeAt(this.p + 1) === 62)) break;
      if (this.skipBlanks() === 0) throw this.fail(this.p, 'attributes construct error');
    }
    if (names) this.checkAttributes(names, tag);
    const colon = tag.indexOf(':');
    if (colon > 0 && this.lookupNs(tag.slice(0, colon)) === undefined) {
      throw this.fail(this.p, `Namespace prefix ${tag.slice(0, colon)} on ${tag.slice(colon + 1)} is not defined`);
    }
    if (parent) pending.push(el);
    const c = s.charCodeAt(this.p);
    if (c === 47 && s.charCodeAt(this.p + 1) === 62) {
      this.p += 2;
      this.ns.length = nsMark;
    } else if (c === 62) {
      this.p++;
      texts[stack.length] = '';
      stack.push(el);
      nsMarks.push(nsMark);
      childMarks.push(pending.length);
    } else {
      throw this.fail(this.p, `Couldn't find end of Start Tag ${localName(tag)} line ${el.line}`);
    }
    return el;
  }

  /** libxml2's checks of xmlns attributes, then the binding. */
  private declareNs(aname: string, url: string, nsMark: number): void {
    const prefix = aname.length === 5 ? '' : aname.slice(6);
    if (prefix === '') {
      if (url === XML_NS) throw this.fail(this.p, 'xml namespace URI cannot be the default namespace');
      if (url === XMLNS_NS) throw this.fail(this.p, 'reuse of the xmlns namespace name is forbidden');
    } else {
      if (prefix === 'xml') {
        if (url !== XML_NS) throw this.fail(this.p, 'xml namespace prefix mapped to wrong URI');
        return;
      }
      if (url === XML_NS) throw this.fail(this.p, 'xml namespace URI mapped to wrong prefix');
      if (prefix === 'xmlns') throw this.fail(this.p, 'redefinition of the xmlns prefix is forbidden');
      if (url === XMLNS_NS) throw this.fail(this.p, 'reuse of the xmlns namespace name is forbidden');
      if (url === '') throw this.fail(this.p, `xmlns:${prefix}: Empty XML namespace is not allowed`);
    }
    if (url !== '' && !isUriReference(url)) {
      throw this.fail(this.p, prefix ? `xmlns:${prefix}: '${url}' is not a valid URI` : `xmlns: '${url}' is not a valid URI`);
    }
    for (let i = nsMark; i < this.ns.length; i += 2) {
      if (this.ns[i] === prefix) throw this.fail(this.p, prefix ? `Attribute xmlns:${prefix} redefined` : 'Attribute xmlns redefined');
    }
    this.ns.push(prefix, url);
  }

  /** After the attribute list, as libxml2 does: undefined prefixes, then duplicates, attribute by attribute. */
  private checkAttributes(names: string[], tag: string): void {
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const colon = name.indexOf(':');
      let uri: string | undefined;
      if (colon > 0) {
        uri = this.lookupNs(name.slice(0, colon));
        if (uri === undefined) {
          throw this.fail(this.p, `Namespace prefix ${name.slice(0, colon)} for ${name.slice(colon + 1)} on ${localName(tag)} is not defined`);
        }
      }
      for (let j = 0; j < i; j++) {
        const other = names[j]!;
        if (other === name) throw this.fail(this.p, `Attribute ${name} redefined`);
        if (uri !== undefined && localName(other) === localName(name) && other.indexOf(':') > 0 && this.lookupNs(other.slice(0, other.indexOf(':'))) === uri) {
          throw this.fail(this.p, `Namespaced Attribute ${localName(name)} in '${uri}' redefined`);
        }
      }
    }
  }

  /** A quoted attribute value, normalised as XML says (blanks become spaces, references resolved). */
  private attValue(): string {
    const s = this.s;
    const q = s.charCodeAt(this.p);
    if (q !== 34 && q !== 39) throw this.fail(this.p, 'AttValue: " or \' expected');
    const start = this.p + 1;
    let p = start;
    let c = s.charCodeAt(p);
    while (c !== q && c >= 32 && c < 127 && c !== 38 && c !== 60) c = s.charCodeAt(++p);
    if (c === q) {
      this.p = p + 1;
      return this.recent(start, p);
    }
    let out = s.slice(start, p);
    for (;;) {
      if (c === q) break;
      if (c === 60) throw this.fail(p, "Unescaped '<' not allowed in attributes values");
      if (c === 38) {
        this.p = p;
        out += s.charCodeAt(p + 1) === 35 ? this.charRef() : this.entityRef(true);
        p = this.p;
      } else if (c === 9 || c === 10) {
        out += ' ';
        p++;
      } else if (c === 13) {
        out += ' ';
        p += s.charCodeAt(p + 1) === 10 ? 2 : 1;
      } else if (p >= this.n) {
        throw this.fail(p, "AttValue: ' expected");
      } else if (!isChar(c)) {
        throw this.badChar(p, 'invalid character in attribute value');
      } else {
        const from = p;
        do c = s.charCodeAt(++p);
        while (c !== q && c >= 32 && c <= 0xfffd && c !== 38 && c !== 60);
        out += s.slice(from, p);
        continue;
      }
      c = s.charCodeAt(p);
    }
    this.p = p + 1;
    return out;
  }

  /** `&#...;` at p. */
  private charRef(): string {
    const s = this.s;
    let p = this.p + 2;
    let val = 0;
    if (s.charCodeAt(p) === 120) {
      for (p++; s.charCodeAt(p) !== 59; p++) {
        const c = s.charCodeAt(p);
        const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
        if (d < 0) throw this.fail(p, 'CharRef: invalid hexadecimal value');
        val = Math.min(val * 16 + d, 0x110000);
      }
    } else {
      for (; s.charCodeAt(p) !== 59; p++) {
        const c = s.charCodeAt(p);
        if (c < 48 || c > 57) throw this.fail(p, 'CharRef: invalid decimal value');
        val = Math.min(val * 10 + c - 48, 0x110000);
      }
    }
    this.p = ++p;
    if (val >= 0x110000) throw this.fail(p, 'xmlParseCharRef: character reference out of bounds');
    if (!isCodePoint(val)) throw this.fail(p, `xmlParseCharRef: invalid xmlChar value ${val}`);
    return String.fromCodePoint(val);
  }

  /** `&name;` at p: a predefined entity or one of the internal subset. */
  private entityRef(inAttribute: boolean): string {
    const s = this.s;
    const start = this.p + 1;
    const end = this.name(start);
    if (end < 0) throw this.fail(start, 'xmlParseEntityRef: no name');
    if (s.charCodeAt(end) !== 59) throw this.fail(end, "EntityRef: expecting ';'");
    this.p = end + 1;
    const name = s.slice(start, end);
    const predefined = PREDEFINED[name];
    if (predefined !== undefined && Object.hasOwn(PREDEFINED, name)) return predefined;
    const value = this.entities?.get(name);
    if (value === undefined) throw this.fail(this.p, `Entity '${name}' not defined`);
    if (inAttribute) {
      if (value.includes('<')) throw this.fail(this.p, `'<' in entity '${name}' is not allowed in attributes values`);
      return value.replace(/[\t\n\r]/g, ' ');
    }
    return value;
  }

  /** Character data up to the next `<` or `&`. */
  private charData(texts: string[], depth: number): void {
    const s = this.s;
    const start = this.p;
    let p = start;
    let blank = true;
    let cr = false;
    for (;;) {
      const c = s.charCodeAt(p);
      if (c < 128) {
        if (c === 60 || c === 38) break;
        const t = TEXT[c]!;
        if (t === 3) cr = true;
        else if (t !== 1) {
          blank = false;
          if (t === 2) {
            if (s.charCodeAt(p + 1) === 93 && s.charCodeAt(p + 2) === 62) throw this.fail(p, "Sequence ']]>' not allowed in content");
          } else if (t === 4) {
            throw this.fail(p, `PCDATA invalid Char value ${c}`);
          }
        }
      } else if (c > 0xfffd) {
        throw this.fail(p, `Char 0x${c.toString(16).toUpperCase()} out of allowed range`);
      } else if (c !== c) {
        break; // end of input
      } else {
        blank = false;
      }
      p++;
    }
    this.p = p;
    let text = s.slice(start, p);
    if (cr) {
      text = text.replace(/\r\n?/g, '\n');
      blank = /^[ \t\n]*$/.test(text);
    }
    this.addText(texts, depth, text, blank);
  }

  /** `<![CDATA[...]]>` at p: its text. */
  private cdata(): string {
    const s = this.s;
    const start = this.p + 9;
    const end = s.indexOf(']]>', start);
    const stop = end < 0 ? this.n : end;
    // libxml2's message quotes the section up to two characters before where it stopped.
    const unfinished = (at: number): XmlSyntaxError => this.fail(at, `CData section not finished\n${clip50(s.slice(start, Math.max(start, at - 2)))}`);
    for (let p = start; p < stop; p++) if (!isChar(s.charCodeAt(p))) throw s.charCodeAt(p) >= 0x80 ? this.badChar(p, '') : unfinished(p);
    if (end < 0) throw unfinished(this.n);
    this.p = end + 3;
    const text = s.slice(start, end);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }

  private endTag(stack: XEl[], texts: string[], nsMarks: number[], pending: XEl[], childMarks: number[]): void {
    const s = this.s;
    const el = stack[stack.length - 1]!;
    const tag = el.tag;
    let p = this.p + 2;
    let name: string | undefined = tag;
    const c = s.charCodeAt(p + tag.length);
    if (s.startsWith(tag, p) && (c === 62 || isBlank(c))) {
      p += tag.length;
      this.p = p;
    } else {
      this.p = p;
      const end = tag.includes(':') ? this.qname() : this.name(p);
      name = end < 0 ? undefined : s.slice(p, end);
      if (end >= 0) this.p = end;
    }
    this.skipBlanks();
    if (s.charCodeAt(this.p) !== 62) throw this.fail(this.p, "expected '>'");
    this.p++;
    if (name !== tag) {
      const got = name === undefined ? 'unparsable' : tag.includes(':') ? localName(name) : name;
      throw this.fail(this.p, `Opening and ending tag mismatch: ${localName(tag)} line ${el.line} and ${got}`);
    }
    const i = stack.length - 1;
    const text = texts[i]!;
    if (text !== '') {
      el.text = text.trim();
      this.cut.note(el, 'text', el.text);
    }
    const mark = childMarks.pop()!;
    if (pending.length > mark) {
      el.children = pending.slice(mark);
      pending.length = mark;
    }
    stack.pop();
    this.ns.length = nsMarks.pop()!;
  }

}
