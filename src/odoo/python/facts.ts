/**
 * @fileoverview Extracts from a module's syntax tree the facts the rules read (PyFile): classes
 * with their fields, methods and attributes, imports, calls, comparisons, top-level assignments
 * and names. Expressions are quoted as written (grouping parentheses included), at the position of
 * their first character.
 */
import type { Call, ClassDef, ExceptHandler, Expr, Keyword, Module, Pattern, Span, Stmt } from './ast.js';
import { toLit } from './literal.js';
import type { Lit, PyClass, PyDecorator, PyFile } from './py-file.js';
import { grouped, positionBefore, skipForward } from './source-span.js';
import { topLevelNames } from './top-names.js';

/** Any node the walk meets. */
type Node = Stmt | Expr | Pattern | ExceptHandler;

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

/** Positional and keyword arguments in source order (a `*args` may follow a keyword). */
function argumentsInOrder(call: Call): Array<Expr | Keyword> {
  const { args, keywords } = call;
  if (!keywords.length) return args;
  if (!args.length) return keywords;
  const out: Array<Expr | Keyword> = [];
  let i = 0;
  let k = 0;
  while (i < args.length || k < keywords.length) {
    if (k >= keywords.length || (i < args.length && args[i]!.start < keywords[k]!.start)) out.push(args[i++]!);
    else out.push(keywords[k++]!);
  }
  return out;
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
  const open = basesOpen(cls, src);
  // `**kwargs` in a class header is listed among the bases, as `*bases` is.
  const bases = [...cls.bases, ...cls.keywords.filter((k) => k.arg === null)].sort((a, b) => a.start - b.start);
  const out: PyClass = {
    name: cls.name,
    bases: bases.map((b) => groupedText(b, src, open + 1, cls.end)),
    // null prototype: a class attribute named __proto__ or constructor is data, not an accessor
    attrs: Object.create(null) as Record<string, Lit>,
    fields: [],
    methods: [],
    line: cls.line,
    column: cls.column,
  };
  for (const stmt of cls.body) {
    if (stmt.type === 'FunctionDef' || stmt.type === 'AsyncFunctionDef') {
      const decorators = stmt.decorator_list.map((d) => readDecorator(d, src));
      out.methods.push({ name: stmt.name, decorators, line: stmt.nameSpan.line, column: stmt.nameSpan.column });
      continue;
    }
    let targets: Expr[];
    let right: Expr | null;
    if (stmt.type === 'Assign') {
      targets = stmt.targets;
      right = stmt.value;
    } else if (stmt.type === 'AnnAssign') {
      targets = [stmt.target];
      right = stmt.value;
    } else continue;
    if (!right) continue;
    // `_name = _description = "x"` chains assignments: every target gets the value.
    const rightGrouped = isGrouped(right, src, stmt.start, stmt.end);
    for (const left of targets) {
      if (left.type !== 'Name' || isGrouped(left, src, stmt.start, stmt.end)) continue;
      const fn = right.type === 'Call' && !rightGrouped ? groupedText(right.func, src, right.start, right.end) : undefined;
      // fields.Char(...), or a custom field class (queue_job's JobSerialized, base_sparse_field's Serialized).
      const match = fn?.match(/^fields\.([A-Z]\w*)$/) ?? (left.id.startsWith('_') ? null : fn?.match(/^(?:[a-z_]\w*\.)*([A-Z]\w*)$/));
      if (match) {
        out.fields.push({ name: left.id, type: match[1]!, ...readCallArgs(right as Call, src), line: left.line, column: left.column });
      } else {
        // `_inherit = _name` names an attribute set above: take its value.
        const earlier = right.type === 'Name' && !rightGrouped ? out.attrs[right.id] : undefined;
        out.attrs[left.id] = { ...(earlier ?? toLit(right, src, stmt.start, stmt.end)), line: left.line, column: left.column };
      }
    }
  }
  return out;
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

/** Pushes a statement list's nodes in reverse source order (decorators before their definition). */
function pushStatements(stmts: Stmt[], guarded: boolean, nodes: Node[], flags: boolean[]): void {
  for (let i = stmts.length - 1; i >= 0; i--) {
    const stmt = stmts[i]!;
    nodes.push(stmt);
    flags.push(guarded);
    if (stmt.type === 'FunctionDef' || stmt.type === 'AsyncFunctionDef' || stmt.type === 'ClassDef') {
      for (let d = stmt.decorator_list.length - 1; d >= 0; d--) {
        nodes.push(stmt.decorator_list[d]!);
        flags.push(guarded);
      }
    }
  }
}

/** Appends items one by one: a spread of an input-sized array into push() overflows the stack. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/** Appends the child expressions and patterns of a node in source order (statements are pushed apart). */
function childExpressions(node: Node, kids: Array<Node | null>): void {
  switch (node.type) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'Lambda': {
      const a = node.args;
      const parts: Expr[] = [];
      for (const arg of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg]) if (arg?.annotation) parts.push(arg.annotation);
      append(parts, a.defaults);
      for (const d of a.kw_defaults) if (d) parts.push(d);
      parts.sort((x, y) => x.start - y.start);
      append(kids, parts);
      if (node.type === 'Lambda') kids.push(node.body);
      else kids.push(node.returns);
      break;
    }
    case 'ClassDef':
      append(kids, [...node.bases, ...node.keywords.map((k) => k.value)].sort((x, y) => x.start - y.start));
      break;
    case 'Return':
    case 'Expr':
    case 'Await':
    case 'Yield':
    case 'YieldFrom':
    case 'Starred':
    case 'Attribute':
      kids.push(node.value);
      break;
    case 'Delete':
      append(kids, node.targets);
      break;
    case 'Assign':
      append(kids, node.targets);
      kids.push(node.value);
      break;
    case 'AugAssign':
      kids.push(node.target, node.value);
      break;
    case 'AnnAssign':
      kids.push(node.target, node.annotation, node.value);
      break;
    case 'For':
    case 'AsyncFor':
      kids.push(node.target, node.iter);
      break;
    case 'While':
    case 'If':
      kids.push(node.test);
      break;
    case 'With':
    case 'AsyncWith':
      for (const item of node.items) kids.push(item.context_expr, item.optional_vars);
      break;
    case 'Match':
      kids.push(node.subject);
      break;
    case 'Raise':
      kids.push(node.exc, node.cause);
      break;
    case 'Assert':
      kids.push(node.test, node.msg);
      break;
    case 'ExceptHandler':
      kids.push(node.exc_type);
      break;
    case 'BoolOp':
      append(kids, node.values);
      break;
    case 'NamedExpr':
      kids.push(node.target, node.value);
      break;
    case 'BinOp':
      kids.push(node.left, node.right);
      break;
    case 'UnaryOp':
      kids.push(node.operand);
      break;
    case 'IfExp':
      kids.push(node.body, node.test, node.orelse);
      break;
    case 'Dict':
      for (let i = 0; i < node.values.length; i++) kids.push(node.keys[i] ?? null, node.values[i]!);
      break;
    case 'Set':
    case 'List':
    case 'Tuple':
      append(kids, node.elts);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      if (node.type === 'DictComp') kids.push(node.key, node.value);
      else kids.push(node.elt);
      for (const g of node.generators) {
        kids.push(g.target, g.iter);
        append(kids, g.ifs);
      }
      break;
    case 'Compare':
      kids.push(node.left);
      append(kids, node.comparators);
      break;
    case 'Call':
      kids.push(node.func);
      for (const a of argumentsInOrder(node)) kids.push(a.type === 'keyword' ? a.value : a);
      break;
    case 'FormattedValue':
      kids.push(node.value, node.format_spec);
      break;
    case 'JoinedStr':
      append(kids, node.values);
      break;
    case 'Subscript':
      kids.push(node.value, node.slice);
      break;
    case 'Slice':
      kids.push(node.lower, node.upper, node.step);
      break;
    case 'MatchValue':
      kids.push(node.value);
      break;
    case 'MatchSequence':
    case 'MatchOr':
      append(kids, node.patterns);
      break;
    case 'MatchMapping':
      for (let i = 0; i < node.keys.length; i++) kids.push(node.keys[i]!, node.patterns[i]!);
      break;
    case 'MatchClass':
      kids.push(node.cls);
      append(kids, node.patterns);
      append(kids, node.kwd_patterns);
      break;
    case 'MatchAs':
      kids.push(node.pattern);
      break;
    default:
      break;
  }
}

