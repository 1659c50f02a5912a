/**
 * @fileoverview Extracts from a module's syntax tree the facts the rules read (PyFile): classes
 * with their fields, methods and attributes, imports, calls, comparisons, top-level assignments
 * and names. Expressions are quoted as written (grouping parentheses included), at the position of
 * their first character.
 */
import type { Call, ClassDef, Compare, Expr, FunctionDef, Import, ImportFrom, Module, Name, Span, Stmt } from './ast.js';
import { toLit } from './literal.js';
import type { Lit, PyClass, PyDecorator, PyFile, PyMethod } from './py-file.js';
import { grouped, positionBefore, skipForward } from './source-span.js';
import { topLevelNames } from './top-names.js';
import type { FactNodes } from './parser.js';
import { walkInSourceOrder } from './walk.js';

/** Arguments of a call read as literals. */
interface CallArgs {
  args: Lit[];
  kwargs: Record<string, Lit>;
  hasStarKwargs: boolean;
}

/** The source text of a node, with the grouping parentheses that lie inside [lo, hi). */
function groupedText(node: Span, src: string, lo: number, hi: number): string {
  const g = grouped(node, src, lo, hi);
  return src.slice(g.start, g.end);
}

/** True when grouping parentheses surround the node inside [lo, hi). */
function isGrouped(node: Span, src: string, lo: number, hi: number): boolean {
  return grouped(node, src, lo, hi).parens > 0;
}

function readCallArgs(call: Call, src: string): CallArgs {
  const args: Lit[] = [];
  const kwargs: Record<string, Lit> = {};
  let hasStarKwargs = false;
  // Grouping parentheses of an argument close before the call's own closing one.
  const hi = call.end - 1;
  for (const arg of call.args) args.push(toLit(arg, src, call.start, hi));
  for (const kw of call.keywords) {
    if (kw.arg === null) hasStarKwargs = true;
    else kwargs[kw.arg] = toLit(kw.value, src, call.start, hi);
  }
  return { args, kwargs, hasStarKwargs };
}

/** The name a call is made through, when it is a plain name or attribute (`fields.Char`, `setattr`). */
function calleeName(call: Call, src: string): string | undefined {
  const fn = call.func;
  if (fn.type !== 'Name' && fn.type !== 'Attribute') return undefined;
  if (fn.start !== call.start && isGrouped(fn, src, call.start, call.end)) return undefined;
  return src.slice(fn.start, fn.end);
}

function readDecorator(expr: Expr, src: string): PyDecorator {
  if (expr.type === 'Call' && !isGrouped(expr, src, 0, src.length)) {
    return { name: groupedText(expr.func, src, expr.start, expr.end), ...readCallArgs(expr, src) };
  }
  return { name: groupedText(expr, src, 0, src.length), args: [], kwargs: {} };
}

/** Offset of the `(` opening a class's bases, or -1 for `class A:`. */
function basesOpen(cls: ClassDef, src: string): number {
  const at = skipForward(src, cls.nameSpan.end, cls.end);
  return src[at] === '(' ? at : -1;
}

function readClass(cls: ClassDef, src: string): PyClass {
  const out: PyClass = {
    name: cls.name,
    bases: classBases(cls, src),
    // null prototype: a class attribute named __proto__ or constructor is data, not an accessor
    attrs: Object.create(null) as Record<string, Lit>,
    fields: [],
    methods: [],
    line: cls.line,
    column: cls.column,
  };
  for (const stmt of cls.body) {
    if (stmt.type === 'FunctionDef' || stmt.type === 'AsyncFunctionDef') out.methods.push(readMethod(stmt, src));
    else if (stmt.type === 'Assign') readClassAssignment(stmt.targets, stmt.value, stmt, src, out);
    else if (stmt.type === 'AnnAssign' && stmt.value) readClassAssignment([stmt.target], stmt.value, stmt, src, out);
  }
  return out;
}

/** The bases of a class header as written. */
function classBases(cls: ClassDef, src: string): string[] {
  const open = basesOpen(cls, src);
  // `**kwargs` in a class header is listed among the bases, as `*bases` is.
  const bases: Span[] = cls.bases.slice();
  for (const k of cls.keywords) if (k.arg === null) bases.push(k);
  if (bases.length > 1) bases.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  for (const b of bases) out.push(groupedText(b, src, open + 1, cls.end));
  return out;
}

function readMethod(stmt: FunctionDef, src: string): PyMethod {
  const decorators: PyDecorator[] = [];
  for (const d of stmt.decorator_list) decorators.push(readDecorator(d, src));
  return { name: stmt.name, decorators, line: stmt.nameSpan.line, column: stmt.nameSpan.column };
}

