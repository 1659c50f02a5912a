import { describe, expect, it } from 'vitest';
import { blackLiteral, handlebarsEnv, pyLiteral, pyString, xmlEscape } from '../../src/scaffold/handlebars-env.js';

describe('quoting helpers', () => {
  it('pyString produces a Python literal that cannot be escaped from', () => {
    expect(pyString('a "quoted" \\ value\nnext')).toBe('"a \\"quoted\\" \\\\ value\\nnext"');
  });
  it('xmlEscape escapes the five XML specials', () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
  it('pyLiteral renders nested data the way black writes it', () => {
    expect(pyLiteral({ python: ['requests'], n: 1, ok: true, none: null })).toBe(
      '{"python": ["requests"], "n": 1, "ok": True, "none": None}',
    );
  });
  it('templates run in strict mode without HTML escaping', () => {
    const render = handlebarsEnv().compile('{{py name}} {{xml name}} {{raw}}', { noEscape: true, strict: true });
    expect(render({ name: 'a<b"', raw: '<x>' })).toBe('"a<b\\"" a&lt;b&quot; <x>');
    expect(() => handlebarsEnv().compile('{{missing}}', { strict: true })({})).toThrow(/missing/);
  });
});

describe('blackLiteral (a generated test page of the sync paging test)', () => {
  it('keeps a literal on one line when it fits in 88 columns', () => {
    expect(blackLiteral({ data: [{ id: 1001 }], meta: { next_cursor: 'page-2' } }, 8, 8)).toBe('{"data": [{"id": 1001}], "meta": {"next_cursor": "page-2"}}');
  });

  it('puts one item per line, each with its comma, as black does, when it does not fit', () => {
    const page = { response: { collection: [{ id: 1001 }] }, pagination: { next_page_cursor_token: 'page-2' } };
    expect(blackLiteral(page, 8, 8)).toBe(
      '{\n' +
        '            "response": {"collection": [{"id": 1001}]},\n' +
        '            "pagination": {"next_page_cursor_token": "page-2"},\n' +
        '        }',
    );
  });
});