/** Pushes a node's children, last first, so that they pop in source order. */
function pushChildren(node: Node, guarded: boolean, nodes: Node[], flags: boolean[], kids: Array<Node | null>): void {
  // Statement bodies come after the node's own expressions in the source.
  switch (node.type) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
    case 'ClassDef':
    case 'With':
    case 'AsyncWith':
    case 'ExceptHandler':
      pushStatements(node.body, guarded, nodes, flags);
      break;
    case 'For':
    case 'AsyncFor':
    case 'While':
    case 'If':
      pushStatements(node.orelse, guarded, nodes, flags);
      pushStatements(node.body, guarded, nodes, flags);
      break;
    case 'Try':
    case 'TryStar':
      pushStatements(node.finalbody, guarded, nodes, flags);
      pushStatements(node.orelse, guarded, nodes, flags);
      for (let i = node.handlers.length - 1; i >= 0; i--) {
        nodes.push(node.handlers[i]! as Node);
        flags.push(guarded);
      }
      // An import in the try block (not its handlers) is one the file is ready to miss.
      pushStatements(node.body, true, nodes, flags);
      break;
    case 'Match':
      for (let i = node.cases.length - 1; i >= 0; i--) {
        const c = node.cases[i]!;
        pushStatements(c.body, guarded, nodes, flags);
        if (c.guard) {
          nodes.push(c.guard);
          flags.push(guarded);
        }
        nodes.push(c.pattern);
        flags.push(guarded);
      }
      break;
    default:
      break;
  }
  kids.length = 0;
  childExpressions(node, kids);
  for (let i = kids.length - 1; i >= 0; i--) {
    const kid = kids[i];
    if (kid) {
      nodes.push(kid);
      flags.push(guarded);
    }
  }
}

