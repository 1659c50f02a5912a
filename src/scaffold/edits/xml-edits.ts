/**
 * @fileoverview Insertion of records at the end of an Odoo XML data file: before the closing tag
 * of the last `<data>` block when the file uses one, otherwise before `</odoo>`. The file is
 * parsed first; a malformed file or another root is refused.
 */
import { RefusedError } from '../../errors.js';
import { descendants, parseXml, type XEl } from '../../odoo/xml.js';
import { applyInsertions, lineStart } from './text-insert.js';

export function appendXmlRecords(source: string, records: string, file: string): string {
  const parsed = parseXml(source);
  if (!parsed.ok) {
    throw new RefusedError(`${file}:${parsed.line}:${parsed.column}: XML is not well-formed (${parsed.message}); nothing was written.`);
  }
  if (parsed.root.tag !== 'odoo' && parsed.root.tag !== 'openerp') {
    throw new RefusedError(`${file}: the root element is <${parsed.root.tag}>, expected <odoo>; nothing was written.`);
  }
  const lastChild = parsed.root.children.at(-1);
  const closing = lastChild?.tag === 'data' ? '</data>' : `</${parsed.root.tag}>`;
  const rootClose = source.lastIndexOf(`</${parsed.root.tag}>`);
  const at = closing === '</data>' ? source.lastIndexOf('</data>', rootClose) : rootClose;
  if (at < 0) throw new RefusedError(`${file}: closing ${closing} not found; nothing was written.`);
  // Insert on its own line, before the line that holds the closing tag.
  const start = lineStart(source, at);
  const onOwnLine = source.slice(start, at).trim() === '';
  const text = records.endsWith('\n') ? records : `${records}\n`;
  return applyInsertions(source, [onOwnLine ? { at: start, text } : { at, text: `\n${text}` }]);
}

type ElementMatch = (tag: string, attrs: Record<string, string>) => boolean;

/**
 * Inserts `text` (complete lines) before the closing tag of the first element matching `match`,
 * or, with `before`, before its first child matching `before` when it has one; returns undefined
 * when there is no such element. The closing tag is found by counting the element's own tag name
 * from its start, so nested elements of other names do not matter.
 */
export function insertIntoElement(
  source: string,
  match: ElementMatch,
  text: string,
  file: string,
  before?: ElementMatch,
): string | undefined {
  const parsed = parseXml(source);
  if (!parsed.ok) {
    throw new RefusedError(`${file}:${parsed.line}:${parsed.column}: XML is not well-formed (${parsed.message}); nothing was written.`);
  }
  let found: XEl | undefined;
  for (const el of descendants(parsed.root)) {
    if (!match(el.tag, el.attrs)) continue;
    found = el;
    break;
  }
  if (!found) return undefined;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const child = before ? found.children.find((c) => before(c.tag, c.attrs)) : undefined;
  if (child) {
    const lineBegin = lineStart(source, child.offset);
    const own = source.slice(lineBegin, child.offset).trim() === '';
    return applyInsertions(source, [{ at: own ? lineBegin : child.offset, text: body }]);
  }
  const start = found.offset;
  const tag = found.tag;
  // attribute values may hold '>' (attrs domains), so quoted strings are skipped whole
  const pattern = new RegExp(`<(/?)${tag}(?=[\\s/>])(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`, 'g');
  pattern.lastIndex = start;
  let depth = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) {
      if (!m[1]) return undefined; // self-closing: nothing to insert into
      const lineBegin = lineStart(source, m.index);
      const own = source.slice(lineBegin, m.index).trim() === '';
      return applyInsertions(source, [own ? { at: lineBegin, text: body } : { at: m.index, text: `\n${body}` }]);
    }
  }
  return undefined;
}

/** The ids of the elements of an XML data file that carry one. */
export function xmlIds(source: string): Set<string> {
  const parsed = parseXml(source);
  const ids = new Set<string>();
  if (!parsed.ok) return ids;
  for (const el of descendants(parsed.root)) if (el.attrs.id) ids.add(el.attrs.id);
  return ids;
}