/** `_name = _description = "x"` chains assignments: every target gets the value. */
function readClassAssignment(targets: Expr[], right: Expr, stmt: Span, src: string, out: PyClass): void {
  const rightGrouped = isGrouped(right, src, stmt.start, stmt.end);
  for (const left of targets) {
    if (left.type !== 'Name' || isGrouped(left, src, stmt.start, stmt.end)) continue;
    readClassTarget(left, right, rightGrouped, stmt, src, out);
  }
}

/** One `name = value` in a class body: a field, or an attribute with its literal value. */
function readClassTarget(left: Name, right: Expr, rightGrouped: boolean, stmt: Span, src: string, out: PyClass): void {
  const fn = right.type === 'Call' && !rightGrouped ? groupedText(right.func, src, right.start, right.end) : undefined;
  // fields.Char(...), or a custom field class (queue_job's JobSerialized, base_sparse_field's Serialized).
  const match = fn?.match(/^fields\.([A-Z]\w*)$/) ?? (left.id.startsWith('_') ? null : fn?.match(/^(?:[a-z_]\w*\.)*([A-Z]\w*)$/));
  if (match) {
    const a = readCallArgs(right as Call, src);
    out.fields.push({ name: left.id, type: match[1]!, args: a.args, kwargs: a.kwargs, hasStarKwargs: a.hasStarKwargs, line: left.line, column: left.column });
    return;
  }
  // `_inherit = _name` names an attribute set above: take its value.
  const earlier = right.type === 'Name' && !rightGrouped ? out.attrs[right.id] : undefined;
  const lit = earlier ? { ...earlier } : toLit(right, src, stmt.start, stmt.end);
  lit.line = left.line;
  lit.column = left.column;
  out.attrs[left.id] = lit;
}

/**
 * `setattr(IrRule, 'global', global_)` at module level adds a field named after a Python keyword
 * (odoo/addons/base/models/ir_rule.py). Applied to the classes once all are read.
 */
function setattrField(call: Call, src: string, out: PyFile): void {
  if (calleeName(call, src) !== 'setattr') return;
  const [target, name] = readCallArgs(call, src).args;
  if (target?.kind !== 'name' || name?.kind !== 'str') return;
  out.pendingSetattr ??= [];
  out.pendingSetattr.push({ cls: target.value as string, name: name.value as string, line: name.line, column: name.column });
}

/** Where a statement starts as written: a decorated definition at its first `@`. */
function statementStart(stmt: Stmt, src: string): number {
  if ((stmt.type === 'FunctionDef' || stmt.type === 'AsyncFunctionDef' || stmt.type === 'ClassDef') && stmt.decorator_list.length) {
    // A decorator opens its line: the `@` is the line's first character after the indentation.
    const first = stmt.decorator_list[0]!;
    const at = src.lastIndexOf('@', first.start);
    if (at >= 0) return at;
  }
  return stmt.start;
}

/** Reads the module's statements themselves: assignments, first expression, second statement, setattr. */
function readTopLevel(module: Module, src: string, out: PyFile): void {
  let statements = 0;
  for (const stmt of module.body) {
    if (++statements === 2) {
      const start = statementStart(stmt, src);
      out.secondStatement = { ...positionBefore(src, start, stmt), text: src.slice(start, Math.min(stmt.end, start + 40)) };
    }
    switch (stmt.type) {
      case 'Assign': {
        const left = stmt.targets[0]!;
        if (left.type !== 'Name' || isGrouped(left, src, stmt.start, stmt.end)) break;
        if (stmt.targets.length === 1) {
          out.assignments[left.id] = toLit(stmt.value, src, stmt.start, stmt.end);
        } else {
          // `a = b = 1`: what a is given is the assignment `b = 1`, no literal.
          const next = grouped(stmt.targets[1]!, src, stmt.start, stmt.end);
          out.assignments[left.id] = { kind: 'other', text: src.slice(next.start, stmt.end), ...positionBefore(src, next.start, stmt.targets[1]!) };
        }
        break;
      }
      case 'AnnAssign':
        if (stmt.target.type === 'Name' && stmt.value && !isGrouped(stmt.target, src, stmt.start, stmt.end)) {
          out.assignments[stmt.target.id] = toLit(stmt.value, src, stmt.start, stmt.end);
        }
        break;
      case 'AugAssign':
        out.firstExpression ??= { kind: 'other', text: src.slice(stmt.start, stmt.end), line: stmt.line, column: stmt.column };
        break;
      case 'Expr': {
        const value = stmt.value;
        // `a, b` as a statement: its first expression is `a`.
        const first = value.type === 'Tuple' && !value.parenthesized && value.elts.length ? value.elts[0]! : value;
        out.firstExpression ??= toLit(first, src, stmt.start, stmt.end);
        if (value.type === 'Call' && !isGrouped(value, src, stmt.start, stmt.end)) setattrField(value, src, out);
        break;
      }
      default:
        break;
    }
  }
}

