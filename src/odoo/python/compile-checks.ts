/**
 * @fileoverview The errors CPython 3.11 raises after parsing, while building the symbol table
 * (symtable.c) and compiling (compile.c), that are cheap to find on our tree: 'return'/'yield'
 * outside function, 'break'/'continue' outside loop, 'await' outside (async) function, duplicate
 * argument, nonlocal at module level, global/nonlocal after use, starred expressions where they
 * cannot be, bare except not last. Symbol table errors come first, as in CPython.
 */
import type { Arguments, Expr, ExceptHandler, Keyword, Module, Pattern, PySyntaxError, Span, Stmt } from './ast.js';

class Found {
  constructor(readonly error: PySyntaxError) {}
}

function raise(at: Span, message: string): never {
  throw new Found({ line: at.line, column: at.column, message });
}

/** The first compile-stage error of a parsed module, or null. */
export function compileChecks(module: Module): PySyntaxError | null {
  try {
    const top = new Scope('module', null);
    for (const s of module.body) symStmt(s, top);
    checkNonlocalBindings(top);
    const ctx: Ctx = { kind: 'module', loop: false, isAsync: false, generator: false };
    for (const s of module.body) compStmt(s, ctx);
    return null;
  } catch (e) {
    if (e instanceof Found) return e.error;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Symbol table pass

const USE = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_ANNOT = 8;
const DEF_GLOBAL = 16;
const DEF_NONLOCAL = 32;

type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

class Scope {
  readonly symbols = new Map<string, number>();
  readonly children: Scope[] = [];
  readonly nonlocals: Array<{ name: string; at: Span }> = [];
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    /** For comprehensions: 'list comprehension' and so on. */
    readonly compName = '',
  ) {
    parent?.children.push(this);
  }
  add(name: string, flag: number): void {
    this.symbols.set(name, (this.symbols.get(name) ?? 0) | flag);
  }
}

function symArgs(args: Arguments, outer: Scope, inner: Scope): void {
  for (const d of args.defaults) symExpr(d, outer);
  for (const d of args.kw_defaults) if (d) symExpr(d, outer);
  const all = [...args.posonlyargs, ...args.args, ...(args.vararg ? [args.vararg] : []), ...args.kwonlyargs, ...(args.kwarg ? [args.kwarg] : [])];
  for (const a of all) if (a.annotation) symExpr(a.annotation, outer);
  // CPython adds parameters in this order and reports the second occurrence.
  const ordered = [...args.posonlyargs, ...args.args, ...args.kwonlyargs, ...(args.vararg ? [args.vararg] : []), ...(args.kwarg ? [args.kwarg] : [])];
  for (const a of ordered) {
    if ((inner.symbols.get(a.arg) ?? 0) & DEF_PARAM) raise(a, `duplicate argument '${a.arg}' in function definition`);
    inner.add(a.arg, DEF_PARAM);
  }
}

function symStmts(body: Stmt[], scope: Scope): void {
  for (const s of body) symStmt(s, scope);
}

function symStmt(s: Stmt, scope: Scope): void {
  switch (s.type) {
    case 'FunctionDef': case 'AsyncFunctionDef': {
      scope.add(s.name, DEF_LOCAL);
      for (const d of s.decorator_list) symExpr(d, scope);
      const inner = new Scope('function', scope);
      symArgs(s.args, scope, inner);
      if (s.returns) symExpr(s.returns, scope);
      symStmts(s.body, inner);
      return;
    }
    case 'ClassDef': {
      scope.add(s.name, DEF_LOCAL);
      for (const b of s.bases) symExpr(b, scope);
      for (const k of s.keywords) symExpr(k.value, scope);
      for (const d of s.decorator_list) symExpr(d, scope);
      symStmts(s.body, new Scope('class', scope));
      return;
    }
    case 'Return': if (s.value) symExpr(s.value, scope); return;
    case 'Delete': for (const t of s.targets) symTarget(t, scope); return;
    case 'Assign':
      for (const t of s.targets) symTarget(t, scope);
      symExpr(s.value, scope);
      return;
    case 'AugAssign':
      symTarget(s.target, scope);
      symExpr(s.value, scope);
      return;
    case 'AnnAssign':
      if (s.target.type === 'Name') {
        const cur = scope.symbols.get(s.target.id) ?? 0;
        if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && s.simple) {
          raise(s, `annotated name '${s.target.id}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`);
        }
        if (s.simple) scope.add(s.target.id, DEF_ANNOT | DEF_LOCAL);
        else if (s.value) scope.add(s.target.id, DEF_LOCAL);
      } else symTarget(s.target, scope);
      symExpr(s.annotation, scope);
      if (s.value) symExpr(s.value, scope);
      return;
    case 'For': case 'AsyncFor':
      symTarget(s.target, scope);
      symExpr(s.iter, scope);
      symStmts(s.body, scope);
      symStmts(s.orelse, scope);
      return;
    case 'While':
      symExpr(s.test, scope);
      symStmts(s.body, scope);
      symStmts(s.orelse, scope);
      return;
    case 'If':
      symExpr(s.test, scope);
      symStmts(s.body, scope);
      symStmts(s.orelse, scope);
      return;
    case 'With': case 'AsyncWith':
      for (const it of s.items) {
        symExpr(it.context_expr, scope);
        if (it.optional_vars) symTarget(it.optional_vars, scope);
      }
      symStmts(s.body, scope);
      return;
    case 'Match':
      symExpr(s.subject, scope);
      for (const c of s.cases) {
        symPattern(c.pattern, scope);
        if (c.guard) symExpr(c.guard, scope);
        symStmts(c.body, scope);
      }
      return;
    case 'Raise':
      if (s.exc) symExpr(s.exc, scope);
      if (s.cause) symExpr(s.cause, scope);
      return;
    case 'Try': case 'TryStar':
      symStmts(s.body, scope);
      for (const h of s.handlers) {
        if (h.exc_type) symExpr(h.exc_type, scope);
        if (h.name) scope.add(h.name, DEF_LOCAL);
        symStmts(h.body, scope);
      }
      symStmts(s.orelse, scope);
      symStmts(s.finalbody, scope);
      return;
    case 'Assert':
      symExpr(s.test, scope);
      if (s.msg) symExpr(s.msg, scope);
      return;
    case 'Import': case 'ImportFrom':
      for (const a of s.names) {
        if (a.name === '*') {
          if (scope.kind !== 'module') raise(a, 'import * only allowed at module level');
          continue;
        }
        scope.add(a.asname ?? a.name.split('.')[0], DEF_LOCAL);
      }
      return;
    case 'Global': case 'Nonlocal': {
      const isGlobal = s.type === 'Global';
      const what = isGlobal ? 'global' : 'nonlocal';
      if (!isGlobal && scope.kind === 'module') raise(s, 'nonlocal declaration not allowed at module level');
      for (const name of s.names) {
        const cur = scope.symbols.get(name) ?? 0;
        if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
          const msg = cur & DEF_PARAM
            ? `name '${name}' is parameter and ${what}`
            : cur & USE
              ? `name '${name}' is used prior to ${what} declaration`
              : cur & DEF_ANNOT
                ? `annotated name '${name}' can't be ${what}`
                : `name '${name}' is assigned to before ${what} declaration`;
          raise(s, msg);
        }
        if (!isGlobal && cur & DEF_GLOBAL) raise(s, `name '${name}' is nonlocal and global`);
        if (isGlobal && cur & DEF_NONLOCAL) raise(s, `name '${name}' is nonlocal and global`);
        scope.add(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL);
        if (!isGlobal) scope.nonlocals.push({ name, at: s });
      }
      return;
    }
    case 'Expr': symExpr(s.value, scope); return;
    default:
      return;
  }
}