/** Reads one node the walk meets. */
function visit(node: Node, guarded: boolean, src: string, out: PyFile): void {
  switch (node.type) {
    case 'ClassDef':
      out.classes.push(readClass(node, src));
      break;
    case 'ImportFrom':
      // `from __future__ import x` is a compiler directive, not an import of a module.
      if (node.module === '__future__' && node.level === 0) break;
      out.imports.push({
        dots: '.'.repeat(node.level),
        module: node.module ?? '',
        names: node.names.filter((a) => a.name !== '*').map((a) => a.name),
        ...(guarded ? { guarded: true } : {}),
        line: node.line,
        column: node.column,
      });
      break;
    case 'Import':
      for (const alias of node.names) out.imports.push({ dots: '', module: alias.name, names: [], line: node.line, column: node.column });
      break;
    case 'Call': {
      const callee = calleeName(node, src);
      if (callee === undefined) break;
      const kwargs: string[] = [];
      let hasStarKwargs = false;
      for (const kw of node.keywords) {
        if (kw.arg === null) hasStarKwargs = true;
        else if (!kwargs.includes(kw.arg)) kwargs.push(kw.arg);
      }
      out.calls.push({ callee, kwargs, hasStarKwargs, line: node.line, column: node.column });
      break;
    }
    case 'Compare': {
      if (node.ops.length !== 1) break;
      const left = grouped(node.left, src, node.start, node.end);
      const right = grouped(node.comparators[0]!, src, node.start, node.end);
      // A comment between the operands made the tree-sitter reader skip the comparison; keep that.
      if (src.slice(left.end, right.start).includes('#')) break;
      out.comparisons.push({ operator: node.ops[0]!, left: src.slice(left.start, left.end), right: src.slice(right.start, right.end), line: node.line, column: node.column });
      break;
    }
    default:
      break;
  }
}

/**
 * Visits every node in source order, outer before inner, with an explicit stack: expressions may
 * nest deeper than the call stack would allow.
 */
function walk(module: Module, src: string, out: PyFile): void {
  const nodes: Node[] = [];
  const flags: boolean[] = [];
  const kids: Array<Node | null> = [];
  pushStatements(module.body, false, nodes, flags);
  while (nodes.length) {
    const node = nodes.pop()!;
    const guarded = flags.pop()!;
    visit(node, guarded, src, out);
    pushChildren(node, guarded, nodes, flags, kids);
  }
}

/** The facts of a module the rules read, from its syntax tree and its source. */
export function extractFacts(module: Module, src: string): PyFile {
  const out: PyFile = { syntaxErrors: [], classes: [], imports: [], calls: [], comparisons: [], assignments: {}, topNames: [] };
  readTopLevel(module, src, out);
  walk(module, src, out);
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
