/**
 * @fileoverview The facts parsePython reads of Python source: classes, fields, decorators, imports,
 * calls, comparisons, top-level assignments and names, each quoted as written at its position.
 */
import { describe, expect, it } from 'vitest';
import { parsePython } from '../../src/odoo/python.js';
import type { Expr, Module, Span } from '../../src/odoo/python/ast.js';
import { extractFacts } from '../../src/odoo/python/facts.js';
import { newFactNodes, parseModule } from '../../src/odoo/python/parser.js';
import { WARM_UP_SOURCE } from '../../src/odoo/python/warm-up.js';

const span = (start: number, end: number): Span => ({ start, end, line: 1, column: start + 1 });

/** `x = f(a0) + f(a1) + ...` as the parser would give it: a left-leaning chain n deep. */
function deepSum(n: number): { module: Module; src: string } {
  let src = 'x = ';
  let sum: Expr | undefined;
  for (let i = 0; i < n; i++) {
    if (i) src += ' + ';
    const start = src.length;
    src += `f(a${i})`;
    const call: Expr = { type: 'Call', ...span(start, src.length), func: { type: 'Name', id: 'f', ...span(start, start + 1) }, args: [{ type: 'Name', id: `a${i}`, ...span(start + 2, src.length - 1) }], keywords: [] };
    sum = sum ? { type: 'BinOp', op: '+', left: sum, right: call, ...span(4, src.length) } : call;
  }
  const module: Module = { type: 'Module', body: [{ type: 'Assign', ...span(0, src.length), targets: [{ type: 'Name', id: 'x', ...span(0, 1) }], value: sum! }] };
  return { module, src: `${src}\n` };
}

const MODEL = `from odoo import api, fields, models
from odoo.addons.queue_job.fields import JobSerialized


class Shop(models.Model):
    _name = "shop.binding"
    _description = _table = "Shop"
    _inherit = ["external.binding", "mail.thread"]
    _order = ("name")

    name = fields.Char(required=True, help="The name")
    partner_id = fields.Many2one("res.partner", ondelete="cascade", **EXTRA)
    payload = JobSerialized(base_type=dict)
    _sql = Constraint("x")
    count = (fields.Integer())
    rate: float = fields.Float(digits=(16, 2))

    @api.depends("name", "partner_id.name")
    @api.model
    def _compute_x(self):
        if self.name == "x":
            self.env["res.partner"].create({"name": self.name}, **kw)

    async def later(self):
        pass
`;

describe('parsePython: classes', () => {
  it('reads fields with their positional and keyword arguments, at the field name', async () => {
    const [cls] = (await parsePython(MODEL)).classes;
    expect(cls).toMatchObject({ name: 'Shop', bases: ['models.Model'], line: 5, column: 1 });
    const name = cls!.fields.find((f) => f.name === 'name')!;
    expect(name).toMatchObject({ type: 'Char', args: [], line: 11, column: 5 });
    expect(name.kwargs.required).toMatchObject({ kind: 'bool', value: true, text: 'True', line: 11, column: 33 });
    expect(name.kwargs.help).toMatchObject({ kind: 'str', value: 'The name', text: '"The name"' });
    const partner = cls!.fields.find((f) => f.name === 'partner_id')!;
    expect(partner.args).toMatchObject([{ kind: 'str', value: 'res.partner', line: 12, column: 34 }]);
    expect(partner).toMatchObject({ hasStarKwargs: true });
    expect(cls!.fields.find((f) => f.name === 'rate')!.kwargs.digits).toMatchObject({ kind: 'list', text: '(16, 2)', items: [{ value: 16 }, { value: 2 }] });
  });

  it('reads a custom field class as a field, not a private attribute called like one', async () => {
    const [cls] = (await parsePython(MODEL)).classes;
    expect(cls!.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['name:Char', 'partner_id:Many2one', 'payload:JobSerialized', 'rate:Float']);
    expect(cls!.attrs._sql).toMatchObject({ kind: 'other', text: 'Constraint("x")' });
  });

  it('keeps the parentheses of a grouped value in its text, and reads it as what they hold', async () => {
    const [cls] = (await parsePython(MODEL)).classes;
    expect(cls!.attrs._order).toMatchObject({ kind: 'str', value: 'name', text: '("name")', line: 9, column: 5 });
    // A call in parentheses is an attribute, as tree-sitter's reading had it.
    expect(cls!.attrs.count).toMatchObject({ kind: 'other', text: '(fields.Integer())' });
  });

  it('gives every target of a chained assignment the value', async () => {
    const [cls] = (await parsePython(MODEL)).classes;
    expect(cls!.attrs._description).toMatchObject({ value: 'Shop', line: 7, column: 5 });
    expect(cls!.attrs._table).toMatchObject({ value: 'Shop', line: 7, column: 20 });
  });

  it('reads `_inherit = _name` as the value given above', async () => {
    const py = await parsePython('class C(models.Model):\n    _name = "ir.module.module"\n    _inherit = _name\n');
    expect(py.classes[0]!.attrs._inherit).toMatchObject({ kind: 'str', value: 'ir.module.module', line: 3, column: 5 });
  });

  it('reads methods with their decorators and arguments, at the method name', async () => {
    const [cls] = (await parsePython(MODEL)).classes;
    expect(cls!.methods.map((m) => m.name)).toEqual(['_compute_x', 'later']);
    const [compute] = cls!.methods;
    expect(compute).toMatchObject({ line: 20, column: 9 });
    expect(compute!.decorators).toMatchObject([
      { name: 'api.depends', args: [{ value: 'name' }, { value: 'partner_id.name' }], kwargs: {} },
      { name: 'api.model', args: [], kwargs: {} },
    ]);
  });

  it('lists the bases as written, a `**kwargs` among them', async () => {
    const py = await parsePython('class A(models.AbstractModel, Mixin, metaclass=M, **kw):\n    pass\n');
    expect(py.classes[0]!.bases).toEqual(['models.AbstractModel', 'Mixin', '**kw']);
  });

  it('adds a module-level setattr(Class, "name", ...) as a field of that class', async () => {
    const py = await parsePython('class IrRule(models.Model):\n    _name = "ir.rule"\n\n\nglobal_ = fields.Boolean()\nsetattr(IrRule, "global", global_)\n');
    expect(py.classes[0]!.fields).toEqual([{ name: 'global', type: 'Unknown', args: [], kwargs: {}, line: 6, column: 17 }]);
  });
});

