/**
 * Deterministic mutants of an XML document for differential tests against lxml: each one breaks
 * (or merely changes) the document in one of the ways hand edits do, so the reader's verdict and
 * first error position can be compared with libxml2's.
 */

export interface Mutant {
  kind: string;
  text: string;
}

/** mulberry32: a small seeded generator, so a seed always yields the same mutants. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function indexesOf(text: string, re: RegExp): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(re)) out.push(m.index);
  return out;
}

const INSERTS = [
  '&foo;',
  '&nbsp;',
  '&eacute;',
  '&#0;',
  '&#x110000;',
  '&#65;',
  '&#x41;',
  '&#xZZ;',
  '&#12a;',
  '&',
  '&amp',
  '&;',
  '<',
  '>',
  ']]>',
  '"',
  "'",
  '=',
  '/',
  '<!-- a -- b -->',
  '<!-- ok -->',
  '<!--',
  '<![CDATA[x',
  '<![CDATA[<&]]>',
  '<?pi data?>',
  '<?xml version="1.0"?>',
  '\uFEFF',
  '\u0001',
  '\u000B',
  '\uFFFE',
  '<a>',
  '</a>',
  '<a/>',
  '<:a/>',
  '<a:b/>',
  '<x y="1" y="2"/>',
  '<x y=1/>',
  '<x y/>',
  '<x y="a<b"/>',
  '<x p:y="1"/>',
  '<x xmlns:p=""/>',
  '<!DOCTYPE odoo>',
  'é',
];

type Mutation = (text: string, pick: <T>(items: T[]) => T | undefined, rand: () => number) => string | undefined;

const at = (text: string, i: number, insert: string, remove = 0): string => text.slice(0, i) + insert + text.slice(i + remove);

const MUTATIONS: Record<string, Mutation> = {
  deleteLt: (t, pick) => del(t, pick(indexesOf(t, /</g))),
  deleteGt: (t, pick) => del(t, pick(indexesOf(t, />/g))),
  deleteQuote: (t, pick) => del(t, pick(indexesOf(t, /["']/g))),
  deleteSlash: (t, pick) => del(t, pick(indexesOf(t, /\//g))),
  deleteEquals: (t, pick) => del(t, pick(indexesOf(t, /=/g))),
  duplicateLt: (t, pick) => dup(t, pick(indexesOf(t, /</g))),
  duplicateGt: (t, pick) => dup(t, pick(indexesOf(t, />/g))),
  duplicateQuote: (t, pick) => dup(t, pick(indexesOf(t, /["']/g))),
  duplicateSlash: (t, pick) => dup(t, pick(indexesOf(t, /\//g))),
  deleteClosingTag: (t, pick) => {
    const m = pick([...t.matchAll(/<\/[^>]*>/g)]);
    return m && at(t, m.index, '', m[0].length);
  },
  renameClosingTag: (t, pick) => {
    const m = pick([...t.matchAll(/<\/([\w:.-]+)/g)]);
    return m && at(t, m.index + 2, `${m[1]}x`, m[1]!.length);
  },
  deleteOpeningTag: (t, pick) => {
    const m = pick([...t.matchAll(/<[\w:.-]+(\s[^<>]*)?(?<!\/)>/g)]);
    return m && at(t, m.index, '', m[0].length);
  },
  duplicateAttribute: (t, pick) => {
    const m = pick([...t.matchAll(/\s([\w:.-]+="[^"<]*")/g)]);
    return m && at(t, m.index + m[0].length, ` ${m[1]}`);
  },
  unquoteAttribute: (t, pick) => {
    const m = pick([...t.matchAll(/=("[\w.-]*")/g)]);
    return m && at(t, m.index + 1, m[1]!.slice(1, -1), m[1]!.length);
  },
  doubleHyphenInComment: (t, pick) => {
    const m = pick([...t.matchAll(/<!--/g)]);
    return m ? at(t, m.index + 5, '--') : undefined;
  },
  secondRoot: (t) => `${t.trimEnd()}\n<odoo/>\n`,
  textAfterRoot: (t) => `${t.trimEnd()}\ntext\n`,
  declarationAfterStart: (t) => ` ${t}`,
  bomAfterStart: (t, _pick, rand) => at(t, Math.floor(rand() * Math.min(t.length, 200)), '\uFEFF'),
  insertInText: (t, pick) => {
    const i = pick(indexesOf(t, />[^<]/g));
    return i === undefined ? undefined : at(t, i + 1, pick(INSERTS)!);
  },
  insertInAttribute: (t, pick) => {
    const i = pick(indexesOf(t, /="/g));
    return i === undefined ? undefined : at(t, i + 2, pick(INSERTS)!);
  },
  insertInTag: (t, pick) => {
    const i = pick(indexesOf(t, /<[\w:.-]+\s/g));
    return i === undefined ? undefined : at(t, t.indexOf(' ', i) + 1, `${pick(INSERTS)!} `);
  },
  insertAnywhere: (t, pick, rand) => at(t, Math.floor(rand() * t.length), pick(INSERTS)!),
  deleteAnywhere: (t, _pick, rand) => at(t, Math.floor(rand() * t.length), '', 1 + Math.floor(rand() * 3)),
  truncate: (t, _pick, rand) => t.slice(0, Math.floor(rand() * t.length)),
  swapAdjacent: (t, _pick, rand) => {
    const i = Math.floor(rand() * (t.length - 1));
    return t.slice(0, i) + t[i + 1]! + t[i]! + t.slice(i + 2);
  },
  copySpan: (t, _pick, rand) => {
    const from = Math.floor(rand() * t.length);
    return at(t, Math.floor(rand() * t.length), t.slice(from, from + 1 + Math.floor(rand() * 40)));
  },
  deleteSpan: (t, _pick, rand) => at(t, Math.floor(rand() * t.length), '', 1 + Math.floor(rand() * 40)),
  insertAscii: (t, _pick, rand) => at(t, Math.floor(rand() * t.length), ASCII[Math.floor(rand() * ASCII.length)]!),
  doctype: (t, pick) => {
    const decl = t.match(/^<\?xml[^>]*>\s*/)?.[0] ?? '';
    return `${decl}${pick(DOCTYPES)!}\n${t.slice(decl.length)}`;
  },
  namespaces: (t, pick) => {
    const m = /<([\w.-]+)/.exec(t.replace(/^<\?xml[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length)));
    if (!m) return undefined;
    const offset = t.length - t.replace(/^<\?xml[^>]*>/, '').length + m.index + m[0].length;
    return at(t, offset, ` ${pick(NAMESPACES)!}`);
  },
};

