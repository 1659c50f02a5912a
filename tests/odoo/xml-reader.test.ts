/**
 * The XML reader against lxml (libxml2, Odoo's parser): a table of well-formed and malformed
 * documents with lxml's own verdicts (line, column, message), the tree it builds, and a
 * differential run of mutants through lxml where a Python with lxml is installed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendants, MAX_DEPTH, parseXml, type XEl } from '../../src/odoo/xml.js';
import { xmlMutants } from '../helpers/xml-mutants.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'data-and-views.xml');
const JUDGE = join(import.meta.dirname, '..', 'helpers', 'lxml_judge.py');

/** Each document with lxml's verdict: null when it parses, else [line, column, message start]. */
const CASES: Array<[string, [number, number, string] | null]> = [
  ['<odoo/>', null],
  ['<?xml version="1.0" encoding="utf-8"?>\n<odoo>\n  <record id="a" model="res.partner"/>\n</odoo>\n', null],
  ['<?xml version=\'1.0\' encoding=\'ISO-8859-1\' standalone=\'yes\'?><a/>', null],
  ['\uFEFF<?xml version="1.0"?><a/>', null],
  ['<!-- c --><?pi x?><a/><!-- after -->\n', null],
  ['<a><![CDATA[<b>&amp;</b>]]></a>', null],
  ['<a>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;</a>', null],
  ['<a x="&lt;&#10;" y=\'"\'/>', null],
  ['<!DOCTYPE a [<!ENTITY e "ee">]><a x="&e;">&e;</a>', null],
  ['<!DOCTYPE odoo SYSTEM "odoo.dtd"><odoo/>', null],
  ['<a xmlns:t="urn:t"><t:b t:c="1"/></a>', null],
  ['<a xml:lang="fr"/>', null],
  ['<a\n  b = "1"\n/>', null],
  ['<a></a >', null],
  ['<?xml version="1.1"?><a/>', null],
  ['', [1, 1, 'Document is empty']],
  ['   \n', [2, 1, 'Start tag expected, \'<\' not found']],
  ['text', [1, 1, 'Start tag expected, \'<\' not found']],
  ['<odoo>\n  <record id="a" model="res.partner">\n</odoo>\n', [3, 8, 'Opening and ending tag mismatch: record line 2 and odoo']],
  ['<odoo>\n  <record>\n    <field name="x">1</record>\n</odoo>', [3, 31, 'Opening and ending tag mismatch: field line 3 and record']],
  ['<odoo>\n  <record>\n', [3, 1, 'Premature end of data in tag record line 2']],
  ['<odoo></odoo>\n<odoo/>', [2, 1, 'Extra content at the end of the document']],
  ['<odoo/>\ntext', [2, 1, 'Extra content at the end of the document']],
  ['<odoo/>\n</odoo>', [2, 1, 'Extra content at the end of the document']],
  ['<odoo><a x=1/></odoo>', [1, 12, 'AttValue: " or \' expected']],
  ['<odoo><a x/></odoo>', [1, 11, 'Specification mandates value for attribute x']],
  ['<odoo><a x="1" x="2"/></odoo>', [1, 21, 'Attribute x redefined']],
  ['<odoo><a x="1"y="2"/></odoo>', [1, 15, 'attributes construct error']],
  ['<odoo><a x="a<b"/></odoo>', [1, 14, 'Unescaped \'<\' not allowed in attributes values']],
  ['<odoo><a x="a&b"/></odoo>', [1, 16, 'EntityRef: expecting \';\'']],
  ['<odoo><a x="&nbsp;"/></odoo>', [1, 19, 'Entity \'nbsp\' not defined']],
  ['<odoo><a x="1/></odoo>', [1, 16, 'Unescaped \'<\' not allowed in attributes values']],
  ['<odoo>a < b</odoo>', [1, 10, 'StartTag: invalid element name']],
  ['<odoo>a & b</odoo>', [1, 10, 'xmlParseEntityRef: no name']],
  ['<odoo>&nbsp;</odoo>', [1, 13, 'Entity \'nbsp\' not defined']],
  ['<odoo>&eacute;</odoo>', [1, 15, 'Entity \'eacute\' not defined']],
  ['<odoo>&foo;</odoo>', [1, 12, 'Entity \'foo\' not defined']],
  ['<odoo>&amp</odoo>', [1, 11, 'EntityRef: expecting \';\'']],
  ['<odoo>&#0;</odoo>', [1, 11, 'xmlParseCharRef: invalid xmlChar value 0']],
  ['<odoo>&#x110000;</odoo>', [1, 17, 'xmlParseCharRef: character reference out of bounds']],
  ['<odoo>&#xD800;</odoo>', [1, 15, 'xmlParseCharRef: invalid xmlChar value 55296']],
  ['<odoo>&#xZ;</odoo>', [1, 10, 'CharRef: invalid hexadecimal value']],
  ['<odoo>&#12a;</odoo>', [1, 11, 'CharRef: invalid decimal value']],
  ['<odoo>&#X41;</odoo>', [1, 9, 'CharRef: invalid decimal value']],
  ['<odoo>]]></odoo>', [1, 7, 'Sequence \']]>\' not allowed in content']],
  ['<odoo>\u0001</odoo>', [1, 7, 'PCDATA invalid Char value 1']],
  ['<odoo><!-- a -- b --></odoo>', [1, 14, 'Double hyphen within comment: <!-- a ']],
  ['<odoo><!-- a ---></odoo>', [1, 14, 'Double hyphen within comment: <!-- a ']],
  ['<odoo><!-- \u00E9 -- b --></odoo>', [1, 16, 'Comment must not contain \'--\' (double-hyphen)']],
  ['<odoo><!-- never', [1, 17, 'Comment not terminated']],
  ['<odoo><![CDATA[never</odoo>', [1, 28, 'CData section not finished']],
  ['<odoo><?xml version="1.0"?></odoo>', [1, 12, 'XML declaration allowed only at the start of the document']],
  [' <?xml version="1.0"?><a/>', [1, 7, 'XML declaration allowed only at the start of the document']],
  ['\n<?xml version="1.0"?>\n<a/>', [2, 6, 'XML declaration allowed only at the start of the document']],
  ['<?xml version="1.0"?>\n<?xml version="1.0"?><a/>', [2, 6, 'XML declaration allowed only at the start of the document']],
  ['<?XML version="1.0"?><a/>', [1, 6, 'Invalid PI name']],
  ['<?xml encoding="utf-8"?><a/>', [1, 7, 'Malformed declaration expecting version']],
  ['<?xml version="2.0"?><a/>', [1, 20, 'Unsupported version \'2.0\'']],
  ['<?xml version="1.0" encoding="uf-8"?><a/>', [1, 36, 'Unsupported encoding uf-8']],
  ['<?xml version="1.0" encoding="8bit"?><a/>', [1, 31, 'Invalid XML encoding name']],
  ['<?xml version="1.0" standalone="maybe"?><a/>', [1, 33, 'standalone accepts only \'yes\' or \'no\'']],
  ['<?xml version="1.0"encoding="utf-8"?><a/>', [1, 20, 'Blank needed here']],
  ['<?xml version="1.0" ?><a/>', null],
  ['<?xml version="1.0"><a/>', [1, 20, 'Blank needed here']],
  ['<?pi<a/>', [1, 5, 'ParsePI: PI pi space expected']],
  ['<? x?><a/>', [1, 3, 'xmlParsePI : no target name']],
  ['<odoo><1a/></odoo>', [1, 8, 'StartTag: invalid element name']],
  ['<odoo><a:/></odoo>', [1, 10, 'Failed to parse QName \'a:\'']],
  ['<odoo><:a/></odoo>', [1, 10, 'Failed to parse QName \':a\'']],
  ['<odoo><t:a/></odoo>', [1, 11, 'Namespace prefix t on a is not defined']],
  ['<odoo><a t:x="1"/></odoo>', [1, 17, 'Namespace prefix t for x on a is not defined']],
  ['<odoo xmlns:t=""/>', [1, 17, 'xmlns:t: Empty XML namespace is not allowed']],
  ['<odoo xmlns:a="urn:x" xmlns:b="urn:x"><e a:x="1" b:x="2"/></odoo>', [1, 57, 'Namespaced Attribute x in \'urn:x\' redefined']],
  ['<odoo><a></b></odoo>', [1, 14, 'Opening and ending tag mismatch: a line 1 and b']],
  ['<odoo><a></a</odoo>', [1, 13, 'expected \'>\'']],
  ['<odoo><a></ a></odoo>', [1, 13, 'expected \'>\'']],
  ['<odoo><a></></odoo>', [1, 13, 'Opening and ending tag mismatch: a line 1 and unparsable']],
  ['<odoo><a b="1"</odoo>', [1, 15, 'attributes construct error']],
  ['<odoo><a b="1" / ></odoo>', [1, 16, 'error parsing attribute name']],
  ['<odoo><!DOCTYPE x></odoo>', [1, 8, 'StartTag: invalid element name']],
  ['<!DOCTYPE>\n<a/>', [1, 10, 'xmlParseDocTypeDecl : no DOCTYPE name !']],
  ['<!DOCTYPE a [<!ENTITY e "<b/>">]><a x="&e;"/>', [1, 43, '\'<\' in entity \'e\' is not allowed in attributes values']],
  ['<!DOCTYPE a [<!ENTITY e "x">]><a>&f;</a>', [1, 37, 'Entity \'f\' not defined']],
  ['<odoo>\r\n  <a>\r\n</odoo>', [3, 8, 'Opening and ending tag mismatch: a line 2 and odoo']],
  ['<odoo>\n\t\t<a></b>\n</odoo>', [2, 10, 'Opening and ending tag mismatch: a line 2 and b']],
  ['<odoo>\n  <a x="\u00E9">\u00E9\u00E9</b>\n</odoo>', [2, 18, 'Opening and ending tag mismatch: a line 2 and b']],
  ['<a>\uFFFE</a>', [1, 4, 'Char 0xFFFE out of allowed range']],
  ['<a/>\uFEFF', [1, 5, 'Extra content at the end of the document']],
  ['<?xml version="1.0" encoding="u-t-f-8"?><a/>', null],
  ['<?xml version="1.0" encoding="win-1252"?><a/>', [1, 40, 'Unsupported encoding win-1252']],
  ['<?xml version="1.0" encoding="UTF-16"?><a/>', [1, 38, 'Document labelled UTF-16 but has UTF-8 content']],
  ['<a xmlns:t="a b"/>', [1, 17, 'xmlns:t: \'a b\' is not a valid URI']],
  ['<a xmlns="=urn:x"/>', [1, 18, 'xmlns: \'=urn:x\' is not a valid URI']],
  ['<a>\u{1F600}\u{1F600}</b></a>', [1, 10, 'Opening and ending tag mismatch: a line 1 and b']],
  ['\uFEFF<a></b>', [1, 8, 'Opening and ending tag mismatch: a line 1 and b']],
  ['\uFEFF', [1, 1, 'Start tag expected, \'<\' not found']],
  ['<!DOCTYPE a [<!ENTITY e y>]><a/>', [1, 25, 'Entity value required']],
  ['<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a/>', null],
  ['<!DOCTYPE a [ junk ]><a/>', [1, 15, 'internal error: xmlParseInternalSubset: error detected in Ma']],
  ['<a>\r\n<b x="1"\r\n y="2" y="3"/></a>', [3, 13, 'Attribute y redefined']],
];

