import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Expr, PySyntaxError, Stmt } from '../../src/odoo/python/ast.js';
import { parseModule } from '../../src/odoo/python/parser.js';
import { tokenize } from '../../src/odoo/python/tokenizer.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/python-parser/', import.meta.url));
/** Python we generate: the Shopify connector's order components (a golden file). */
const GENERATED = fileURLToPath(new URL('../golden/shopify/acme_connector/components/sale_order.py', import.meta.url));

function body(src: string): Stmt[] {
  const r = parseModule(src);
  if (!r.ok) throw new Error(`unexpected error ${JSON.stringify(r.error)}`);
  return r.module.body;
}

function expr(src: string): Expr {
  const s = body(src)[0];
  if (s.type !== 'Expr' && s.type !== 'Assign') throw new Error(`not an expression statement: ${s.type}`);
  return s.value;
}

/** Drops offsets, keeping type, fields, line and column: for readable tree expectations. */
function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== 'start' && k !== 'end' && k !== 'nameSpan') out[k] = strip(v);
    return out;
  }
  return x;
}

describe('parseModule: verdicts and errors as CPython 3.11 compile()', () => {
  // Every snippet with what CPython 3.11.2 says about it (gen_syntax_cases.py writes the file).
  const cases = JSON.parse(readFileSync(`${FIXTURES}syntax-cases.json`, 'utf8')) as Array<{ src: string; error: PySyntaxError | null }>;

  it('has a table over every construct and error', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.error).length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases.map((c) => [c.src, c.error] as const))('%j', (src, error) => {
    const r = parseModule(src);
    expect(r.ok ? null : r.error).toEqual(error);
  });
});

describe('parseModule: chains as long as CPython compiles', () => {
  it.each([
    ['a sum', (n: number) => `x = ${Array(n).fill('a').join(' + ')}\n`],
    ['an attribute chain', (n: number) => `x = a${'.b'.repeat(n)}\n`],
    ['a call chain', (n: number) => `x = a${'()'.repeat(n)}\n`],
  ])('reads %s of 2,500 links and refuses one of 3,000', (_label, make) => {
    expect(parseModule(make(2_500)).ok).toBe(true);
    const r = parseModule(make(3_000));
    expect(r.ok ? null : r.error.message).toBe('maximum recursion depth exceeded during compilation');
  });
});