const ASCII = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '\n', '\r'];

const DOCTYPES = [
  '<!DOCTYPE odoo>',
  '<!DOCTYPE odoo SYSTEM "odoo.dtd">',
  '<!DOCTYPE odoo PUBLIC "-//X//EN" "x.dtd">',
  '<!DOCTYPE odoo PUBLIC "-//X//EN">',
  '<!DOCTYPE odoo [<!ENTITY nbsp "&#160;">]>',
  '<!DOCTYPE odoo [<!ENTITY amp2 "&amp;"> <!-- c --> <!ELEMENT odoo ANY>]>',
  '<!DOCTYPE odoo [<!ENTITY x "y">',
  '<!DOCTYPE odoo [<!ENTITY x y>]>',
  '<!DOCTYPE [<!ENTITY x "y">]>',
  '<!DOCTYPE odoo SYSTEM>',
  '<!DOCTYPE odoo [ junk ]>',
];

const NAMESPACES = ['xmlns:t="urn:t"', 'xmlns:t=""', 'xmlns="urn:d"', 'xmlns:t="a b"', 'xmlns:xml="urn:x"', 'xmlns:t="urn:t" xmlns:t="urn:u"', 't:x="1"', 'xml:space="preserve"', 'xmlns:t="%zz"', 'xmlns:t="http://x/y#z"'];

function del(text: string, i: number | undefined): string | undefined {
  return i === undefined ? undefined : at(text, i, '', 1);
}

function dup(text: string, i: number | undefined): string | undefined {
  return i === undefined ? undefined : at(text, i, text[i]!);
}

/** `count` mutants of `source` (each a single mutation), the same ones for the same seed. */
export function xmlMutants(source: string, count: number, seed: number): Mutant[] {
  const rand = random(seed);
  const pick = <T>(items: T[]): T | undefined => (items.length ? items[Math.floor(rand() * items.length)] : undefined);
  const kinds = Object.keys(MUTATIONS);
  const out: Mutant[] = [];
  for (let tries = 0; out.length < count && tries < count * 5; tries++) {
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    const text = MUTATIONS[kind]!(source, pick, rand);
    if (text !== undefined && text !== source) out.push({ kind, text });
  }
  return out;
}