function root(source: string): XEl {
  const r = parseXml(source);
  if (!r.ok) throw new Error(`${r.line}:${r.column} ${r.message}`);
  return r.root;
}

describe('parseXml verdicts, as lxml gives them', () => {
  it.each(CASES.map(([doc, expected], i) => [i, JSON.stringify(doc).slice(0, 70), doc, expected] as const))('#%i %s', (_i, _label, doc, expected) => {
    const r = parseXml(doc);
    if (expected === null) {
      expect(r).toMatchObject({ ok: true });
    } else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect([r.line, r.column]).toEqual([expected[0], expected[1]]);
      expect(r.message).toContain(expected[2]);
    }
  });

  it('has at least 60 cases, most of them malformed', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter(([, e]) => e !== null).length).toBeGreaterThanOrEqual(60);
  });

  it('accepts nesting as deep as lxml does and refuses one level more, without recursion limits', () => {
    const nest = (n: number): string => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(parseXml(nest(MAX_DEPTH)).ok).toBe(true);
    const deeper = parseXml(nest(MAX_DEPTH + 1));
    expect(deeper).toMatchObject({ ok: false, line: 1, column: 3 * MAX_DEPTH + 1 });
    expect(deeper.ok ? '' : deeper.message).toMatch(/nested more than 256 levels deep, which lxml \(Odoo's XML parser\) refuses/);
    expect(parseXml(nest(200_000)).ok).toBe(false);
  });
});