describe('parsePython: imports, calls, comparisons', () => {
  it('marks the imports of a try block (not of its handlers) as guarded', async () => {
    const py = await parsePython('try:\n    from . import a\n    import b.c as d\nexcept ImportError:\n    from .. x.y import (z as w, v)\n');
    expect(py.imports).toEqual([
      { dots: '.', module: '', names: ['a'], guarded: true, line: 2, column: 5 },
      { dots: '', module: 'b.c', names: [], line: 3, column: 5 },
      { dots: '..', module: 'x.y', names: ['z', 'v'], line: 5, column: 5 },
    ]);
  });

  it('reads calls with their keyword names, `**kwargs`, in source order outer before inner', async () => {
    const py = await parsePython('a.b(c(x=1), y=2, w=3, **kw)[0](z=1)\n(f)(1)\n');
    expect(py.calls).toEqual([
      { callee: 'a.b', kwargs: ['y', 'w'], hasStarKwargs: true, line: 1, column: 1 },
      { callee: 'c', kwargs: ['x'], hasStarKwargs: false, line: 1, column: 5 },
    ]);
  });

  it('reads comparisons of exactly two operands, operands as written', async () => {
    const py = await parsePython('if (a) == b.c:\n    pass\nx = 1 < y < 2\nz = k not in ("a", "b")\n');
    expect(py.comparisons).toEqual([
      { operator: '==', left: '(a)', right: 'b.c', line: 1, column: 4 },
      { operator: 'not in', left: 'k', right: '("a", "b")', line: 4, column: 5 },
    ]);
  });
});