function symPattern(p: import('./ast.js').Pattern, scope: Scope): void {
  switch (p.type) {
    case 'MatchValue': symExpr(p.value, scope); return;
    case 'MatchSingleton': return;
    case 'MatchSequence': for (const x of p.patterns) symPattern(x, scope); return;
    case 'MatchMapping':
      for (const k of p.keys) symExpr(k, scope);
      for (const x of p.patterns) symPattern(x, scope);
      if (p.rest) scope.add(p.rest, DEF_LOCAL);
      return;
    case 'MatchClass':
      symExpr(p.cls, scope);
      for (const x of p.patterns) symPattern(x, scope);
      for (const x of p.kwd_patterns) symPattern(x, scope);
      return;
    case 'MatchStar': if (p.name) scope.add(p.name, DEF_LOCAL); return;
    case 'MatchAs':
      if (p.pattern) symPattern(p.pattern, scope);
      if (p.name) scope.add(p.name, DEF_LOCAL);
      return;
    case 'MatchOr': for (const x of p.patterns) symPattern(x, scope); return;
  }
}

function symTarget(t: Expr, scope: Scope): void {
  switch (t.type) {
    case 'Name': scope.add(t.id, DEF_LOCAL); return;
    case 'Tuple': case 'List': for (const e of t.elts) symTarget(e, scope); return;
    case 'Starred': symTarget(t.value, scope); return;
    default: symExpr(t, scope);
  }
}

