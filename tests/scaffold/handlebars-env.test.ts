import { describe, expect, it } from 'vitest';
import { handlebarsEnv, pyLiteral, pyString, xmlEscape } from '../../src/scaffold/handlebars-env.js';

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