describe('parsePython: module level', () => {
  it('reads top-level assignments, the first expression and the second statement', async () => {
    const py = await parsePython('"""Doc."""\nX = -1.5\nY: int = 0x10\nZ = W = None\n');
    expect(py.firstExpression).toMatchObject({ kind: 'str', value: 'Doc.', line: 1, column: 1 });
    expect(py.secondStatement).toEqual({ line: 2, column: 1, text: 'X = -1.5' });
    expect(py.assignments.X).toMatchObject({ kind: 'num', value: -1.5 });
    expect(py.assignments.Y).toMatchObject({ kind: 'num', value: 16 });
    // A chained assignment gives its first target the assignment that follows, not a literal.
    expect(py.assignments.Z).toMatchObject({ kind: 'other', text: 'W = None', line: 4, column: 5 });
  });

  it('reads literals as CPython does: escapes, f-strings, implicit concatenation, underscores', async () => {
    const py = await parsePython(String.raw`A = "\x41\u00e9\N{BULLET}\101"
B = f"{{x}}" "y"
C = ("a"  # comment
     "b")
D = -1_000
E = b"\x00"
F = r"\x41"
`);
    expect(py.assignments.A).toMatchObject({ kind: 'str', value: 'Aé•A' });
    expect(py.assignments.B).toMatchObject({ kind: 'str', value: '{x}y' });
    expect(py.assignments.C).toMatchObject({ kind: 'str', value: 'ab', text: '("a"  # comment\n     "b")' });
    expect(py.assignments.D).toMatchObject({ kind: 'num', value: -1000 });
    expect(py.assignments.E).toMatchObject({ kind: 'str', value: '\0' });
    expect(py.assignments.F).toMatchObject({ kind: 'str', value: '\\x41' });
  });

  it('does not take a line continuation inside a call for an argument', async () => {
    const py = await parsePython('class P(models.Model):\n    j = fields.Many2one("account.journal", string="J", \\\n        domain="[]")\n');
    expect(py.classes[0]!.fields[0]!.args).toMatchObject([{ kind: 'str', value: 'account.journal' }]);
    expect(Object.keys(py.classes[0]!.fields[0]!.kwargs)).toEqual(['string', 'domain']);
  });

  it('reads a manifest dict as the first expression, with positions in UTF-16 units', async () => {
    const py = await parsePython('# -*- coding: utf-8 -*-\n{"name": "Café", "depends": ["base"], "installable": True}\n');
    expect(py.firstExpression).toMatchObject({ kind: 'dict', line: 2, column: 1 });
    const [name, depends, installable] = py.firstExpression!.entries!;
    expect(name!.value).toMatchObject({ value: 'Café', column: 10 });
    expect(depends!.value).toMatchObject({ kind: 'list', column: 29 });
    expect(installable!.value).toMatchObject({ kind: 'bool', value: true, column: 54 });
    expect(py.secondStatement).toBeUndefined();
  });

  it('starts the second statement of a decorated definition at its decorator', async () => {
    const py = await parsePython('import x\n@dec(1)\ndef f():\n    pass\n');
    expect(py.secondStatement).toEqual({ line: 2, column: 1, text: '@dec(1)\ndef f():\n    pass' });
  });

  it('lists top-level names, also of for/with/except targets and top-level blocks', async () => {
    const source = [
      'import a.b',
      'import c as d',
      'from e import f, g as h',
      'i, [j, *k] = 1, [2, 3]',
      'l += 1',
      'for m, n in x:',
      '    o = 1',
      'else:',
      '    p = 2',
      'with open(x) as q, open(y) as (r, s):',
      '    t = 1',
      'try:',
      '    u = 1',
      'except E as v:',
      '    w = 1',
      'finally:',
      '    y = 1',
      'if z:',
      '    def fn(): local = 1',
      'elif zz:',
      '    class K: attr = 1',
      'while False:',
      '    wh = 1',
      'self.attr = 1',
      '',
    ].join('\n');
    const py = await parsePython(source);
    expect(py.topNames).toEqual(['a', 'd', 'f', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'y', 'fn', 'K', 'wh']);
    expect(py.dynamicNames).toBeUndefined();
  });

  it('says the names cannot be listed after `import *`, a module __getattr__ or globals()', async () => {
    expect((await parsePython('if x:\n    from a import *\n')).dynamicNames).toBe(true);
    expect((await parsePython('def __getattr__(name):\n    pass\n')).dynamicNames).toBe(true);
    expect((await parsePython('globals()["x"] = 1\n')).dynamicNames).toBe(true);
  });

  it('reads a deeply nested expression without overflowing the stack', async () => {
    // CPython itself gives up near 3,000 terms ("maximum recursion depth exceeded"): a tree that
    // deep comes from no real file, but the walk must not depend on the parser's limits.
    const { module, src } = deepSum(200_000);
    const py = extractFacts(module, src);
    expect(py.calls).toHaveLength(200_000);
    expect(py.calls[199_999]).toMatchObject({ callee: 'f', line: 1, column: src.lastIndexOf('f(') + 1 });
    expect(py.assignments.x).toMatchObject({ kind: 'other', line: 1, column: 5 });
    let lit = (await parsePython(`y = ${'['.repeat(150)}1${']'.repeat(150)}\n`)).assignments.y;
    for (let depth = 0; depth < 150; depth++) lit = lit!.items![0];
    expect(lit).toMatchObject({ kind: 'num', value: 1 });
  });

  // CPython reads a sum of up to ~2,990 terms.
  it('reads a 2,500-term sum as CPython does', async () => {
    const sum = await parsePython(`x = ${Array.from({ length: 2_500 }, (_, i) => `f(a${i})`).join(' + ')}\n`);
    expect(sum.syntaxErrors).toEqual([]);
    expect(sum.calls).toHaveLength(2_500);
  });
});

describe('extractFacts: the nodes the parser gathers', () => {
  // Nested calls and classes (completed inner first), imports in try bodies, and the places where
  // the parser reads ahead and backs off (`match(...)` as a call, `with (a, b)` as a tuple, a
  // `print` that is a name): what it gathers must give the facts a walk of the tree gives.
  const SOURCES = [
    WARM_UP_SOURCE,
    MODEL,
    `class A(f(g(1))):\n    class B(h()):\n        x = k(m(n()), o=p())\n    y = a(b)(c)(d).e(f(g))\n`,
    `try:\n    import a\n    def f():\n        from b import c\nexcept ImportError:\n    from d import e\nfinally:\n    import f\n`,
    `match(x(1) == y(2))\nwith (a(1), b(2) == c) as d:\n    pass\nwith (a(1) as b, c()):\n    print(f"{g(h()):{i()}}", [j() for j in k() if l() < m()])\n`,
    `print (a(b) < c(d))\nx = [q() for q in r()]\nlambda s=t(): u(v() > w)\n`,
  ];
  it('gives the same facts as a walk of the tree', () => {
    for (const src of SOURCES) {
      const found = newFactNodes();
      const r = parseModule(src, found);
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const gathered = extractFacts(r.module, src, found);
      expect(gathered).toEqual(extractFacts(r.module, src));
      expect(gathered.calls.length + gathered.imports.length).toBeGreaterThan(0);
    }
  });
});
