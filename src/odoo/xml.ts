/**
 * @fileoverview Reads XML data files into a small element tree with 1-based positions.
 * fast-xml-parser gives each element's start offset (captureMetaData); XMLValidator reports
 * well-formedness errors with their line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from './text.js';

export interface XEl {
  tag: string;
  attrs: Record<string, string>;
  children: XEl[];
  /** Concatenated direct text content, trimmed. */
  text: string;
  line: number;
  column: number;
  /** Character offset of the element's `<`, for edits at parsed positions. */
  offset: number;
  parent?: XEl;
}

export type XmlResult = { ok: true; root: XEl } | { ok: false; line: number; column: number; message: string };

const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** Deepest element nesting lxml (libxml2 without XML_PARSE_HUGE) accepts: the root plus 256 levels. */
export const MAX_DEPTH = 257;

const parser = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  allowBooleanAttributes: true,
  processEntities: true,
  htmlEntities: true,
  // Odoo parses data files with lxml, whose libxml2 refuses elements with more than 256 ancestors
  // ("Excessive depth in document"); the same bound keeps every tree walker here shallow.
  // (the option counts ancestors: it lets an element have at most that many).
  maxNestedTags: MAX_DEPTH - 1,
  // No callback here reads an element's path: without this, the parser builds its string for every
  // text and attribute list (4 % of the XML parse time on Odoo's tree).
  jPath: false,
});

type RawNode = Record<string, unknown>;

/** Recursive, but the parser refuses nesting deeper than MAX_DEPTH, so the stack stays shallow. */
function convert(raw: RawNode, index: LineIndex, parent: XEl | undefined): XEl | undefined {
  const tag = Object.keys(raw).find((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?'));
  if (!tag) return undefined;
  const meta = (raw as Record<string, { startIndex?: number } | undefined>)[META];
  const offset = meta?.startIndex ?? 0;
  const el: XEl = { tag, attrs: (raw[':@'] as Record<string, string>) ?? {}, children: [], text: '', offset, ...index.at(offset) };
  if (parent) el.parent = parent;
  let text = '';
  for (const child of (raw[tag] as RawNode[]) ?? []) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const c = convert(child, index, el);
      if (c) el.children.push(c);
    }
  }
  el.text = text.trim();
  return el;
}

/** Parses an XML file; a malformed file yields its first error instead of a tree. */
export function parseXml(source: string): XmlResult {
  const valid = XMLValidator.validate(source, { allowBooleanAttributes: true });
  if (valid !== true) return { ok: false, line: valid.err.line, column: valid.err.col, message: valid.err.msg };
  try {
    const raw = parser.parse(source) as RawNode[];
    const index = new LineIndex(source);
    for (const node of raw) {
      const el = convert(node, index, undefined);
      if (el) return { ok: true, root: el };
    }
    return { ok: false, line: 1, column: 1, message: 'no root element' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Maximum nested tags/.test(message)) return { ok: false, line: 1, column: 1, message: `elements are nested more than ${MAX_DEPTH - 1} levels deep, which lxml (Odoo's XML parser) refuses` };
    return { ok: false, line: 1, column: 1, message };
  }
}

/** Every element below (and including) `el`, in document order (an explicit stack: no recursion). */
export function* descendants(el: XEl): Generator<XEl> {
  const stack: XEl[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
}