describe('parseXml trees', () => {
  it('resolves entities and character references in text and attributes', () => {
    const r = root('<a x="&lt;&amp;&#65;&#x42;&quot;&apos;">&gt;&#x1F600;&#233;</a>');
    expect(r.attrs).toEqual({ x: `<&AB"'` });
    expect(r.text).toBe('>\u{1F600}\u00E9');
  });

  it('expands general entities of the internal DTD subset', () => {
    const r = root('<!DOCTYPE a [<!ENTITY who "World">]><a x="Hi &who;">Hello &who;</a>');
    expect(r).toMatchObject({ attrs: { x: 'Hi World' }, text: 'Hello World' });
  });

  it('reads CDATA as text and ignores comments and processing instructions', () => {
    const r = root('<a>x<!-- not text --><![CDATA[<b>&amp;</b>]]><?pi also not?>y<b/>z</a>');
    expect(r.text).toBe('x<b>&amp;</b>yz');
    expect(r.children.map((c) => c.tag)).toEqual(['b']);
  });

  it('concatenates direct text around children and trims it', () => {
    const r = root('<a>\n  one <b>inner</b> two\n</a>');
    expect(r.text).toBe('one  two');
    expect(r.children[0]!.text).toBe('inner');
  });

  it('keeps attributes in document order, xmlns ones and prefixed names included', () => {
    const r = root('<t:a xmlns:t="urn:t" z="1" a="2" t:m="3" __proto__="4"/>');
    expect(r.tag).toBe('t:a');
    expect(Object.keys(r.attrs)).toEqual(['xmlns:t', 'z', 'a', 't:m', '__proto__']);
    expect(r.attrs.__proto__).toBe('4');
    expect(Object.getPrototypeOf(r.attrs)).toBe(Object.prototype);
  });

  it('normalises attribute blanks as XML says, but not those written as character references', () => {
    const r = root('<a x="1\n\t2\r\n3" y="1&#10;2&#9;3"/>');
    expect(r.attrs).toEqual({ x: '1  2 3', y: '1\n2\t3' });
  });

  it('turns CRLF and lone CR into LF in text', () => {
    expect(root('<a>x\r\ny\rz</a>').text).toBe('x\ny\nz');
  });

  it('places each element at its < with 1-based line and column, CRLF, tabs and non-ASCII included', () => {
    const src = '<a>\r\n\t<b/>\r\n  <c x="\u00E9\u00E9"><d/></c>\n<e/></a>';
    const els = [...descendants(root(src))];
    expect(els.map((e) => [e.tag, e.line, e.column, e.offset])).toEqual([
      ['a', 1, 1, 0],
      ['b', 2, 2, 6],
      ['c', 3, 3, 14],
      ['d', 3, 13, 24],
      ['e', 4, 1, 33],
    ]);
    for (const e of els) expect(src[e.offset]).toBe('<');
  });

  it('links children to their parent', () => {
    const r = root('<a><b><c/></b></a>');
    const c = r.children[0]!.children[0]!;
    expect(c.parent?.tag).toBe('b');
    expect(c.parent?.parent).toBe(r);
    expect('parent' in r).toBe(false);
  });

  it('keeps apart short names and values that look alike (same length, first and last characters)', () => {
    const r = root('<a><a1b x="a1b" y="a2b"/><a2b x="a2b" y="a1b">t</a2b><a1b/><b><ab/></b></a>');
    expect(r.children.map((c) => [c.tag, c.attrs.x, c.attrs.y])).toEqual([
      ['a1b', 'a1b', 'a2b'],
      ['a2b', 'a2b', 'a1b'],
      ['a1b', undefined, undefined],
      ['b', undefined, undefined],
    ]);
    expect(r.children[3]!.children.map((c) => c.tag)).toEqual(['ab']);
  });

  it('gives each element its own children and attributes, and leaves read-only empty ones', () => {
    const r = root('<a><b x="1"><c/><d/></b><e/></a>');
    expect(r.children.map((c) => c.children.length)).toEqual([2, 0]);
    expect(r.children[0]!.children).not.toBe(r.children[1]!.children);
    expect(Object.isFrozen(r.children[1]!.children)).toBe(true);
    expect(Object.isFrozen(r.attrs)).toBe(true);
    expect(r.children[0]!.attrs).toEqual({ x: '1' });
  });

  it('reads the fixture data file as lxml does', () => {
    const r = root(readFileSync(FIXTURE, 'utf8'));
    const all = [...descendants(r)];
    expect(all.find((e) => e.attrs.name === 'note')?.text).toBe('Price < 10 \u20AC \u2713');
    expect(all.find((e) => e.attrs.name === 'code')?.text).toBe("model.search([('active', '=', True)])._sync(limit=10 if env else 0)");
    expect(all.find((e) => e.attrs.name === 'action_sync')?.attrs.attrs).toBe(
      "{'invisible': [('state', '!=', 'ready')],                                     'readonly': [('active', '=', False)]}",
    );
    expect(all.find((e) => e.tag === 'menuitem')).toMatchObject({ line: 50, column: 5 });
  });
});