function readImport(node: Import | ImportFrom, guarded: boolean, out: PyFile): void {
  if (node.type === 'Import') {
    for (const alias of node.names) out.imports.push({ dots: '', module: alias.name, names: [], line: node.line, column: node.column });
    return;
  }
  // `from __future__ import x` is a compiler directive, not an import of a module.
  if (node.module === '__future__' && node.level === 0) return;
  out.imports.push({
    dots: '.'.repeat(node.level),
    module: node.module ?? '',
    names: node.names.filter((a) => a.name !== '*').map((a) => a.name),
    ...(guarded ? { guarded: true } : {}),
    line: node.line,
    column: node.column,
  });
}

/**
 * The keywords of every call passing none (most of them), shared: a file's calls are kept as long
 * as its parse, and an empty array each was a third of their memory.
 */
const NO_KEYWORDS: readonly string[] = Object.freeze([]);

function readCall(node: Call, src: string, out: PyFile): void {
  const callee = calleeName(node, src);
  if (callee === undefined) return;
  let kwargs = NO_KEYWORDS;
  let hasStarKwargs = false;
  for (const kw of node.keywords) {
    if (kw.arg === null) hasStarKwargs = true;
    else if (kwargs === NO_KEYWORDS) kwargs = [kw.arg];
    else if (!kwargs.includes(kw.arg)) (kwargs as string[]).push(kw.arg);
  }
  out.calls.push({ callee, kwargs, hasStarKwargs, line: node.line, column: node.column });
}

function readComparison(node: Compare, src: string, out: PyFile): void {
  if (node.ops.length !== 1) return;
  const left = grouped(node.left, src, node.start, node.end);
  const right = grouped(node.comparators[0]!, src, node.start, node.end);
  // A comment between the operands made the tree-sitter reader skip the comparison; keep that.
  if (src.slice(left.end, right.start).includes('#')) return;
  out.comparisons.push({ operator: node.ops[0]!, left: src.slice(left.start, left.end), right: src.slice(right.start, right.end), line: node.line, column: node.column });
}

/** The nodes the facts read, found by walking a tree the parser did not gather them for. */
function factNodesOf(module: Module): FactNodes {
  const found: FactNodes = { classes: [], imports: [], guarded: [], calls: [], comparisons: [] };
  walkInSourceOrder(module, (node, insideTry) => {
    switch (node.type) {
      case 'ClassDef':
        found.classes.push(node);
        break;
      case 'Import':
      case 'ImportFrom':
        found.imports.push(node);
        found.guarded.push(insideTry);
        break;
      case 'Call':
        found.calls.push(node);
        break;
      case 'Compare':
        found.comparisons.push(node);
        break;
      default:
        break;
    }
  });
  return found;
}

/**
 * The facts of a module the rules read, from its syntax tree and its source. `found` is what
 * parseModule gathered while building the tree; without it the tree is walked.
 */
export function extractFacts(module: Module, src: string, found: FactNodes = factNodesOf(module)): PyFile {
  const out: PyFile = { syntaxErrors: [], classes: [], imports: [], calls: [], comparisons: [], assignments: {}, topNames: [] };
  readTopLevel(module, src, out);
  for (const c of found.classes) out.classes.push(readClass(c, src));
  for (let i = 0; i < found.imports.length; i++) readImport(found.imports[i]!, found.guarded[i]!, out);
  for (const c of found.calls) readCall(c, src, out);
  for (const c of found.comparisons) readComparison(c, src, out);
  const names = new Set<string>();
  if (topLevelNames(module.body, names)) out.dynamicNames = true;
  if (out.calls.some((c) => c.callee === 'globals' || c.callee === 'vars' || c.callee === 'locals')) out.dynamicNames = true;
  out.topNames = [...names];
  for (const p of out.pendingSetattr ?? []) {
    out.classes.find((c) => c.name === p.cls)?.fields.push({ name: p.name, type: 'Unknown', args: [], kwargs: {}, line: p.line, column: p.column });
  }
  delete out.pendingSetattr;
  return out;
}