function symComprehension(e: Expr & { generators: import('./ast.js').ComprehensionFor[] }, scope: Scope, name: string, parts: Expr[]): void {
  const [first, ...rest] = e.generators;
  symExpr(first.iter, scope);
  const inner = new Scope('comprehension', scope, name);
  symTarget(first.target, inner);
  for (const i of first.ifs) symExpr(i, inner);
  for (const g of rest) {
    symTarget(g.target, inner);
    symExpr(g.iter, inner);
    for (const i of g.ifs) symExpr(i, inner);
  }
  for (const p of parts) symExpr(p, inner);
}

function symExpr(e: Expr, scope: Scope): void {
  switch (e.type) {
    case 'Name': scope.add(e.id, USE); return;
    case 'Constant': return;
    case 'NamedExpr':
      symExpr(e.value, scope);
      {
        // The target binds in the nearest enclosing non-comprehension scope.
        let s: Scope = scope;
        while (s.kind === 'comprehension' && s.parent) s = s.parent;
        s.add(e.target.id, DEF_LOCAL);
      }
      return;
    case 'Lambda': {
      const inner = new Scope('lambda', scope);
      symArgs(e.args, scope, inner);
      symExpr(e.body, inner);
      return;
    }
    case 'ListComp': symComprehension(e, scope, e.type === 'ListComp' ? 'list comprehension' : '', [e.elt]); return;
    case 'SetComp': symComprehension(e, scope, 'set comprehension', [e.elt]); return;
    case 'GeneratorExp': symComprehension(e, scope, 'generator expression', [e.elt]); return;
    case 'DictComp': symComprehension(e, scope, 'dict comprehension', [e.key, e.value]); return;
    case 'Yield': case 'YieldFrom':
      if (e.value) symExpr(e.value, scope);
      if (scope.kind === 'comprehension') raise(e, `'yield' inside ${scope.compName}`);
      return;
    default:
      forEachChild(e, (c) => symExpr(c, scope));
  }
}

function checkNonlocalBindings(scope: Scope): void {
  for (const { name, at } of scope.nonlocals) {
    let s = scope.parent;
    let found = false;
    while (s && s.kind !== 'module') {
      if (s.kind !== 'class') {
        const f = s.symbols.get(name) ?? 0;
        if (f & DEF_GLOBAL) break;
        if (f & (DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL | DEF_ANNOT)) {
          found = true;
          break;
        }
      }
      s = s.parent;
    }
    if (!found) raise(at, `no binding for nonlocal '${name}' found`);
  }
  for (const c of scope.children) checkNonlocalBindings(c);
}