describe('parseModule: tree shape', () => {
  it('reads a decorated class with bases and keywords', () => {
    const [c] = body('@register\n@dec(1)\nclass A(B, mixin.C, metaclass=M, **kw):\n    """Doc."""\n    x = 1\n');
    expect(c.type).toBe('ClassDef');
    if (c.type !== 'ClassDef') return;
    expect(c).toMatchObject({ name: 'A', line: 3, column: 1, nameSpan: { line: 3, column: 7 } });
    // The name's span covers the name only, not the class body.
    expect(c.nameSpan.end - c.nameSpan.start).toBe(1);
    expect(c.decorator_list.map((d) => d.type)).toEqual(['Name', 'Call']);
    expect(strip(c.bases)).toEqual([
      { type: 'Name', line: 3, column: 9, id: 'B' },
      { type: 'Attribute', line: 3, column: 12, value: { type: 'Name', line: 3, column: 12, id: 'mixin' }, attr: 'C' },
    ]);
    expect(c.keywords.map((k) => k.arg)).toEqual(['metaclass', null]);
    expect(c.body.map((s) => s.type)).toEqual(['Expr', 'Assign']);
  });

  it('reads every kind of function parameter', () => {
    const [f] = body('async def f(a, b=1, /, c=2, *args: int, d, e=3, **kw) -> R:\n    pass\n');
    expect(f.type).toBe('AsyncFunctionDef');
    if (f.type !== 'AsyncFunctionDef' && f.type !== 'FunctionDef') return;
    const a = f.args;
    expect(a.posonlyargs.map((x) => x.arg)).toEqual(['a', 'b']);
    expect(a.args.map((x) => x.arg)).toEqual(['c']);
    expect(a.vararg).toMatchObject({ arg: 'args', annotation: { type: 'Name', id: 'int' } });
    expect(a.kwonlyargs.map((x) => x.arg)).toEqual(['d', 'e']);
    expect(a.kw_defaults.map((x) => (x && x.type === 'Constant' ? x.value : x))).toEqual([null, 3]);
    expect(a.kwarg?.arg).toBe('kw');
    expect(a.defaults.map((x) => (x.type === 'Constant' ? x.value : null))).toEqual([1, 2]);
    expect(f.returns).toMatchObject({ type: 'Name', id: 'R' });
  });

  it('reads assignment chains, augmented and annotated assignments', () => {
    const [a, b, c, d] = body('a = b.c = d[0] = 1\nx += 2\ny: int = 3\n(z): str\n');
    expect(a.type === 'Assign' && a.targets.map((t) => t.type)).toEqual(['Name', 'Attribute', 'Subscript']);
    expect(b).toMatchObject({ type: 'AugAssign', op: '+', target: { id: 'x' } });
    expect(c).toMatchObject({ type: 'AnnAssign', simple: true, annotation: { id: 'int' } });
    expect(d).toMatchObject({ type: 'AnnAssign', simple: false, value: null });
  });

  it('reads call arguments with * and ** in order', () => {
    const e = expr('f(a, *b, c=1, *d, **e)\n');
    expect(e.type).toBe('Call');
    if (e.type !== 'Call') return;
    expect(e.args.map((x) => x.type)).toEqual(['Name', 'Starred', 'Starred']);
    expect(e.keywords.map((k) => k.arg)).toEqual(['c', null]);
    expect(strip(expr('f(x for x in y)\n'))).toMatchObject({ args: [{ type: 'GeneratorExp', line: 1, column: 2 }] });
  });

  it('reads comparison chains and boolean operators', () => {
    expect(strip(expr('a < b <= c is not d not in e\n'))).toMatchObject({
      type: 'Compare', ops: ['<', '<=', 'is not', 'not in'], comparators: [{ id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }],
    });
    expect(expr('a or b and not c\n')).toMatchObject({ type: 'BoolOp', op: 'or', values: [{ id: 'a' }, { type: 'BoolOp', op: 'and' }] });
    expect(expr('-a ** -b\n')).toMatchObject({ type: 'UnaryOp', op: '-', operand: { type: 'BinOp', op: '**' } });
  });

  it('joins implicitly concatenated strings and resolves escapes', () => {
    expect(expr("'a\\tb' \"c\\x41\" '''\\\nd'''\n")).toMatchObject({ type: 'Constant', kind: 'str', value: 'a\tbcAd' });
    expect(expr("r'\\d' '\\N{NO-BREAK SPACE}'\n")).toMatchObject({ value: '\\d\u00a0' });
    expect(expr("b'\\x00\\xff' rb'\\n'\n")).toMatchObject({ kind: 'bytes', value: '\x00\xff\\n' });
    expect(expr('0x_ff + 1_0.5e1j\n')).toMatchObject({ left: { kind: 'int', value: 255 }, right: { kind: 'complex', value: 105 } });
  });

  it('reads f-strings into JoinedStr and FormattedValue', () => {
    const e = expr("x = 'a' f'{b!r:>{w}} {c=} {{d}}'\n");
    expect(strip(e)).toEqual({
      type: 'JoinedStr', line: 1, column: 5,
      values: [
        { type: 'Constant', line: 1, column: 5, kind: 'str', value: 'a' },
        {
          type: 'FormattedValue', line: 1, column: 5, conversion: 114,
          value: { type: 'Name', line: 1, column: 12, id: 'b' },
          format_spec: {
            type: 'JoinedStr', line: 1, column: 9,
            values: [
              { type: 'Constant', line: 1, column: 9, kind: 'str', value: '>' },
              { type: 'FormattedValue', line: 1, column: 5, conversion: -1, value: { type: 'Name', line: 1, column: 18, id: 'w' }, format_spec: null },
            ],
          },
        },
        { type: 'Constant', line: 1, column: 5, kind: 'str', value: ' c=' },
        { type: 'FormattedValue', line: 1, column: 5, conversion: 114, value: { type: 'Name', line: 1, column: 23, id: 'c' }, format_spec: null },
        { type: 'Constant', line: 1, column: 5, kind: 'str', value: ' {d}' },
      ],
    });
  });

  it('reads relative imports', () => {
    const [a, b, c] = body('from . import x\nfrom ...pkg.mod import (y as z,)\nimport a.b as c, d\n');
    expect(a).toMatchObject({ type: 'ImportFrom', level: 1, module: null, names: [{ name: 'x', asname: null }] });
    expect(b).toMatchObject({ type: 'ImportFrom', level: 3, module: 'pkg.mod', names: [{ name: 'y', asname: 'z' }] });
    expect(c).toMatchObject({ type: 'Import', names: [{ name: 'a.b', asname: 'c' }, { name: 'd', asname: null }] });
  });

  it('counts columns in UTF-16 units, 1-based', () => {
    expect(strip(expr('"é€😀" + x\n'))).toMatchObject({ right: { id: 'x', line: 1, column: 10 } });
  });

  it('reads with items, match statements and except*', () => {
    const [w, m, t] = body('with (a as b, c):\n    pass\nmatch p:\n    case {"k": [1, *r]} | Point(x=0, y=r) if r:\n        pass\ntry:\n    pass\nexcept* E:\n    pass\n');
    expect(w.type === 'With' && w.items.map((i) => i.optional_vars?.type ?? null)).toEqual(['Name', null]);
    expect(m.type === 'Match' && strip(m.cases[0].pattern)).toMatchObject({ type: 'MatchOr', patterns: [{ type: 'MatchMapping' }, { type: 'MatchClass', kwd_attrs: ['x', 'y'] }] });
    expect(t.type).toBe('TryStar');
  });
});

