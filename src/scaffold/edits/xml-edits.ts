/**
 * @fileoverview Insertion of records at the end of an Odoo XML data file: before the closing tag
 * of the last `<data>` block when the file uses one, otherwise before `</odoo>`. The file is
 * parsed first; a malformed file or another root is refused.
 */
import { RefusedError } from '../../errors.js';
import { parseXml } from '../../odoo/xml.js';
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
