import { describe, expect, it } from 'vitest';
import { KIND_TEXT, T, tokenize } from '../../src/odoo/python/tokenizer.js';

const NAMES: Record<number, string> = {
  [T.ENDMARKER]: 'ENDMARKER', [T.NAME]: 'NAME', [T.NUMBER]: 'NUMBER', [T.STRING]: 'STRING',
  [T.NEWLINE]: 'NEWLINE', [T.INDENT]: 'INDENT', [T.DEDENT]: 'DEDENT', [T.ERRORTOKEN]: 'ERRORTOKEN',
};

/** Tokens as "KIND:text" strings (operators and keywords by their spelling). */
function toks(src: string): string[] {
  const t = tokenize(src);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    const text = src.slice(t.start[i], t.end[i]);
    out.push(NAMES[k] ? (text && k !== T.NEWLINE ? `${NAMES[k]}:${text}` : NAMES[k]) : KIND_TEXT[k] ?? `OP:${text}`);
  }
  return out;
}

describe('python tokenizer', () => {
  it('emits INDENT/DEDENT and NEWLINE only for logical lines', () => {
    expect(toks('if x:\n    y = 1\n\n    # c\nz\n')).toEqual([
      'if', 'NAME:x', ':', 'NEWLINE', 'INDENT', 'NAME:y', '=', 'NUMBER:1', 'NEWLINE', 'DEDENT', 'NAME:z', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('joins lines inside brackets and after a backslash', () => {
    expect(toks('f(a,\n  b)\nx = 1 + \\\n  2\n')).toEqual([
      'NAME:f', '(', 'NAME:a', ',', 'NAME:b', ')', 'NEWLINE', 'NAME:x', '=', 'NUMBER:1', '+', 'NUMBER:2', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('adds the final NEWLINE and DEDENTs at end of input', () => {
    expect(toks('if x:\n  y')).toEqual(['if', 'NAME:x', ':', 'NEWLINE', 'INDENT', 'NAME:y', 'NEWLINE', 'DEDENT', 'ENDMARKER']);
  });

  it('reads every string prefix in any case, and triple quotes', () => {
    const src = `r'a' b'b' u'c' f'd' rb'e' Br'f' FR'g' rF"h" '''i\n''' """j"""\n`;
    expect(toks(src).filter((x) => x.startsWith('STRING')).length).toBe(10);
    expect(toks('ur"x"\n')).toEqual(['NAME:ur', 'STRING:"x"', 'NEWLINE', 'ENDMARKER']);
  });

  it('reads numbers with underscores, radix prefixes, exponents and imaginary parts', () => {
    const nums = ['0', '00', '0_0', '1_000', '0xFF_ff', '0o17', '0b1_0', '1.5', '.5', '5.', '1e10', '1E-5', '1_0.0_1e+1_0', '3j', '1.5J', '0.0'];
    for (const n of nums) expect(toks(`${n}\n`)).toEqual([`NUMBER:${n}`, 'NEWLINE', 'ENDMARKER']);
    // a keyword right after a number is allowed
    expect(toks('1if x else 2\n').slice(0, 2)).toEqual(['NUMBER:1', 'if']);
  });

  it('reads all operators, soft keywords as names, and unknown characters as OP', () => {
    expect(toks('a := b -> c ... @= **= //= != <> $\n').slice(0, 13)).toEqual([
      'NAME:a', ':=', 'NAME:b', '->', 'NAME:c', '...', '@=', '**=', '//=', '!=', 'OP:<>', 'OP:$', 'NEWLINE',
    ]);
    expect(toks('match case _\n').slice(0, 3)).toEqual(['NAME:match', 'NAME:case', 'NAME:_']);
  });

  it('keeps the line and the bracket level of each token', () => {
    const t = tokenize('x = (\n  1)\n');
    expect(Array.from(t.line.slice(0, t.count))).toEqual([1, 1, 1, 2, 2, 2, 2]);
    expect(Array.from(t.level.slice(0, 5))).toEqual([0, 0, 1, 1, 0]);
  });

  const errors: Array<[string, number, number, string, string]> = [
    ["x = 'abc\n", 1, 5, 'unterminated string literal (detected at line 1)', 'raised'],
    ["x = '''abc\n\n", 1, 5, 'unterminated triple-quoted string literal (detected at line 2)', 'raised'],
    ['x = 0777\n', 1, 5, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 'raised'],
    ['x = 1_\n', 1, 6, 'invalid decimal literal', 'raised'],
    ['x = 0o8\n', 1, 7, "invalid digit '8' in octal literal", 'raised'],
    ['x = 0x\n', 1, 6, 'invalid hexadecimal literal', 'raised'],
    ['x = \u20ac\n', 1, 5, "invalid character '\u20ac' (U+20AC)", 'raised'],
    ['x = ]\n', 1, 5, "unmatched ']'", 'raised'],
    ['x = (\n]\n', 2, 1, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 'raised'],
    ['if x:\n  a\n b\n', 3, 3, 'unindent does not match any outer indentation level', 'dedent'],
    ['if x:\n\ta\n        b\n', 3, 1, 'inconsistent use of tabs and spaces in indentation', 'tab'],
    ['x = 1 \\ 2\n', 1, 8, 'unexpected character after line continuation character', 'linecont'],
    ['x = (1,\n', 2, 0, 'unexpected EOF while parsing', 'eof'],
  ];
  it.each(errors)('stops at the first error: %j', (src, line, column, message, kind) => {
    const t = tokenize(src);
    expect(t.error).toMatchObject({ line, message, kind });
    if (kind !== 'eof') expect(t.error!.column).toBe(column);
    expect(t.kind[t.count - 1]).toBe(T.ERRORTOKEN);
  });

  it('records the brackets still open at end of input', () => {
    expect(tokenize('f(a, [\n').error!.open).toEqual([
      { char: '(', line: 1, column: 2 },
      { char: '[', line: 1, column: 6 },
    ]);
  });
});