/** Calls fn on each direct sub-expression of e. */
function forEachChild(e: Expr, fn: (c: Expr) => void): void {
  switch (e.type) {
    case 'BoolOp': for (const v of e.values) fn(v); return;
    case 'NamedExpr': fn(e.target); fn(e.value); return;
    case 'BinOp': fn(e.left); fn(e.right); return;
    case 'UnaryOp': fn(e.operand); return;
    case 'Lambda': fn(e.body); return;
    case 'IfExp': fn(e.test); fn(e.body); fn(e.orelse); return;
    case 'Dict':
      for (let i = 0; i < e.values.length; i++) {
        const k = e.keys[i];
        if (k) fn(k);
        fn(e.values[i]);
      }
      return;
    case 'Set': case 'List': case 'Tuple': for (const x of e.elts) fn(x); return;
    case 'ListComp': case 'SetComp': case 'GeneratorExp': case 'DictComp': return;
    case 'Await': case 'Starred': fn(e.value); return;
    case 'Yield': case 'YieldFrom': if (e.value) fn(e.value); return;
    case 'Compare': fn(e.left); for (const c of e.comparators) fn(c); return;
    case 'Call':
      fn(e.func);
      for (const a of e.args) fn(a);
      for (const k of e.keywords) fn(k.value);
      return;
    case 'FormattedValue': fn(e.value); if (e.format_spec) fn(e.format_spec); return;
    case 'JoinedStr': for (const v of e.values) fn(v); return;
    case 'Attribute': fn(e.value); return;
    case 'Subscript': fn(e.value); fn(e.slice); return;
    case 'Slice':
      if (e.lower) fn(e.lower);
      if (e.upper) fn(e.upper);
      if (e.step) fn(e.step);
      return;
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Compiler pass

interface Ctx {
  kind: ScopeKind;
  loop: boolean;
  isAsync: boolean;
  /** The function contains a yield (for "'return' with value in async generator"). */
  generator: boolean;
}

function hasYield(body: Stmt[]): boolean {
  let found = false;
  const visitE = (e: Expr): void => {
    if (found) return;
    if (e.type === 'Yield' || e.type === 'YieldFrom') {
      found = true;
      return;
    }
    if (e.type === 'Lambda' || e.type === 'ListComp' || e.type === 'SetComp' || e.type === 'DictComp' || e.type === 'GeneratorExp') {
      if (e.type !== 'Lambda') visitE(e.generators[0].iter);
      return;
    }
    forEachChild(e, visitE);
  };
  const visitS = (s: Stmt): void => {
    if (found) return;
    if (s.type === 'FunctionDef' || s.type === 'AsyncFunctionDef' || s.type === 'ClassDef') {
      // Decorators, defaults and bases belong to the enclosing function.
      for (const d of s.decorator_list) visitE(d);
      if (s.type === 'ClassDef') {
        s.bases.forEach(visitE);
        s.keywords.forEach((k) => visitE(k.value));
      } else {
        s.args.defaults.forEach(visitE);
        s.args.kw_defaults.forEach((d) => d && visitE(d));
      }
      return;
    }
    stmtParts(s, visitE, visitS);
  };
  body.forEach(visitS);
  return found;
}

/** Calls onExpr/onStmt on the direct parts of a (non-def) statement. */
function stmtParts(s: Stmt, onExpr: (e: Expr) => void, onStmt: (s: Stmt) => void): void {
  switch (s.type) {
    case 'Return': if (s.value) onExpr(s.value); return;
    case 'Delete': s.targets.forEach(onExpr); return;
    case 'Assign': onExpr(s.value); s.targets.forEach(onExpr); return;
    case 'AugAssign': onExpr(s.target); onExpr(s.value); return;
    case 'AnnAssign': if (s.value) onExpr(s.value); onExpr(s.target); onExpr(s.annotation); return;
    case 'For': case 'AsyncFor': onExpr(s.iter); onExpr(s.target); s.body.forEach(onStmt); s.orelse.forEach(onStmt); return;
    case 'While': case 'If': onExpr(s.test); s.body.forEach(onStmt); s.orelse.forEach(onStmt); return;
    case 'With': case 'AsyncWith':
      for (const it of s.items) {
        onExpr(it.context_expr);
        if (it.optional_vars) onExpr(it.optional_vars);
      }
      s.body.forEach(onStmt);
      return;
    case 'Match':
      onExpr(s.subject);
      for (const c of s.cases) {
        if (c.guard) onExpr(c.guard);
        c.body.forEach(onStmt);
      }
      return;
    case 'Raise': if (s.exc) onExpr(s.exc); if (s.cause) onExpr(s.cause); return;
    case 'Try': case 'TryStar':
      s.body.forEach(onStmt);
      for (const h of s.handlers) {
        if (h.exc_type) onExpr(h.exc_type);
        h.body.forEach(onStmt);
      }
      s.orelse.forEach(onStmt);
      s.finalbody.forEach(onStmt);
      return;
    case 'Assert': onExpr(s.test); if (s.msg) onExpr(s.msg); return;
    case 'Expr': onExpr(s.value); return;
    default: return;
  }
}

function compStmts(body: Stmt[], ctx: Ctx): void {
  for (const s of body) compStmt(s, ctx);
}

function compArgs(args: Arguments, ctx: Ctx): void {
  for (const d of args.defaults) compExpr(d, ctx);
  for (const d of args.kw_defaults) if (d) compExpr(d, ctx);
}

function compStmt(s: Stmt, ctx: Ctx): void {
  switch (s.type) {
    case 'FunctionDef': case 'AsyncFunctionDef': {
      for (const d of s.decorator_list) compExpr(d, ctx);
      compArgs(s.args, ctx);
      const isAsync = s.type === 'AsyncFunctionDef';
      compStmts(s.body, { kind: 'function', loop: false, isAsync, generator: isAsync && hasYield(s.body) });
      return;
    }
    case 'ClassDef':
      for (const d of s.decorator_list) compExpr(d, ctx);
      checkKeywords(s.keywords);
      for (const b of s.bases) compExpr(b, ctx);
      for (const k of s.keywords) compExpr(k.value, ctx);
      compStmts(s.body, { kind: 'class', loop: false, isAsync: false, generator: false });
      return;
    case 'Return':
      if (ctx.kind !== 'function') raise(s, "'return' outside function");
      if (s.value && ctx.generator) raise(s, "'return' with value in async generator");
      if (s.value) compExpr(s.value, ctx);
      return;
    case 'Break':
      if (!ctx.loop) raise(s, "'break' outside loop");
      return;
    case 'Continue':
      if (!ctx.loop) raise(s, "'continue' not properly in loop");
      return;
    case 'Assign':
      compExpr(s.value, ctx);
      for (const t of s.targets) compTarget(t, ctx);
      return;
    case 'AugAssign':
      compExpr(s.target, ctx);
      compExpr(s.value, ctx);
      return;
    case 'AnnAssign':
      if (s.value) compExpr(s.value, ctx);
      compExpr(s.target, ctx);
      compExpr(s.annotation, ctx);
      return;
    case 'For': case 'AsyncFor':
      if (s.type === 'AsyncFor' && !(ctx.kind === 'function' && ctx.isAsync)) {
        raise(s, "'async for' outside async function");
      }
      compExpr(s.iter, ctx);
      compTarget(s.target, ctx);
      compStmts(s.body, { ...ctx, loop: true });
      compStmts(s.orelse, ctx);
      return;
    case 'While':
      compExpr(s.test, ctx);
      compStmts(s.body, { ...ctx, loop: true });
      compStmts(s.orelse, ctx);
      return;
    case 'With': case 'AsyncWith':
      if (s.type === 'AsyncWith' && !(ctx.kind === 'function' && ctx.isAsync)) {
        raise(s, "'async with' outside async function");
      }
      for (const it of s.items) {
        compExpr(it.context_expr, ctx);
        if (it.optional_vars) compTarget(it.optional_vars, ctx);
      }
      compStmts(s.body, ctx);
      return;
    case 'Try': case 'TryStar':
      compStmts(s.body, ctx);
      s.handlers.forEach((h: ExceptHandler, i: number) => {
        if (!h.exc_type && i < s.handlers.length - 1) raise(h, "default 'except:' must be last");
        if (h.exc_type) compExpr(h.exc_type, ctx);
        compStmts(h.body, ctx);
      });
      compStmts(s.orelse, ctx);
      compStmts(s.finalbody, ctx);
      return;
    case 'Delete':
      for (const t of s.targets) compExpr(t, ctx, true);
      return;
    case 'Match':
      compExpr(s.subject, ctx);
      s.cases.forEach((c, i) => {
        checkPattern(c.pattern, c.guard !== null || i === s.cases.length - 1, new Set());
        if (c.guard) compExpr(c.guard, ctx);
        compStmts(c.body, ctx);
      });
      return;
    default:
      stmtParts(s, (e) => compExpr(e, ctx), (x) => compStmt(x, ctx));
  }
}

/** An assignment target: Starred only inside a Tuple/List, and only one per level. */
function compTarget(t: Expr, ctx: Ctx): void {
  if (t.type === 'Starred') raise(t, 'starred assignment target must be in a list or tuple');
  if (t.type === 'Tuple' || t.type === 'List') {
    let starred = 0;
    for (const e of t.elts) if (e.type === 'Starred') starred++;
    if (starred > 1) raise(t, 'multiple starred expressions in assignment');
    for (const e of t.elts) {
      if (e.type === 'Starred') compTarget(e.value, ctx);
      else compTarget(e, ctx);
    }
    return;
  }
  compExpr(t, ctx, true);
}

function compComprehension(e: Expr & { generators: import('./ast.js').ComprehensionFor[] }, ctx: Ctx, parts: Expr[]): void {
  const isGen = e.type === 'GeneratorExp';
  let async = false;
  const inner: Ctx = { kind: 'comprehension', loop: false, isAsync: ctx.isAsync, generator: false };
  const visitAwait = (x: Expr): void => {
    if (x.type === 'Await') async = true;
    if (x.type === 'Lambda' || x.type === 'ListComp' || x.type === 'SetComp' || x.type === 'DictComp' || x.type === 'GeneratorExp') {
      if (x.type !== 'Lambda') visitAwait(x.generators[0].iter);
      return;
    }
    forEachChild(x, visitAwait);
  };
  e.generators.forEach((g, i) => {
    if (g.is_async) async = true;
    if (i > 0) visitAwait(g.iter);
    g.ifs.forEach(visitAwait);
  });
  parts.forEach(visitAwait);
  if (async && !isGen && !(ctx.kind === 'function' && ctx.isAsync) && ctx.kind !== 'comprehension') {
    raise(e, 'asynchronous comprehension outside of an asynchronous function');
  }
  for (const [i, g] of e.generators.entries()) {
    compTarget(g.target, inner);
    if (i > 0) compExpr(g.iter, inner);
    for (const c of g.ifs) compExpr(c, inner);
  }
  for (const p of parts) compExpr(p, inner);
  compExpr(e.generators[0].iter, ctx);
}

function compExpr(e: Expr, ctx: Ctx, store = false): void {
  switch (e.type) {
    case 'Starred':
      if (!store) raise(e, "can't use starred expression here");
      compExpr(e.value, ctx, store);
      return;
    case 'List': case 'Tuple': case 'Set':
      for (const x of e.elts) {
        if (x.type === 'Starred') compExpr(x.value, ctx, store);
        else compExpr(x, ctx, store);
      }
      return;
    case 'Call':
      compExpr(e.func, ctx);
      checkKeywords(e.keywords);
      for (const a of e.args) compExpr(a.type === 'Starred' ? a.value : a, ctx);
      for (const k of e.keywords) compExpr(k.value, ctx);
      return;
    case 'Yield': case 'YieldFrom':
      if (ctx.kind !== 'function' && ctx.kind !== 'lambda') raise(e, "'yield' outside function");
      if (e.type === 'YieldFrom' && ctx.isAsync && ctx.kind === 'function') raise(e, "'yield from' inside async function");
      if (e.value) compExpr(e.value, ctx);
      return;
    case 'Await':
      if (ctx.kind === 'module' || ctx.kind === 'class') raise(e, "'await' outside function");
      if (ctx.kind !== 'comprehension' && !(ctx.kind === 'function' && ctx.isAsync)) raise(e, "'await' outside async function");
      compExpr(e.value, ctx);
      return;
    case 'Lambda':
      compArgs(e.args, ctx);
      compExpr(e.body, { kind: 'lambda', loop: false, isAsync: false, generator: false });
      return;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      compComprehension(e, ctx, [e.elt]);
      return;
    case 'DictComp':
      compComprehension(e, ctx, [e.key, e.value]);
      return;
    case 'Subscript':
      compExpr(e.value, ctx);
      compExpr(e.slice, ctx);
      return;
    case 'Attribute':
      compExpr(e.value, ctx);
      return;
    default:
      forEachChild(e, (c) => compExpr(c, ctx));
  }
}

/** compile.c's pattern checks: unreachable cases, names bound twice or by some alternatives only. */
function checkPattern(p: Pattern, allowIrrefutable: boolean, bound: Set<string>): void {
  const bind = (name: string | null, at: Span): void => {
    if (name === null) return;
    if (bound.has(name)) raise(at, `multiple assignments to name '${name}' in pattern`);
    bound.add(name);
  };
  switch (p.type) {
    case 'MatchAs':
      if (!p.pattern) {
        if (!allowIrrefutable) {
          raise(p, p.name ? `name capture '${p.name}' makes remaining patterns unreachable` : 'wildcard makes remaining patterns unreachable');
        }
      } else checkPattern(p.pattern, allowIrrefutable, bound);
      bind(p.name, p);
      return;
    case 'MatchStar': bind(p.name, p); return;
    case 'MatchSequence': for (const x of p.patterns) checkPattern(x, true, bound); return;
    case 'MatchMapping':
      for (const x of p.patterns) checkPattern(x, true, bound);
      bind(p.rest, p);
      return;
    case 'MatchClass':
      for (const x of p.patterns) checkPattern(x, true, bound);
      for (const x of p.kwd_patterns) checkPattern(x, true, bound);
      return;
    case 'MatchOr': {
      let first = null as Set<string> | null;
      p.patterns.forEach((alt, i) => {
        const names = new Set(bound);
        checkPattern(alt, allowIrrefutable && i === p.patterns.length - 1, names);
        if (first === null) first = names;
        else if (names.size !== first.size || [...names].some((n) => !first!.has(n))) {
          raise(alt, 'alternative patterns bind different names');
        }
      });
      if (first !== null) for (const n of first as Set<string>) bound.add(n);
      return;
    }
    default:
      return;
  }
}

/** compile.c's validate_keywords. */
function checkKeywords(keywords: Keyword[]): void {
  for (let i = 1; i < keywords.length; i++) {
    const a = keywords[i].arg;
    if (a === null) continue;
    for (let j = 0; j < i; j++) if (keywords[j].arg === a) raise(keywords[i], `keyword argument repeated: ${a}`);
  }
}