/** A python3 with lxml, if this machine has one (CI may not): the differential test needs it. */
function pythonWithLxml(): string | undefined {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'from lxml import etree'], { stdio: 'ignore' });
    if (r.status === 0) return python;
  }
  return undefined;
}

const python = pythonWithLxml();

describe.skipIf(!python)(`parseXml against lxml on mutants${python ? '' : ' (skipped: no python3 with lxml)'}`, () => {
  it('gives lxml verdict and error line on 200 mutants of a data file', () => {
    const mutants = xmlMutants(readFileSync(FIXTURE, 'utf8'), 200, 20261206);
    expect(mutants).toHaveLength(200);
    const judged = spawnSync(python!, [JUDGE], { input: `${mutants.map((m) => JSON.stringify(m.text)).join('\n')}\n`, encoding: 'utf8' });
    const verdicts = judged.stdout.trim().split('\n').map((line) => JSON.parse(line) as { ok: boolean; line?: number; column?: number });
    expect(verdicts).toHaveLength(200);
    const ours = mutants.map((m) => parseXml(m.text));
    const disagreements = mutants
      .map((m, i) => ({ kind: m.kind, lxml: verdicts[i]!, ours: ours[i]! }))
      .filter(({ lxml, ours }) => lxml.ok !== ours.ok || (!lxml.ok && !ours.ok && lxml.line !== ours.line));
    expect(disagreements).toEqual([]);
    // The set is varied enough to mean something: most mutants are refused, some are not.
    expect(verdicts.filter((v) => !v.ok).length).toBeGreaterThan(100);
    expect(verdicts.filter((v) => v.ok).length).toBeGreaterThan(5);
  });
});