// ---------------------------------------------------------------------------------------------
// Differential test against CPython 3.11 itself, when one is installed.

function findPython311(): string | null {
  for (const cmd of ['python3.11', 'python3']) {
    const r = spawnSync(cmd, ['-c', 'import ast, sys; print(sys.version_info[:2] == (3, 11))'], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim() === 'True') return cmd;
  }
  return null;
}

const PYTHON = findPython311();

/** Deterministic mutants of a source: token deletions, duplications, insertions, indentation changes. */
function mutants(src: string, count: number, seed: number): string[] {
  let s = seed;
  const rand = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const pick = <X>(a: X[]): X => a[Math.floor(rand() * a.length)];
  const t = tokenize(src);
  const real: number[] = [];
  for (let i = 0; i < t.count; i++) if (t.end[i] > t.start[i]) real.push(i);
  const vocab = ['(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '**', '*', 'return', 'yield', 'await x', 'break', 'lambda', 'if', 'else', 'x', '0777', '1_', "'", 'f"{}"', 'None', 'def', 'pass', '\\', '$', 'match', 'global x'];
  const out: string[] = [];
  while (out.length < count) {
    const lines = src.split('\n');
    const i = pick(real);
    const [a, b] = [t.start[i], t.end[i]];
    switch (Math.floor(rand() * 8)) {
      case 0: out.push(src.slice(0, a) + src.slice(b)); break;
      case 1: out.push(src.slice(0, b) + ' ' + src.slice(a)); break;
      case 2: out.push(src.slice(0, a) + pick(vocab) + ' ' + src.slice(a)); break;
      case 3: out.push(src.slice(0, a) + pick(vocab) + src.slice(b)); break;
      case 4: {
        const l = Math.floor(rand() * lines.length);
        lines[l] = pick(['  ', '\t', '']) + lines[l].replace(/^ {0,2}/, '');
        out.push(lines.join('\n'));
        break;
      }
      case 5: {
        const l = Math.floor(rand() * lines.length);
        lines.splice(l, 1);
        out.push(lines.join('\n'));
        break;
      }
      case 6: {
        const l = Math.floor(rand() * lines.length);
        lines.splice(l, 0, (lines[l].match(/^\s*/) ?? [''])[0] + pick(['return 1', 'break', 'continue', 'await f()', 'yield', 'nonlocal q', 'x = *a', 'del f()']));
        out.push(lines.join('\n'));
        break;
      }
      default: {
        const c = src.indexOf(pick([':', ')', ']', '"', "'"]), Math.floor(rand() * src.length));
        if (c >= 0) out.push(src.slice(0, c) + src.slice(c + 1));
      }
    }
  }
  return out;
}

describe.skipIf(!PYTHON)('parseModule: verdicts equal CPython 3.11 compile() on mutants', () => {
  it('agrees on ~300 fixed mutants of two files', () => {
    const all = [
      ...mutants(readFileSync(GENERATED, 'utf8'), 150, 7),
      ...mutants(readFileSync(`${FIXTURES}syntax_tour.py`, 'utf8'), 150, 11),
    ];
    const script = [
      'import json, sys, warnings',
      'warnings.simplefilter("ignore")',
      'for line in sys.stdin:',
      '    try:',
      '        compile(json.loads(line), "m.py", "exec")',
      '        print("null")',
      '    except SyntaxError as e:',
      '        print(json.dumps([e.lineno, e.msg]))',
    ].join('\n');
    const r = spawnSync(PYTHON!, ['-c', script], { input: all.map((m) => JSON.stringify(m)).join('\n') + '\n', encoding: 'utf8' });
    expect(r.status).toBe(0);
    const verdicts = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as [number, string] | null);
    expect(verdicts.length).toBe(all.length);
    const disagreements: string[] = [];
    let refused = 0;
    all.forEach((src, i) => {
      const ours = parseModule(src);
      const theirs = verdicts[i];
      if (ours.ok !== (theirs === null)) {
        disagreements.push(`#${i}: python ${JSON.stringify(theirs)}, ours ${JSON.stringify(ours.ok ? 'ok' : ours.error)}`);
      }
      if (theirs) refused++;
    });
    expect(disagreements).toEqual([]);
    expect(refused).toBeGreaterThan(100);
  });
});
