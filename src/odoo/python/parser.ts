/**
 * @fileoverview Our own Python 3.11 reader: recursive descent over CPython's grammar
 * (Grammar/python.gram), building the tree of ast.ts from the token arrays of tokenizer.ts.
 * It accepts exactly what CPython's compile() accepts: grammar errors are reported where CPython's
 * PEG parser reports them (the furthest token it read, or the place its "invalid_" rules name),
 * tokenizer errors take precedence as they do in CPython, and the cheap compile-stage checks live
 * in compile-checks.ts.
 */
import type {
  Alias, Arg, Arguments, Call, ClassDef, Compare, ComprehensionFor, Constant, ExceptHandler, Expr,
  FormattedValue, Import, ImportFrom, JoinedStr, Keyword, MatchCase, Name, Module, ParseResult,
  Pattern, PySyntaxError, Span, Stmt, WithItem,
} from './ast.js';
import { KIND_TEXT, T, tokenize, type Tokens } from './tokenizer.js';
import { decodeBytes, decodeStr, LiteralError, stringPrefix } from './strings.js';
import { compileChecks } from './compile-checks.js';
import { WARM_UP_ROUNDS, WARM_UP_SOURCE } from './warm-up.js';

/** A failed alternative: the error is "invalid syntax" at the furthest token read. */
class Fail {}
const FAIL = new Fail();
/**
 * Longest left-nested chain of binary operators, attributes, calls or subscripts CPython 3.11
 * compiles (2,990 terms of a sum at module level); a longer one is its RecursionError.
 */
const MAX_CHAIN = 2_989;

/** An error raised on the spot (tokenizer, f-string, an "invalid_" rule). */
class Raised {
  constructor(readonly error: PySyntaxError, readonly fromTokenizer = false) {}
}

const BINARY_PREC: Uint8Array = (() => {
  const p = new Uint8Array(128);
  p[T.VBAR] = 1;
  p[T.CIRCUMFLEX] = 2;
  p[T.AMPER] = 3;
  p[T.LEFTSHIFT] = p[T.RIGHTSHIFT] = 4;
  p[T.PLUS] = p[T.MINUS] = 5;
  p[T.STAR] = p[T.SLASH] = p[T.DOUBLESLASH] = p[T.PERCENT] = p[T.AT] = 6;
  return p;
})();

const AUGASSIGN: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (const k of [
    T.PLUSEQUAL, T.MINEQUAL, T.STAREQUAL, T.SLASHEQUAL, T.PERCENTEQUAL, T.AMPEREQUAL, T.VBAREQUAL,
    T.CIRCUMFLEXEQUAL, T.LEFTSHIFTEQUAL, T.RIGHTSHIFTEQUAL, T.DOUBLESTAREQUAL, T.DOUBLESLASHEQUAL,
    T.ATEQUAL,
  ]) a[k] = 1;
  return a;
})();

/** Tokens that may start an expression (for lookaheads and "forgot a comma"). */
const EXPR_START: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (const k of [
    T.NAME, T.NUMBER, T.STRING, T.FALSE, T.NONE, T.TRUE, T.AWAIT, T.LAMBDA, T.NOT, T.LPAR, T.LSQB,
    T.LBRACE, T.MINUS, T.PLUS, T.TILDE, T.ELLIPSIS,
  ]) a[k] = 1;
  return a;
})();

/** Tokens that are an atom on their own (a STRING only when no other STRING follows it). */
const LONE_ATOM: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (const k of [T.NAME, T.NUMBER, T.STRING, T.NONE, T.TRUE, T.FALSE]) a[k] = 1;
  return a;
})();

/**
 * Tokens after which expression() returns a lone atom as it is: none continues a primary, an
 * operator, a comparison or a conditional expression, and none may start an expression (which
 * the "forgot a comma?" check would look at).
 */
const ENDS_LONE_ATOM: Uint8Array = (() => {
  const a = new Uint8Array(128);
  for (const k of [
    T.ENDMARKER, T.NEWLINE, T.COMMA, T.RPAR, T.RSQB, T.RBRACE, T.COLON, T.EQUAL, T.SEMI, T.FOR, T.AS,
    T.ELSE, T.PLUSEQUAL, T.MINEQUAL, T.STAREQUAL, T.SLASHEQUAL, T.PERCENTEQUAL, T.AMPEREQUAL,
    T.VBAREQUAL, T.CIRCUMFLEXEQUAL, T.LEFTSHIFTEQUAL, T.RIGHTSHIFTEQUAL, T.DOUBLESTAREQUAL,
    T.DOUBLESLASHEQUAL, T.ATEQUAL,
  ]) a[k] = 1;
  return a;
})();

const COMPARE_OPS: Record<number, string> = {
  [T.EQEQUAL]: '==', [T.NOTEQUAL]: '!=', [T.LESS]: '<', [T.LESSEQUAL]: '<=', [T.GREATER]: '>',
  [T.GREATEREQUAL]: '>=', [T.IN]: 'in', [T.IS]: 'is',
};

/**
 * The nodes facts.ts reads, gathered as the parser builds them, so that the facts need no walk of
 * the whole tree: each list in the order a walk in source order, outer before inner, meets them
 * (walk.ts). `guarded[i]` says whether imports[i] sits in the body of a `try`. What a failed
 * alternative built is dropped.
 */
export interface FactNodes {
  classes: ClassDef[];
  imports: Array<Import | ImportFrom>;
  guarded: boolean[];
  calls: Call[];
  comparisons: Compare[];
}

export function newFactNodes(): FactNodes {
  return { classes: [], imports: [], guarded: [], calls: [], comparisons: [] };
}

/** Whether two of the n parameters share a name (compile-checks.ts then says which). */
function repeatsName(a: Arguments, n: number): boolean {
  const names: string[] = [];
  for (const x of a.posonlyargs) names.push(x.arg);
  for (const x of a.args) names.push(x.arg);
  for (const x of a.kwonlyargs) names.push(x.arg);
  if (a.vararg) names.push(a.vararg.arg);
  if (a.kwarg) names.push(a.kwarg.arg);
  if (n > 16) return new Set(names).size !== n;
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) if (names[i] === names[j]) return true;
  return false;
}

/**
 * Puts a node the parser just completed before the nodes of its kind found inside it (from index
 * `at` on), where a walk of the tree, outer before inner, meets it.
 */
function insertAt<N>(list: N[], at: number, node: N): void {
  let i = list.length;
  list.push(node);
  for (; i > at; i--) list[i] = list[i - 1]!;
  list[at] = node;
}

/**
 * Reads warm-up.ts's module (see there why), handing each tree to `use` (the facts' warm-up) so
 * that one read warms both.
 */
export function warmUpParser(use?: (module: Module, found: FactNodes) => void): void {
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    const found = newFactNodes();
    const r = parseModule(WARM_UP_SOURCE, found);
    if (r.ok && use) use(r.module, found);
  }
}

/** Parses a module, filling `found` for the facts; never throws for bad input. */
export function parseModule(source: string, found: FactNodes = newFactNodes()): ParseResult {
  const toks = tokenize(source, { reuse: true });
  const p = new Parser(toks, found);
  let error: PySyntaxError;
  try {
    const body = p.file();
    const module: Module = { type: 'Module', body };
    const compileError = p.needsChecks ? compileChecks(module) : null;
    if (compileError) return { ok: false, error: compileError };
    return { ok: true, module };
  } catch (e) {
    error = p.errorFrom(e);
  }
  return { ok: false, error };
}

type Ctx = 'store' | 'del';

export class Parser {
  private readonly src: string;
  private readonly K: Uint8Array;
  private readonly S: Int32Array;
  private readonly E: Int32Array;
  private readonly L: Int32Array;
  private readonly LS: Int32Array;
  private readonly LV: Uint16Array;
  private pos = 0;
  /** The furthest token any alternative read: where a generic error points. */
  private far = 0;
  /** Inside an f-string expression: messages get the "f-string: " prefix. */
  private readonly fstringMode: boolean;
  /**
   * Set when the tree holds something compile-checks.ts may refuse (a return outside a function,
   * a yield, a global...): most files have none, and skip that walk.
   */
  needsChecks = false;
  private inFunc = false;
  private inAsync = false;
  private inLoop = false;
  private nested = 0;
  /** Token of the last `yield` read, or -1. */
  private lastYield = -1;
  /** How many `try` bodies enclose the current token (an import there is guarded). */
  private tryDepth = 0;

  constructor(private readonly toks: Tokens, private readonly found: FactNodes, fstringMode = false) {
    this.src = toks.source;
    this.K = toks.kind;
    this.S = toks.start;
    this.E = toks.end;
    this.L = toks.line;
    this.LS = toks.lineStart;
    this.LV = toks.level;
    this.fstringMode = fstringMode;
  }

  // -------------------------------------------------------------------------------------------
  // Errors

  /** The SyntaxError CPython reports for a thrown Fail/Raised. */
  errorFrom(e: unknown): PySyntaxError {
    const terr = this.toks.error;
    let err: PySyntaxError;
    let fromTokenizer = false;
    if (e instanceof Raised) {
      err = e.error;
      fromTokenizer = e.fromTokenizer;
    } else if (e instanceof Fail) {
      const at = Math.max(this.far, this.pos);
      const k = this.K[at];
      if (k === T.ERRORTOKEN && terr) {
        return this.tokenizerError();
      }
      const msg = k === T.INDENT ? 'unexpected indent' : k === T.DEDENT ? 'unexpected unindent' : 'invalid syntax';
      if (k === T.INDENT || k === T.DEDENT) {
        // CPython's INDENT/DEDENT have no column: it points after the indentation. It reports
        // these at once, without looking for tokenizer errors further on.
        err = { line: this.L[at], column: this.S[at] - this.LS[this.L[at]], message: msg };
        if (err.column < 1) err.column = 1;
        return err;
      }
      err = this.errAt(at, msg, true);
    } else throw e;
    if (fromTokenizer || !terr) return err;
    // CPython raises a tokenizer error as soon as the parser reads that token.
    if (Math.max(this.far, this.pos) >= terr.index) return this.tokenizerError();
    // CPython tokenizes the rest of the file after a parser error: a tokenizer error it raises
    // there wins, and so does a bracket left open on a line before the parser's error.
    if (terr.kind === 'raised') return { line: terr.line, column: terr.column, message: terr.message };
    if (terr.open && terr.open.length > 0) {
      const last = terr.open[terr.open.length - 1];
      const errLine = this.L[Math.min(Math.max(this.far, this.pos), this.toks.count - 1)];
      if (errLine > last.line) return { line: last.line, column: last.column, message: `'${last.char}' was never closed` };
    }
    return err;
  }

  private tokenizerError(): PySyntaxError {
    const terr = this.toks.error!;
    if (terr.kind === 'eof' && terr.open && terr.open.length > 0) {
      const last = terr.open[terr.open.length - 1];
      return { line: last.line, column: last.column, message: `'${last.char}' was never closed` };
    }
    return { line: terr.line, column: terr.column, message: terr.message };
  }

  /**
   * An error at token i. CPython's INDENT, DEDENT and ENDMARKER carry no column: a "known
   * location" error there says column 0, the others the tokenizer's position (after the
   * indentation, or at the end of the input).
   */
  private errAt(i: number, message: string, known = false): PySyntaxError {
    const k = this.K[i];
    const line = this.L[i];
    let column = this.S[i] - this.LS[line] + 1;
    if (k === T.INDENT || k === T.DEDENT || k === T.ENDMARKER) column = known ? 0 : column - 1;
    return { line, column, message: this.fstringMode ? `f-string: ${message}` : message };
  }

  private errNode(n: Span, message: string): PySyntaxError {
    return { line: n.line, column: n.column, message: this.fstringMode ? `f-string: ${message}` : message };
  }

  private fail(): never {
    if (this.pos > this.far) this.far = this.pos;
    throw FAIL;
  }

  /** Forgets the calls and comparisons a failed alternative built. */
  private dropFound(calls: number, comparisons: number): void {
    this.found.calls.length = calls;
    this.found.comparisons.length = comparisons;
  }

  /** CPython's compiler recurses once per link of a left-nested chain and gives up past its limit. */
  private tooDeep(st: number): never {
    return this.raiseAt(st, 'maximum recursion depth exceeded during compilation');
  }

  private raiseAt(i: number, message: string): never {
    if (this.K[i] === T.ERRORTOKEN) throw new Raised(this.tokenizerError(), true);
    throw new Raised(this.errAt(i, message));
  }

  private raiseNode(n: Span, message: string): never {
    throw new Raised(this.errNode(n, message));
  }

  /** Raises at the furthest token read, as CPython's RAISE_SYNTAX_ERROR does. */
  private raiseLast(message: string): never {
    const at = Math.max(this.far, this.pos);
    this.raiseAt(at, message);
  }

  private expect(k: number): number {
    if (this.K[this.pos] !== k) this.fail();
    return this.pos++;
  }

  /** CPython's forced tokens (&&':'): "expected ':'" at once. */
  private expectForced(k: number): number {
    if (this.K[this.pos] !== k) {
      if (this.K[this.pos] === T.ERRORTOKEN) this.raiseAt(this.pos, '');
      this.raiseAt(this.pos, `expected '${KIND_TEXT[k]}'`);
    }
    return this.pos++;
  }

  // -------------------------------------------------------------------------------------------
  // Positions

  private col(i: number): number {
    return this.S[i] - this.LS[this.L[i]] + 1;
  }

  /** Fills the span of `n` from token `st` to the last token consumed. */
  private at<N extends Span>(n: N, st: number): N {
    n.start = this.S[st];
    n.line = this.L[st];
    n.column = this.S[st] - this.LS[this.L[st]] + 1;
    n.end = this.E[this.pos - 1];
    return n;
  }

  /** 0-based column of an offset in its line (CPython's end_col_offset). */
  private columnOf(offset: number): number {
    const LS = this.LS;
    let lo = 1;
    let hi = this.L[this.toks.count - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (LS[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset - LS[lo];
  }

  private spanOf(st: number): Span {
    return this.at({ start: 0, end: 0, line: 0, column: 0 }, st);
  }

  private isSoft(i: number, word: string): boolean {
    return this.K[i] === T.NAME && this.E[i] - this.S[i] === word.length && this.src.startsWith(word, this.S[i]);
  }

  private text(i: number): string {
    return this.src.slice(this.S[i], this.E[i]);
  }

  // -------------------------------------------------------------------------------------------
  // Statements

  file(): Stmt[] {
    const body: Stmt[] = [];
    while (this.K[this.pos] !== T.ENDMARKER) this.statement(body);
    return body;
  }

  /** f-string expression: `(star_expressions)` wrapped already by the tokenizer's bracket level. */
  fstringExpr(): Expr {
    const e = this.starExpressions();
    if (this.K[this.pos] !== T.ENDMARKER) this.fail();
    return e;
  }

  private statement(out: Stmt[]): void {
    const k = this.K[this.pos];
    switch (k) {
      case T.DEF: case T.IF: case T.CLASS: case T.WITH: case T.FOR: case T.TRY: case T.WHILE:
      case T.AT: case T.ASYNC:
        out.push(this.compound());
        return;
      case T.NAME:
        if (this.isSoft(this.pos, 'match')) {
          const m = this.tryMatch();
          if (m) {
            out.push(m);
            return;
          }
        }
        break;
      case T.INDENT:
      case T.DEDENT:
        this.fail();
    }
    this.simpleStmts(out);
  }

  private simpleStmts(out: Stmt[]): void {
    for (;;) {
      out.push(this.simpleStmt());
      const k = this.K[this.pos];
      if (k === T.NEWLINE) {
        this.pos++;
        return;
      }
      if (k !== T.SEMI) this.fail();
      this.pos++;
      if (this.K[this.pos] === T.NEWLINE) {
        this.pos++;
        return;
      }
    }
  }

  private simpleStmt(): Stmt {
    const st = this.pos;
    switch (this.K[st]) {
      case T.PASS: this.pos++; return this.at({ type: 'Pass', start: 0, end: 0, line: 0, column: 0 }, st);
      case T.BREAK: this.pos++; if (!this.inLoop) this.needsChecks = true; return this.at({ type: 'Break', start: 0, end: 0, line: 0, column: 0 }, st);
      case T.CONTINUE: this.pos++; if (!this.inLoop) this.needsChecks = true; return this.at({ type: 'Continue', start: 0, end: 0, line: 0, column: 0 }, st);
      case T.RETURN: {
        this.pos++;
        if (!this.inFunc || this.inAsync) this.needsChecks = true;
        const value = this.atSimpleEnd() ? null : this.starExpressions();
        return this.at({ type: 'Return', start: 0, end: 0, line: 0, column: 0, value }, st);
      }
      case T.IMPORT: return this.importName();
      case T.FROM: return this.importFrom();
      case T.RAISE: {
        this.pos++;
        let exc: Expr | null = null;
        let cause: Expr | null = null;
        if (!this.atSimpleEnd()) {
          exc = this.expression();
          if (this.K[this.pos] === T.FROM) {
            this.pos++;
            cause = this.expression();
          }
        }
        return this.at({ type: 'Raise', start: 0, end: 0, line: 0, column: 0, exc, cause }, st);
      }
      case T.GLOBAL: case T.NONLOCAL: {
        this.pos++;
        this.needsChecks = true;
        const names: string[] = [this.text(this.expect(T.NAME))];
        while (this.K[this.pos] === T.COMMA) {
          this.pos++;
          names.push(this.text(this.expect(T.NAME)));
        }
        return this.at({ type: this.K[st] === T.GLOBAL ? 'Global' : 'Nonlocal', start: 0, end: 0, line: 0, column: 0, names }, st);
      }
      case T.DEL: {
        this.pos++;
        const targets = this.delTargets();
        const k = this.K[this.pos];
        if (k !== T.SEMI && k !== T.NEWLINE) this.fail();
        return this.at({ type: 'Delete', start: 0, end: 0, line: 0, column: 0, targets }, st);
      }
      case T.ASSERT: {
        this.pos++;
        const test = this.expression();
        let msg: Expr | null = null;
        if (this.K[this.pos] === T.COMMA) {
          this.pos++;
          msg = this.expression();
        }
        return this.at({ type: 'Assert', start: 0, end: 0, line: 0, column: 0, test, msg }, st);
      }
    }
    return this.exprStatement();
  }

  private atSimpleEnd(): boolean {
    const k = this.K[this.pos];
    return k === T.NEWLINE || k === T.SEMI;
  }

  /** Expression statements, assignments, annotated and augmented assignments. */
  private exprStatement(): Stmt {
    const st = this.pos;
    const first = this.K[st] === T.YIELD ? this.yieldExpr() : this.starExpressions();
    const k = this.K[this.pos];
    if (k === T.COLONEQUAL && first.type !== 'Tuple') {
      this.raiseNode(first, `cannot use assignment expressions with ${exprName(first)}`);
    }
    if (k === T.EQUAL) {
      // Each target is checked on its '=', before the value is read (invalid_assignment).
      const targets: Expr[] = [first];
      let value: Expr = first;
      while (this.K[this.pos] === T.EQUAL) {
        this.checkTarget(value, 'store', value === first ? st : -1);
        this.pos++;
        value = this.K[this.pos] === T.YIELD ? this.yieldExpr() : this.starExpressions();
        targets.push(value);
      }
      targets.pop();
      return this.at({ type: 'Assign', start: 0, end: 0, line: 0, column: 0, targets, value }, st);
    }
    if (k === T.COLON) {
      // Annotated assignment: a single Name, Attribute or Subscript target.
      const parenthesized = this.K[st] === T.LPAR;
      if (first.type === 'Tuple' && !first.parenthesized) this.raiseNode(first, 'only single target (not tuple) can be annotated');
      if (first.type !== 'Name' && first.type !== 'Attribute' && first.type !== 'Subscript') {
        if (first.type === 'Tuple' || first.type === 'List') this.raiseNode(first, `only single target (not ${first.type === 'Tuple' ? 'tuple' : 'list'}) can be annotated`);
        this.raiseNode(first, 'illegal target for annotation');
      }
      this.pos++;
      const annotation = this.expression();
      let value: Expr | null = null;
      if (this.K[this.pos] === T.EQUAL) {
        this.pos++;
        value = this.K[this.pos] === T.YIELD ? this.yieldExpr() : this.starExpressions();
      }
      return this.at({
        type: 'AnnAssign', start: 0, end: 0, line: 0, column: 0, target: first, annotation, value,
        simple: first.type === 'Name' && !parenthesized,
      }, st);
    }
    if (k < 128 && AUGASSIGN[k]) {
      if (first.type !== 'Name' && first.type !== 'Attribute' && first.type !== 'Subscript') {
        this.raiseNode(first, `'${exprName(first)}' is an illegal expression for augmented assignment`);
      }
      const opText = this.text(this.pos);
      this.pos++;
      const value = this.K[this.pos] === T.YIELD ? this.yieldExpr() : this.starExpressions();
      return this.at({ type: 'AugAssign', start: 0, end: 0, line: 0, column: 0, target: first, op: opText.slice(0, -1), value }, st);
    }
    return this.at({ type: 'Expr', start: 0, end: 0, line: 0, column: 0, value: first }, st);
  }

  /** star_targets / del_targets validity: CPython's "cannot assign to X" at the offending node. */
  private checkTarget(e: Expr, ctx: Ctx, stmtStart: number): void {
    const bad = invalidTarget(e, ctx);
    if (!bad) return;
    const verb = ctx === 'del' ? 'delete' : 'assign to';
    const next = this.K[this.pos + 1];
    if (ctx === 'store' && stmtStart >= 0 && bad === e && !['List', 'Tuple', 'GeneratorExp'].includes(e.type) &&
      !(e.type === 'Constant' && (e.kind === 'bool' || e.kind === 'none')) &&
      !['Compare', 'BoolOp', 'IfExp', 'Lambda', 'NamedExpr', 'Starred', 'Yield', 'YieldFrom'].includes(e.type) &&
      !(e.type === 'UnaryOp' && e.op === 'not') && next < 128 && EXPR_START[next] === 1) {
      // invalid_named_expression: `f() = 1` reads as a comparison typo.
      this.raiseNode(bad, `cannot ${verb} ${exprName(bad)} here. Maybe you meant '==' instead of '='?`);
    }
    this.raiseNode(bad, `cannot ${verb} ${exprName(bad)}`);
  }

  /** del_targets, read as star_expressions and checked as CPython's invalid_del_stmt does. */
  private delTargets(): Expr[] {
    const e = this.starExpressions();
    const out = e.type === 'Tuple' && !e.parenthesized ? e.elts : [e];
    for (const t of out) this.checkTarget(t, 'del', -1);
    return out;
  }

  private importName(): Stmt {
    const st = this.pos++;
    const names: Alias[] = [];
    for (;;) {
      const ast = this.pos;
      const name = this.dottedName();
      let asname: string | null = null;
      if (this.K[this.pos] === T.AS) {
        this.pos++;
        asname = this.text(this.expect(T.NAME));
      }
      names.push(this.at({ type: 'alias', start: 0, end: 0, line: 0, column: 0, name, asname }, ast));
      if (this.K[this.pos] !== T.COMMA) break;
      this.pos++;
    }
    const n: Import = this.at({ type: 'Import', start: 0, end: 0, line: 0, column: 0, names }, st);
    this.found.imports.push(n);
    this.found.guarded.push(this.tryDepth > 0);
    return n;
  }

  private dottedName(): string {
    let name = this.text(this.expect(T.NAME));
    while (this.K[this.pos] === T.DOT) {
      this.pos++;
      name += '.' + this.text(this.expect(T.NAME));
    }
    return name;
  }

  private importFrom(): Stmt {
    const st = this.pos++;
    let level = 0;
    for (;;) {
      const k = this.K[this.pos];
      if (k === T.DOT) level++;
      else if (k === T.ELLIPSIS) level += 3;
      else break;
      this.pos++;
    }
    let module: string | null = null;
    if (this.K[this.pos] !== T.IMPORT || level === 0) module = this.dottedName();
    this.expect(T.IMPORT);
    const names: Alias[] = [];
    if (this.K[this.pos] === T.STAR) {
      const s = this.pos++;
      names.push(this.at({ type: 'alias', start: 0, end: 0, line: 0, column: 0, name: '*', asname: null }, s));
      if (this.nested) this.needsChecks = true;
    } else {
      const paren = this.K[this.pos] === T.LPAR;
      if (paren) this.pos++;
      for (;;) {
        const ast = this.pos;
        const name = this.text(this.expect(T.NAME));
        let asname: string | null = null;
        if (this.K[this.pos] === T.AS) {
          this.pos++;
          asname = this.text(this.expect(T.NAME));
        }
        names.push(this.at({ type: 'alias', start: 0, end: 0, line: 0, column: 0, name, asname }, ast));
        if (this.K[this.pos] !== T.COMMA) break;
        this.pos++;
        if (paren && this.K[this.pos] === T.RPAR) break;
        if (!paren && this.K[this.pos] === T.NEWLINE) {
          this.raiseAt(this.pos, 'trailing comma not allowed without surrounding parentheses');
        }
      }
      if (paren) this.expect(T.RPAR);
    }
    const n: ImportFrom = this.at({ type: 'ImportFrom', start: 0, end: 0, line: 0, column: 0, module, names, level }, st);
    this.found.imports.push(n);
    this.found.guarded.push(this.tryDepth > 0);
    return n;
  }

  // Compound statements --------------------------------------------------------------------

  private compound(): Stmt {
    const st = this.pos;
    switch (this.K[st]) {
      case T.AT: return this.decorated();
      case T.DEF: return this.funcDef(st, []);
      case T.CLASS: return this.classDef(st, []);
      case T.IF: return this.ifStmt();
      case T.WHILE: return this.whileStmt();
      case T.FOR: return this.forStmt(st, false);
      case T.WITH: return this.withStmt(st, false);
      case T.TRY: return this.tryStmt();
      case T.ASYNC: {
        this.pos++;
        const k = this.K[this.pos];
        if (k === T.DEF) return this.funcDef(st, []);
        if (k === T.FOR) return this.forStmt(st, true);
        if (k === T.WITH) return this.withStmt(st, true);
        this.fail();
      }
    }
    this.fail();
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.K[this.pos] === T.AT) {
      this.pos++;
      decorators.push(this.namedExpression());
      this.expect(T.NEWLINE);
    }
    const st = this.pos;
    const k = this.K[st];
    if (k === T.DEF) return this.funcDef(st, decorators);
    if (k === T.ASYNC && this.K[st + 1] === T.DEF) {
      this.pos++;
      return this.funcDef(st, decorators);
    }
    if (k === T.CLASS) return this.classDef(st, decorators);
    this.fail();
  }

  private funcDef(st: number, decorator_list: Expr[]): Stmt {
    const isAsync = this.K[st] === T.ASYNC;
    const defTok = this.pos;
    this.expect(T.DEF);
    const nameTok = this.expect(T.NAME);
    const nameSpan = this.spanOf(nameTok);
    this.expectForced(T.LPAR);
    const args = this.parameters(T.RPAR);
    this.expect(T.RPAR);
    let returns: Expr | null = null;
    if (this.K[this.pos] === T.RARROW) {
      this.pos++;
      returns = this.expression();
    }
    this.expectForced(T.COLON);
    const outerFunc = this.inFunc;
    const outerAsync = this.inAsync;
    const outerLoop = this.inLoop;
    this.inFunc = true;
    this.inAsync = isAsync;
    this.inLoop = false;
    this.nested++;
    const body = this.block(defTok, 'function definition');
    this.nested--;
    this.inFunc = outerFunc;
    this.inAsync = outerAsync;
    this.inLoop = outerLoop;
    const n: Stmt = this.at({
      type: isAsync ? 'AsyncFunctionDef' : 'FunctionDef', start: 0, end: 0, line: 0, column: 0,
      name: this.text(nameTok), nameSpan, args, body, decorator_list, returns,
    }, st);
    n.end = body[body.length - 1].end;
    return n;
  }

  private classDef(st: number, decorator_list: Expr[]): Stmt {
    const foundAt = this.found.classes.length;
    this.pos++;
    const nameTok = this.expect(T.NAME);
    const nameSpan = this.spanOf(nameTok);
    const bases: Expr[] = [];
    const keywords: Keyword[] = [];
    if (this.K[this.pos] === T.LPAR) {
      this.pos++;
      if (this.K[this.pos] !== T.RPAR) this.callArgs(T.RPAR, -1, bases, keywords);
      this.expect(T.RPAR);
    }
    this.expectColon();
    const outerFunc = this.inFunc;
    const outerAsync = this.inAsync;
    const outerLoop = this.inLoop;
    this.inFunc = this.inAsync = this.inLoop = false;
    this.nested++;
    const body = this.block(st, 'class definition');
    this.nested--;
    this.inFunc = outerFunc;
    this.inAsync = outerAsync;
    this.inLoop = outerLoop;
    const n: ClassDef = this.at({
      type: 'ClassDef', start: 0, end: 0, line: 0, column: 0, name: this.text(nameTok),
      nameSpan, bases, keywords, body, decorator_list,
    }, st);
    n.end = body[body.length - 1].end;
    insertAt(this.found.classes, foundAt, n);
    return n;
  }

  /** A ':' whose absence before NEWLINE CPython reports as "expected ':'". */
  private expectColon(): void {
    const k = this.K[this.pos];
    if (k === T.COLON) {
      this.pos++;
      return;
    }
    if (k === T.NEWLINE) this.raiseAt(this.pos, "expected ':'");
    this.fail();
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts. */
  private block(headTok: number, what: string): Stmt[] {
    const body: Stmt[] = [];
    if (this.K[this.pos] === T.NEWLINE) {
      this.pos++;
      if (this.K[this.pos] !== T.INDENT) {
        if (this.K[this.pos] === T.ERRORTOKEN) this.raiseAt(this.pos, '');
        throw new Raised({
          line: this.L[this.pos],
          column: this.col(this.pos),
          message: `expected an indented block after ${what} on line ${this.L[headTok]}`,
        });
      }
      this.pos++;
      do this.statement(body);
      while (this.K[this.pos] !== T.DEDENT);
      this.pos++;
      return body;
    }
    this.simpleStmts(body);
    return body;
  }

  /** `if` and each `elif` (an If nested in the previous one's orelse, as in CPython's ast). */
  private ifStmt(keyword: 'if' | 'elif' = 'if'): Stmt {
    const st = this.pos++;
    const test = this.namedExpression();
    this.expectColon();
    const body = this.block(st, `'${keyword}' statement`);
    let orelse: Stmt[] = [];
    const k = this.K[this.pos];
    if (k === T.ELIF) orelse = [this.ifStmt('elif')];
    else if (k === T.ELSE) orelse = this.elseBlock();
    const n: Stmt = this.at({ type: 'If', start: 0, end: 0, line: 0, column: 0, test, body, orelse }, st);
    const last = orelse.length ? orelse : body;
    n.end = last[last.length - 1].end;
    return n;
  }

  private elseBlock(): Stmt[] {
    const st = this.pos++;
    this.expectForced(T.COLON);
    return this.block(st, `'else' statement`);
  }

  private whileStmt(): Stmt {
    const st = this.pos++;
    const test = this.namedExpression();
    this.expectColon();
    const outerLoop = this.inLoop;
    this.inLoop = true;
    const body = this.block(st, `'while' statement`);
    this.inLoop = outerLoop;
    const orelse = this.K[this.pos] === T.ELSE ? this.elseBlock() : [];
    const n: Stmt = this.at({ type: 'While', start: 0, end: 0, line: 0, column: 0, test, body, orelse }, st);
    n.end = (orelse.length ? orelse : body)[(orelse.length ? orelse : body).length - 1].end;
    return n;
  }

  private forStmt(st: number, isAsync: boolean): Stmt {
    const forTok = this.pos++;
    const target = this.starTargets();
    this.expect(T.IN);
    const iter = this.starExpressions();
    this.expectColon();
    if (isAsync && !this.inAsync) this.needsChecks = true;
    const outerLoop = this.inLoop;
    this.inLoop = true;
    const body = this.block(forTok, `'for' statement`);
    this.inLoop = outerLoop;
    const orelse = this.K[this.pos] === T.ELSE ? this.elseBlock() : [];
    const n: Stmt = this.at({ type: isAsync ? 'AsyncFor' : 'For', start: 0, end: 0, line: 0, column: 0, target, iter, body, orelse }, st);
    n.end = (orelse.length ? orelse : body)[(orelse.length ? orelse : body).length - 1].end;
    return n;
  }

  private withStmt(st: number, isAsync: boolean): Stmt {
    const withTok = this.pos++;
    let items: WithItem[] | null = null;
    if (this.K[this.pos] === T.LPAR) {
      // Parenthesized context managers, tried first as CPython does; else `(expr)...` below.
      const save = this.pos;
      const calls = this.found.calls.length;
      const comparisons = this.found.comparisons.length;
      try {
        this.pos++;
        items = [];
        for (;;) {
          items.push(this.withItem(true));
          if (this.K[this.pos] !== T.COMMA) break;
          this.pos++;
          if (this.K[this.pos] === T.RPAR) break;
        }
        this.expect(T.RPAR);
        if (this.K[this.pos] !== T.COLON) this.fail();
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
        items = null;
        this.pos = save;
        this.dropFound(calls, comparisons);
      }
    }
    if (!items) {
      items = [];
      for (;;) {
        items.push(this.withItem(false));
        if (this.K[this.pos] !== T.COMMA) break;
        this.pos++;
      }
    }
    this.expectColon();
    if (isAsync && !this.inAsync) this.needsChecks = true;
    const body = this.block(withTok, `'with' statement`);
    const n: Stmt = this.at({ type: isAsync ? 'AsyncWith' : 'With', start: 0, end: 0, line: 0, column: 0, items, body }, st);
    n.end = body[body.length - 1].end;
    return n;
  }

  private withItem(inParens: boolean): WithItem {
    const context_expr = this.expression();
    let optional_vars: Expr | null = null;
    if (this.K[this.pos] === T.AS) {
      this.pos++;
      optional_vars = this.starTarget();
      const k = this.K[this.pos];
      if (k !== T.COMMA && k !== T.COLON && !(inParens && k === T.RPAR)) this.fail();
    }
    return { context_expr, optional_vars };
  }

  private tryStmt(): Stmt {
    const st = this.pos++;
    this.expectForced(T.COLON);
    this.tryDepth++;
    const body = this.block(st, `'try' statement`);
    this.tryDepth--;
    const handlers: ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.K[this.pos] === T.EXCEPT) {
      // A bare `except:` is refused only when another handler follows it (compile-checks.ts).
      if (handlers.length && handlers[handlers.length - 1].exc_type === null) this.needsChecks = true;
      const hs = this.pos++;
      let isStar = false;
      if (this.K[this.pos] === T.STAR) {
        this.pos++;
        isStar = true;
      }
      if (star !== null && star !== isStar) {
        this.raiseAt(hs, "cannot have both 'except' and 'except*' on the same 'try'");
      }
      star = isStar;
      let exc_type: Expr | null = null;
      let name: string | null = null;
      if (this.K[this.pos] !== T.COLON || isStar) {
        exc_type = this.expression();
        if (this.K[this.pos] === T.COMMA) {
          // `except A, B:` (Python 2)
          this.raiseNode(exc_type, 'multiple exception types must be parenthesized');
        }
        if (this.K[this.pos] === T.AS) {
          this.pos++;
          name = this.text(this.expect(T.NAME));
        }
      }
      this.expectColon();
      const hbody = this.block(hs, isStar ? `'except*' statement` : `'except' statement`);
      const h: ExceptHandler = this.at({ type: 'ExceptHandler', start: 0, end: 0, line: 0, column: 0, exc_type, name, body: hbody }, hs);
      h.end = hbody[hbody.length - 1].end;
      handlers.push(h);
    }
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    if (handlers.length && this.K[this.pos] === T.ELSE) orelse = this.elseBlock();
    if (this.K[this.pos] === T.FINALLY) {
      const fs = this.pos++;
      this.expectForced(T.COLON);
      finalbody = this.block(fs, `'finally' statement`);
    }
    if (!handlers.length && !finalbody.length) this.raiseLast("expected 'except' or 'finally' block");
    const n: Stmt = this.at({ type: star ? 'TryStar' : 'Try', start: 0, end: 0, line: 0, column: 0, body, handlers, orelse, finalbody }, st);
    const lastPart = finalbody.length ? finalbody : orelse.length ? orelse : null;
    n.end = lastPart ? lastPart[lastPart.length - 1].end : handlers[handlers.length - 1].end;
    return n;
  }

  // match ------------------------------------------------------------------------------------

  /** `match` statement, or null (position restored) when the line is an ordinary statement. */
  private tryMatch(): Stmt | null {
    const st = this.pos;
    const calls = this.found.calls.length;
    const comparisons = this.found.comparisons.length;
    let subject: Expr;
    try {
      this.pos++;
      const k = this.K[this.pos];
      if (!(k < 128 && EXPR_START[k]) && k !== T.STAR) this.fail();
      const sst = this.pos;
      const first = this.starNamedExpression();
      if (this.K[this.pos] === T.COMMA) {
        const elts = [first];
        while (this.K[this.pos] === T.COMMA) {
          this.pos++;
          if (this.K[this.pos] === T.COLON) break;
          elts.push(this.starNamedExpression());
        }
        subject = this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts, parenthesized: false } as const, sst);
      } else {
        if (first.type === 'Starred') this.fail();
        subject = first;
      }
      if (this.K[this.pos] !== T.COLON) this.fail();
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      this.pos = st;
      this.dropFound(calls, comparisons);
      return null;
    }
    this.pos++;
    this.needsChecks = true;
    this.expect(T.NEWLINE);
    if (this.K[this.pos] !== T.INDENT) {
      throw new Raised({ line: this.L[this.pos], column: this.col(this.pos), message: `expected an indented block after 'match' statement on line ${this.L[st]}` });
    }
    this.pos++;
    const cases: MatchCase[] = [];
    do {
      const cs = this.pos;
      if (!this.isSoft(cs, 'case')) this.fail();
      this.pos++;
      const pattern = this.patterns();
      let guard: Expr | null = null;
      if (this.K[this.pos] === T.IF) {
        this.pos++;
        guard = this.namedExpression();
      }
      this.expectColon();
      const body = this.block(cs, `'case' statement`);
      cases.push({ pattern, guard, body });
    } while (this.K[this.pos] !== T.DEDENT);
    this.pos++;
    const n: Stmt = this.at({ type: 'Match', start: 0, end: 0, line: 0, column: 0, subject, cases }, st);
    const lb = cases[cases.length - 1].body;
    n.end = lb[lb.length - 1].end;
    return n;
  }

  private patterns(): Pattern {
    const st = this.pos;
    const first = this.maybeStarPattern();
    if (this.K[this.pos] !== T.COMMA) {
      if (first.type === 'MatchStar') this.fail();
      return first;
    }
    const patterns = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.COLON || this.K[this.pos] === T.IF) break;
      patterns.push(this.maybeStarPattern());
    }
    return this.at({ type: 'MatchSequence', start: 0, end: 0, line: 0, column: 0, patterns }, st);
  }

  private maybeStarPattern(): Pattern {
    if (this.K[this.pos] === T.STAR) {
      const st = this.pos++;
      const nt = this.expect(T.NAME);
      const name = this.isSoft(nt, '_') ? null : this.text(nt);
      return this.at({ type: 'MatchStar', start: 0, end: 0, line: 0, column: 0, name }, st);
    }
    return this.pattern();
  }

  private pattern(): Pattern {
    const st = this.pos;
    const orp = this.orPattern();
    if (this.K[this.pos] === T.AS) {
      this.pos++;
      const nt = this.expect(T.NAME);
      if (this.isSoft(nt, '_')) this.raiseAt(nt, "cannot use '_' as a target");
      const k = this.K[this.pos];
      if (k === T.DOT || k === T.LPAR || k === T.EQUAL) this.fail();
      return this.at({ type: 'MatchAs', start: 0, end: 0, line: 0, column: 0, pattern: orp, name: this.text(nt) }, st);
    }
    return orp;
  }

  private orPattern(): Pattern {
    const st = this.pos;
    const first = this.closedPattern();
    if (this.K[this.pos] !== T.VBAR) return first;
    const patterns = [first];
    while (this.K[this.pos] === T.VBAR) {
      this.pos++;
      patterns.push(this.closedPattern());
    }
    return this.at({ type: 'MatchOr', start: 0, end: 0, line: 0, column: 0, patterns }, st);
  }

  private closedPattern(): Pattern {
    const st = this.pos;
    const k = this.K[st];
    switch (k) {
      case T.NONE: case T.TRUE: case T.FALSE:
        this.pos++;
        return this.at({ type: 'MatchSingleton', start: 0, end: 0, line: 0, column: 0, value: k === T.NONE ? null : k === T.TRUE }, st);
      case T.NUMBER: case T.MINUS: case T.STRING: {
        const value = this.literalExpr();
        return this.at({ type: 'MatchValue', start: 0, end: 0, line: 0, column: 0, value }, st);
      }
      case T.LPAR: case T.LSQB: {
        this.pos++;
        const close = k === T.LPAR ? T.RPAR : T.RSQB;
        if (this.K[this.pos] === close) {
          this.pos++;
          return this.at({ type: 'MatchSequence', start: 0, end: 0, line: 0, column: 0, patterns: [] }, st);
        }
        const first = this.maybeStarPattern();
        if (k === T.LPAR && this.K[this.pos] === T.RPAR && first.type !== 'MatchStar') {
          // group_pattern: the inner pattern itself.
          this.pos++;
          return first;
        }
        const patterns = [first];
        while (this.K[this.pos] === T.COMMA) {
          this.pos++;
          if (this.K[this.pos] === close) break;
          patterns.push(this.maybeStarPattern());
        }
        this.expect(close);
        return this.at({ type: 'MatchSequence', start: 0, end: 0, line: 0, column: 0, patterns }, st);
      }
      case T.LBRACE: return this.mappingPattern();
      case T.NAME: {
        this.pos++;
        if (this.K[this.pos] !== T.DOT && this.K[this.pos] !== T.LPAR) {
          if (this.K[this.pos] === T.EQUAL) this.fail();
          const name = this.isSoft(st, '_') ? null : this.text(st);
          return this.at({ type: 'MatchAs', start: 0, end: 0, line: 0, column: 0, pattern: null, name }, st);
        }
        let cls: Expr = this.at({ type: 'Name', start: 0, end: 0, line: 0, column: 0, id: this.text(st) }, st);
        while (this.K[this.pos] === T.DOT) {
          this.pos++;
          const attr = this.text(this.expect(T.NAME));
          cls = this.at({ type: 'Attribute', start: 0, end: 0, line: 0, column: 0, value: cls, attr }, st);
        }
        if (this.K[this.pos] !== T.LPAR) {
          if (this.K[this.pos] === T.EQUAL) this.fail();
          return this.at({ type: 'MatchValue', start: 0, end: 0, line: 0, column: 0, value: cls }, st);
        }
        this.pos++;
        const patterns: Pattern[] = [];
        const kwd_attrs: string[] = [];
        const kwd_patterns: Pattern[] = [];
        while (this.K[this.pos] !== T.RPAR) {
          if (this.K[this.pos] === T.NAME && this.K[this.pos + 1] === T.EQUAL) {
            kwd_attrs.push(this.text(this.pos));
            this.pos += 2;
            kwd_patterns.push(this.pattern());
          } else {
            const ps = this.pos;
            const p = this.pattern();
            if (kwd_attrs.length) this.raiseNode(this.spanOf(ps), 'positional patterns follow keyword patterns');
            patterns.push(p);
          }
          if (this.K[this.pos] !== T.COMMA) break;
          this.pos++;
        }
        this.expect(T.RPAR);
        return this.at({ type: 'MatchClass', start: 0, end: 0, line: 0, column: 0, cls, patterns, kwd_attrs, kwd_patterns }, st);
      }
    }
    this.fail();
  }

  private mappingPattern(): Pattern {
    const st = this.pos++;
    const keys: Expr[] = [];
    const patterns: Pattern[] = [];
    let rest: string | null = null;
    while (this.K[this.pos] !== T.RBRACE) {
      if (this.K[this.pos] === T.DOUBLESTAR) {
        this.pos++;
        rest = this.text(this.expect(T.NAME));
        if (this.K[this.pos] === T.COMMA) this.pos++;
        break;
      }
      const ks = this.pos;
      let key: Expr;
      const k = this.K[ks];
      if (k === T.NAME) {
        this.pos++;
        key = this.at({ type: 'Name', start: 0, end: 0, line: 0, column: 0, id: this.text(ks) }, ks);
        if (this.K[this.pos] !== T.DOT) this.fail();
        while (this.K[this.pos] === T.DOT) {
          this.pos++;
          const attr = this.text(this.expect(T.NAME));
          key = this.at({ type: 'Attribute', start: 0, end: 0, line: 0, column: 0, value: key, attr }, ks);
        }
      } else if (k === T.NONE || k === T.TRUE || k === T.FALSE) {
        this.pos++;
        key = this.at({ type: 'Constant', start: 0, end: 0, line: 0, column: 0, kind: k === T.NONE ? 'none' : 'bool', value: k === T.NONE ? null : k === T.TRUE }, ks);
      } else key = this.literalExpr();
      this.expect(T.COLON);
      keys.push(key);
      patterns.push(this.pattern());
      if (this.K[this.pos] !== T.COMMA) break;
      this.pos++;
    }
    this.expect(T.RBRACE);
    return this.at({ type: 'MatchMapping', start: 0, end: 0, line: 0, column: 0, keys, patterns, rest }, st);
  }

  /** signed_number, complex_number or strings, as a pattern value. */
  private literalExpr(): Expr {
    const st = this.pos;
    if (this.K[st] === T.STRING) {
      const s = this.strings();
      if (s.type === 'JoinedStr') this.raiseNode(s, 'patterns may only match literals and attribute lookups');
      return s;
    }
    let real: Expr;
    if (this.K[st] === T.MINUS) {
      this.pos++;
      const nt = this.expect(T.NUMBER);
      const operand = this.number(nt);
      real = this.at({ type: 'UnaryOp', start: 0, end: 0, line: 0, column: 0, op: '-', operand }, st);
    } else real = this.number(this.expect(T.NUMBER));
    const k = this.K[this.pos];
    if (k === T.PLUS || k === T.MINUS) {
      this.pos++;
      const right = this.number(this.expect(T.NUMBER));
      if (right.kind !== 'complex') this.raiseNode(right, 'imaginary number required in complex literal');
      return this.at({ type: 'BinOp', start: 0, end: 0, line: 0, column: 0, left: real, op: k === T.PLUS ? '+' : '-', right }, st);
    }
    return real;
  }

  // -------------------------------------------------------------------------------------------
  // Targets (for, with ... as, comprehensions)

  private starTargets(): Expr {
    const st = this.pos;
    const first = this.starTarget();
    if (this.K[this.pos] !== T.COMMA) return first;
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.IN || this.K[this.pos] === T.EQUAL) break;
      elts.push(this.starTarget());
    }
    return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts, parenthesized: false }, st);
  }

  private starTarget(): Expr {
    const st = this.pos;
    let e: Expr;
    if (this.K[st] === T.STAR) {
      this.pos++;
      if (this.K[this.pos] === T.STAR) this.fail();
      const value = this.starTarget();
      this.needsChecks = true;
      e = this.at({ type: 'Starred', start: 0, end: 0, line: 0, column: 0, value }, st);
    } else e = this.primary();
    this.checkTarget(e, 'store', -1);
    return e;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** star_expressions: a Tuple when there is a comma. */
  private starExpressions(): Expr {
    const st = this.pos;
    const first = this.starExpression();
    if (this.K[this.pos] !== T.COMMA) return first;
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      const k = this.K[this.pos];
      if (!(k < 128 && EXPR_START[k]) && k !== T.STAR) break;
      elts.push(this.starExpression());
    }
    return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts, parenthesized: false }, st);
  }

  private starExpression(): Expr {
    if (this.K[this.pos] === T.STAR) {
      const st = this.pos++;
      this.needsChecks = true;
      const value = this.bitwiseOr();
      return this.at({ type: 'Starred', start: 0, end: 0, line: 0, column: 0, value }, st);
    }
    return this.expression();
  }

  private starNamedExpression(): Expr {
    if (this.K[this.pos] === T.STAR) {
      const st = this.pos++;
      this.needsChecks = true;
      const value = this.bitwiseOr();
      return this.at({ type: 'Starred', start: 0, end: 0, line: 0, column: 0, value }, st);
    }
    return this.namedExpression();
  }

  private namedExpression(): Expr {
    const st = this.pos;
    if (this.K[st] === T.NAME && this.K[st + 1] === T.COLONEQUAL) {
      this.pos++;
      const target: Name = this.at({ type: 'Name', start: 0, end: 0, line: 0, column: 0, id: this.text(st) }, st);
      this.pos++;
      const value = this.expression();
      return this.at({ type: 'NamedExpr', start: 0, end: 0, line: 0, column: 0, target, value }, st);
    }
    const e = this.expression();
    if (this.K[this.pos] === T.COLONEQUAL) this.raiseNode(e, `cannot use assignment expressions with ${exprName(e)}`);
    return e;
  }

  expression(): Expr {
    const st = this.pos;
    // A lone name, number, string or constant before a token no rule below would go on with
    // (`x,`, `1)`, `'a':`): the atom itself, without the dozen calls that would find that out.
    if (LONE_ATOM[this.K[st]] === 1 && ENDS_LONE_ATOM[this.K[st + 1]] === 1) return this.atom();
    if (this.K[st] === T.LAMBDA) return this.lambdef();
    const body = this.disjunction();
    if (this.K[this.pos] === T.IF) {
      this.pos++;
      const test = this.disjunction();
      if (this.K[this.pos] !== T.ELSE) {
        const k = this.K[this.pos];
        if (k !== T.COLON) this.raiseNode(body, "expected 'else' after 'if' expression");
        this.fail();
      }
      this.pos++;
      const orelse = this.expression();
      return this.at({ type: 'IfExp', start: 0, end: 0, line: 0, column: 0, test, body, orelse }, st);
    }
    this.checkMissingComma(body, st);
    return body;
  }

  /** invalid_legacy_expression: `print x`. */
  private checkLegacyPrint(a: Expr & { id: string }, st: number): void {
    if (this.pos !== st + 1 || this.K[this.pos] === T.LPAR) return;
    const save = this.pos;
    const saveFar = this.far;
    const calls = this.found.calls.length;
    const comparisons = this.found.comparisons.length;
    let ok = false;
    try {
      this.starExpressions();
      ok = true;
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
    }
    this.pos = save;
    this.far = saveFar;
    this.dropFound(calls, comparisons);
    if (ok) this.raiseNode(a, `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`);
  }

  /** invalid_expression: two expressions side by side inside brackets: a missing comma. */
  private checkMissingComma(a: Expr, st: number): void {
    const k = this.K[this.pos];
    if (!(k < 128 && EXPR_START[k])) return;
    if (a.type === 'Name' && (a.id === 'print' || a.id === 'exec')) {
      this.checkLegacyPrint(a, st);
      return;
    }
    if (this.LV[this.pos - 1] === 0) return;
    if (this.K[st] === T.NAME && (this.K[st + 1] === T.STRING || this.isSoft(st, 'match') || this.isSoft(st, 'case') || this.isSoft(st, '_'))) return;
    if (a.type === 'Name' && (a.id === 'print' || a.id === 'exec')) {
      this.checkLegacyPrint(a, st);
      return;
    }
    const save = this.pos;
    const saveFar = this.far;
    const calls = this.found.calls.length;
    const comparisons = this.found.comparisons.length;
    let ok = false;
    const k2 = this.K[this.pos];
    if (k2 === T.NAME || k2 === T.NUMBER || k2 === T.NONE || k2 === T.TRUE || k2 === T.FALSE || k2 === T.ELLIPSIS) {
      // A PEG parser reads at least this atom as an expression, whatever follows.
      this.raiseNode(a, 'invalid syntax. Perhaps you forgot a comma?');
    }
    if (k2 === T.STRING) {
      this.strings();
      this.pos = save;
      this.raiseNode(a, 'invalid syntax. Perhaps you forgot a comma?');
    }
    try {
      if (k2 === T.LAMBDA) this.lambdef();
      else {
        this.disjunction();
        if (this.K[this.pos] === T.IF) {
          this.pos++;
          this.disjunction();
          if (this.K[this.pos] !== T.ELSE) this.fail();
          this.pos++;
          this.expression();
        }
      }
      ok = true;
    } catch (e) {
      // Inside this lookahead CPython's "invalid_" rules are off: their errors are failures.
      if (!(e instanceof Fail) && !(e instanceof Raised && !e.fromTokenizer)) throw e;
    }
    this.pos = save;
    this.far = saveFar;
    this.dropFound(calls, comparisons);
    if (ok) this.raiseNode(a, 'invalid syntax. Perhaps you forgot a comma?');
  }

  private lambdef(): Expr {
    const st = this.pos++;
    const args = this.parameters(T.COLON);
    this.expect(T.COLON);
    const body = this.expression();
    return this.at({ type: 'Lambda', start: 0, end: 0, line: 0, column: 0, args, body }, st);
  }

  private disjunction(): Expr {
    const st = this.pos;
    const first = this.conjunction();
    if (this.K[this.pos] !== T.OR) return first;
    const values = [first];
    while (this.K[this.pos] === T.OR) {
      this.pos++;
      values.push(this.conjunction());
    }
    return this.at({ type: 'BoolOp', start: 0, end: 0, line: 0, column: 0, op: 'or', values }, st);
  }

  private conjunction(): Expr {
    const st = this.pos;
    const first = this.inversion();
    if (this.K[this.pos] !== T.AND) return first;
    const values = [first];
    while (this.K[this.pos] === T.AND) {
      this.pos++;
      values.push(this.inversion());
    }
    return this.at({ type: 'BoolOp', start: 0, end: 0, line: 0, column: 0, op: 'and', values }, st);
  }

  private inversion(): Expr {
    const st = this.pos;
    if (this.K[st] === T.NOT) {
      this.pos++;
      const operand = this.inversion();
      return this.at({ type: 'UnaryOp', start: 0, end: 0, line: 0, column: 0, op: 'not', operand }, st);
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const st = this.pos;
    const foundAt = this.found.comparisons.length;
    const left = this.bitwiseOr();
    let ops: string[] | null = null;
    let comparators: Expr[] | null = null;
    for (;;) {
      const k = this.K[this.pos];
      let op: string | undefined;
      if (k === T.NOT) {
        if (this.K[this.pos + 1] !== T.IN) break;
        this.pos += 2;
        op = 'not in';
      } else if (k === T.IS) {
        if (this.K[this.pos + 1] === T.NOT) {
          this.pos += 2;
          op = 'is not';
        } else {
          this.pos++;
          op = 'is';
        }
      } else {
        op = COMPARE_OPS[k];
        if (op === undefined) break;
        this.pos++;
      }
      if (!ops) {
        ops = [];
        comparators = [];
      }
      ops.push(op);
      comparators!.push(this.bitwiseOr());
    }
    if (!ops) return left;
    const n: Compare = this.at({ type: 'Compare', start: 0, end: 0, line: 0, column: 0, left, ops, comparators: comparators! }, st);
    insertAt(this.found.comparisons, foundAt, n);
    return n;
  }

  private bitwiseOr(): Expr {
    return this.binary(1);
  }

  /** Binary operators by precedence climbing (all left-associative). */
  private binary(minPrec: number): Expr {
    const st = this.pos;
    let left = this.factor();
    for (let depth = 1; ; depth++) {
      const k = this.K[this.pos];
      const prec = k < 128 ? BINARY_PREC[k] : 0;
      if (prec === 0 || prec < minPrec) return left;
      if (depth > MAX_CHAIN) this.tooDeep(st);
      const op = KIND_TEXT[k];
      this.pos++;
      const right = this.binary(prec + 1);
      left = this.at({ type: 'BinOp', start: 0, end: 0, line: 0, column: 0, left, op, right }, st);
    }
  }

  private factor(): Expr {
    const st = this.pos;
    const k = this.K[st];
    if (k === T.MINUS || k === T.PLUS || k === T.TILDE) {
      this.pos++;
      const operand = this.factor();
      return this.at({ type: 'UnaryOp', start: 0, end: 0, line: 0, column: 0, op: k === T.MINUS ? '-' : k === T.PLUS ? '+' : '~', operand }, st);
    }
    return this.power();
  }

  private power(): Expr {
    const st = this.pos;
    let left: Expr;
    if (this.K[st] === T.AWAIT) {
      this.pos++;
      this.needsChecks = true;
      const value = this.primary();
      left = this.at({ type: 'Await', start: 0, end: 0, line: 0, column: 0, value }, st);
    } else left = this.primary();
    if (this.K[this.pos] === T.DOUBLESTAR) {
      this.pos++;
      const right = this.factor();
      return this.at({ type: 'BinOp', start: 0, end: 0, line: 0, column: 0, left, op: '**', right }, st);
    }
    return left;
  }

  private primary(): Expr {
    const st = this.pos;
    const foundAt = this.found.calls.length;
    let e = this.atom();
    for (let depth = 1; ; depth++) {
      const k = this.K[this.pos];
      if (depth > MAX_CHAIN && (k === T.DOT || k === T.LPAR || k === T.LSQB)) this.tooDeep(st);
      if (k === T.DOT) {
        this.pos++;
        const attr = this.text(this.expect(T.NAME));
        e = this.at({ type: 'Attribute', start: 0, end: 0, line: 0, column: 0, value: e, attr }, st);
      } else if (k === T.LPAR) {
        const lp = this.pos++;
        const args: Expr[] = [];
        const keywords: Keyword[] = [];
        if (this.K[this.pos] !== T.RPAR) this.callArgs(T.RPAR, lp, args, keywords);
        this.expect(T.RPAR);
        const call: Call = this.at({ type: 'Call', start: 0, end: 0, line: 0, column: 0, func: e, args, keywords }, st);
        insertAt(this.found.calls, foundAt, call);
        e = call;
      } else if (k === T.LSQB) {
        this.pos++;
        const slice = this.slices();
        this.expect(T.RSQB);
        e = this.at({ type: 'Subscript', start: 0, end: 0, line: 0, column: 0, value: e, slice }, st);
      } else return e;
    }
  }

  private slices(): Expr {
    const st = this.pos;
    const first = this.K[st] === T.STAR ? this.starredExpression() : this.slice();
    if (this.K[this.pos] !== T.COMMA) {
      if (first.type === 'Starred') return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts: [first], parenthesized: false }, st);
      return first;
    }
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.RSQB) break;
      elts.push(this.K[this.pos] === T.STAR ? this.starredExpression() : this.slice());
    }
    return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts, parenthesized: false }, st);
  }

  private starredExpression(): Expr {
    const st = this.pos++;
    const value = this.expression();
    return this.at({ type: 'Starred', start: 0, end: 0, line: 0, column: 0, value }, st);
  }

  private slice(): Expr {
    const st = this.pos;
    let lower: Expr | null = null;
    if (this.K[st] !== T.COLON) {
      const e = this.namedExpression();
      if (this.K[this.pos] !== T.COLON) return e;
      if (e.type === 'NamedExpr') this.fail();
      lower = e;
    }
    this.pos++;
    let upper: Expr | null = null;
    let step: Expr | null = null;
    let k = this.K[this.pos];
    if (k !== T.COLON && k !== T.COMMA && k !== T.RSQB) upper = this.expression();
    if (this.K[this.pos] === T.COLON) {
      this.pos++;
      k = this.K[this.pos];
      if (k !== T.COMMA && k !== T.RSQB) step = this.expression();
    }
    return this.at({ type: 'Slice', start: 0, end: 0, line: 0, column: 0, lower, upper, step }, st);
  }

  private atom(): Expr {
    const st = this.pos;
    switch (this.K[st]) {
      case T.NAME:
        this.pos++;
        return { type: 'Name', start: this.S[st], end: this.E[st], line: this.L[st], column: this.col(st), id: this.text(st) };
      case T.NUMBER:
        this.pos++;
        return this.number(st);
      case T.STRING:
        return this.strings();
      case T.NONE: case T.TRUE: case T.FALSE: {
        const k = this.K[st];
        this.pos++;
        return { type: 'Constant', start: this.S[st], end: this.E[st], line: this.L[st], column: this.col(st), kind: k === T.NONE ? 'none' : 'bool', value: k === T.NONE ? null : k === T.TRUE };
      }
      case T.ELLIPSIS:
        this.pos++;
        return { type: 'Constant', start: this.S[st], end: this.E[st], line: this.L[st], column: this.col(st), kind: 'ellipsis', value: null };
      case T.LPAR: return this.parenAtom();
      case T.LSQB: return this.listAtom();
      case T.LBRACE: return this.braceAtom();
    }
    this.fail();
  }

  private number(i: number): Constant {
    const src = this.src;
    const s = this.S[i];
    const e = this.E[i];
    if (e - s <= 9) {
      // A plain decimal integer, the usual case: read from the source without a copy of its text.
      let v = 0;
      let j = s;
      for (; j < e; j++) {
        const c = src.charCodeAt(j);
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
      }
      if (j === e) return { type: 'Constant', start: s, end: e, line: this.L[i], column: this.col(i), kind: 'int', value: v };
    }
    const text = this.text(i);
    let kind: Constant['kind'] = 'int';
    let value: number;
    const last = text.charCodeAt(text.length - 1);
    const clean = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
    if (last === 106 || last === 74) {
      kind = 'complex';
      value = Number(clean.slice(0, -1));
    } else if (clean.length > 1 && clean.charCodeAt(0) === 48 && /[xXoObB]/.test(clean[1])) {
      const radix = /[xX]/.test(clean[1]) ? 16 : /[oO]/.test(clean[1]) ? 8 : 2;
      value = clean.length < 12 ? parseInt(clean.slice(2), radix) : Number(BigInt(clean.slice(0, 2).toLowerCase() + clean.slice(2)));
    } else if (/[.eE]/.test(clean)) {
      kind = 'float';
      value = Number(clean);
    } else value = Number(clean);
    return { type: 'Constant', start: this.S[i], end: this.E[i], line: this.L[i], column: this.col(i), kind, value };
  }

  /** ( ... ): tuple, group, generator expression or yield. */
  private parenAtom(): Expr {
    const st = this.pos++;
    const k = this.K[this.pos];
    if (k === T.RPAR) {
      this.pos++;
      return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts: [], parenthesized: true }, st);
    }
    if (k === T.YIELD) {
      const y = this.yieldExpr();
      this.expect(T.RPAR);
      return y;
    }
    const first = this.starNamedExpression();
    const k2 = this.K[this.pos];
    if (k2 === T.RPAR) {
      this.pos++;
      if (first.type === 'Starred') this.raiseNode(first, "cannot use starred expression here");
      return first;
    }
    if (k2 === T.FOR || k2 === T.ASYNC) {
      if (first.type === 'Starred') this.fail();
      const generators = this.forIfClauses(st);
      this.expect(T.RPAR);
      return this.at({ type: 'GeneratorExp', start: 0, end: 0, line: 0, column: 0, elt: first, generators }, st);
    }
    if (k2 !== T.COMMA) this.fail();
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.RPAR) break;
      elts.push(this.starNamedExpression());
    }
    this.expect(T.RPAR);
    return this.at({ type: 'Tuple', start: 0, end: 0, line: 0, column: 0, elts, parenthesized: true }, st);
  }

  private listAtom(): Expr {
    const st = this.pos++;
    if (this.K[this.pos] === T.RSQB) {
      this.pos++;
      return this.at({ type: 'List', start: 0, end: 0, line: 0, column: 0, elts: [] }, st);
    }
    const first = this.starNamedExpression();
    const k = this.K[this.pos];
    if ((k === T.FOR || k === T.ASYNC) && first.type !== 'Starred') {
      const generators = this.forIfClauses(st);
      this.expect(T.RSQB);
      return this.at({ type: 'ListComp', start: 0, end: 0, line: 0, column: 0, elt: first, generators }, st);
    }
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.RSQB) break;
      elts.push(this.starNamedExpression());
    }
    this.expect(T.RSQB);
    return this.at({ type: 'List', start: 0, end: 0, line: 0, column: 0, elts }, st);
  }

  private braceAtom(): Expr {
    const st = this.pos++;
    let k = this.K[this.pos];
    if (k === T.RBRACE) {
      this.pos++;
      return this.at({ type: 'Dict', start: 0, end: 0, line: 0, column: 0, keys: [], values: [] }, st);
    }
    let first: Expr | null = null;
    if (k !== T.DOUBLESTAR) {
      first = this.starNamedExpression();
      if (this.K[this.pos] !== T.COLON) return this.setRest(st, first);
      if (first.type === 'Starred' || first.type === 'NamedExpr') this.fail();
    }
    // A dict: `first` is the first key (its ':' is next), or the dict starts with '**'.
    const keys: Array<Expr | null> = [];
    const values: Expr[] = [];
    for (;;) {
      if (first) {
        this.pos++;
        keys.push(first);
        values.push(this.dictValue());
        first = null;
      } else if (this.K[this.pos] === T.DOUBLESTAR) {
        this.pos++;
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        const key = this.expression();
        if (this.K[this.pos] !== T.COLON) {
          // invalid_kvpair: CPython points at the key's line and its end column.
          throw new Raised({ line: key.line, column: this.columnOf(key.end), message: "':' expected after dictionary key" });
        }
        this.pos++;
        keys.push(key);
        values.push(this.dictValue());
      }
      k = this.K[this.pos];
      if ((k === T.FOR || k === T.ASYNC) && keys.length === 1 && keys[0] !== null) {
        const generators = this.forIfClauses(st);
        this.expect(T.RBRACE);
        return this.at({ type: 'DictComp', start: 0, end: 0, line: 0, column: 0, key: keys[0], value: values[0], generators }, st);
      }
      if (k !== T.COMMA) break;
      this.pos++;
      if (this.K[this.pos] === T.RBRACE) break;
    }
    this.expect(T.RBRACE);
    return this.at({ type: 'Dict', start: 0, end: 0, line: 0, column: 0, keys, values }, st);
  }

  /** The value after a dict key's ':', with CPython's invalid_kvpair messages. */
  private dictValue(): Expr {
    const k = this.K[this.pos];
    if (k === T.RBRACE || k === T.COMMA) this.raiseAt(this.pos - 1, "expression expected after dictionary key and ':'");
    if (k === T.STAR) this.raiseAt(this.pos, 'cannot use a starred expression in a dictionary value');
    return this.expression();
  }

  /** A set display or comprehension after its first element. */
  private setRest(st: number, first: Expr): Expr {
    const k = this.K[this.pos];
    if ((k === T.FOR || k === T.ASYNC) && first.type !== 'Starred') {
      const generators = this.forIfClauses(st);
      this.expect(T.RBRACE);
      return this.at({ type: 'SetComp', start: 0, end: 0, line: 0, column: 0, elt: first, generators }, st);
    }
    const elts = [first];
    while (this.K[this.pos] === T.COMMA) {
      this.pos++;
      if (this.K[this.pos] === T.RBRACE) break;
      elts.push(this.starNamedExpression());
    }
    this.expect(T.RBRACE);
    return this.at({ type: 'Set', start: 0, end: 0, line: 0, column: 0, elts }, st);
  }

  /** The `for`/`if` clauses of a comprehension that starts at token `start`. */
  private forIfClauses(start: number): ComprehensionFor[] {
    const out: ComprehensionFor[] = [];
    for (;;) {
      const k = this.K[this.pos];
      let is_async = false;
      if (k === T.ASYNC) {
        if (this.K[this.pos + 1] !== T.FOR) break;
        is_async = true;
        this.needsChecks = true;
        this.pos++;
      } else if (k !== T.FOR) break;
      this.pos++;
      const target = this.starTargets();
      this.expect(T.IN);
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.K[this.pos] === T.IF) {
        this.pos++;
        ifs.push(this.disjunction());
      }
      out.push({ target, iter, ifs, is_async });
    }
    // A yield in a comprehension is refused (compile-checks.ts), wherever the function is.
    if (this.lastYield >= start) this.needsChecks = true;
    return out;
  }

  private yieldExpr(): Expr {
    const st = this.pos++;
    // In a plain function a yield is refused only inside a comprehension (see forIfClauses).
    if (!this.inFunc || this.inAsync) this.needsChecks = true;
    this.lastYield = st;
    if (this.K[this.pos] === T.FROM) {
      this.pos++;
      const value = this.expression();
      return this.at({ type: 'YieldFrom', start: 0, end: 0, line: 0, column: 0, value }, st);
    }
    const k = this.K[this.pos];
    const value = (k < 128 && EXPR_START[k]) || k === T.STAR ? this.starExpressions() : null;
    return this.at({ type: 'Yield', start: 0, end: 0, line: 0, column: 0, value }, st);
  }

  /** Call arguments (and class bases) up to `close` into args and keywords, with CPython's ordering rules. */
  private callArgs(close: number, lparTok: number, args: Expr[], keywords: Keyword[]): void {
    let sawKeyword = false;
    let sawDoubleStar = false;
    let genexp = false;
    let pending = '';
    const first = this.pos;
    for (;;) {
      const st = this.pos;
      const k = this.K[st];
      if (k === T.STAR) {
        this.pos++;
        const value = this.expression();
        const s: Expr = this.at({ type: 'Starred', start: 0, end: 0, line: 0, column: 0, value }, st);
        if (sawDoubleStar) this.raiseAt(first, 'iterable argument unpacking follows keyword argument unpacking');
        args.push(s);
      } else if (k === T.DOUBLESTAR) {
        this.pos++;
        const value = this.expression();
        keywords.push(this.at({ type: 'keyword', start: 0, end: 0, line: 0, column: 0, arg: null, value }, st));
        sawDoubleStar = true;
      } else if (k === T.NAME && this.K[st + 1] === T.EQUAL) {
        this.pos += 2;
        const value = this.expression();
        if (this.K[this.pos] === T.FOR || this.K[this.pos] === T.ASYNC) {
          this.raiseAt(st, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        keywords.push(this.at({ type: 'keyword', start: 0, end: 0, line: 0, column: 0, arg: this.text(st), value }, st));
        sawKeyword = true;
      } else if ((k === T.TRUE || k === T.FALSE || k === T.NONE) && this.K[st + 1] === T.EQUAL) {
        this.raiseAt(st, `cannot assign to ${KIND_TEXT[k]}`);
      } else {
        let e = this.K[st] === T.NAME && this.K[st + 1] === T.COLONEQUAL ? this.namedExpression() : this.expression();
        const k2 = this.K[this.pos];
        if (k2 === T.FOR || k2 === T.ASYNC) {
          // A generator expression: alone in a call's parentheses, else refused.
          const generators = this.forIfClauses(lparTok);
          if (lparTok < 0 || args.length || keywords.length || this.K[this.pos] !== close) {
            this.raiseNode(e, 'Generator expression must be parenthesized');
          }
          e = this.at({ type: 'GeneratorExp', start: 0, end: 0, line: 0, column: 0, elt: e, generators }, lparTok);
          e.end = this.E[this.pos];
          genexp = true;
        } else if (k2 === T.EQUAL) {
          this.raiseNode(e, 'expression cannot contain assignment, perhaps you meant "=="?');
        }
        // CPython reports these after reading the rest of the arguments.
        if (!pending && sawDoubleStar) pending = 'positional argument follows keyword argument unpacking';
        else if (!pending && sawKeyword) pending = 'positional argument follows keyword argument';
        args.push(e);
      }
      if (this.K[this.pos] !== T.COMMA) break;
      this.pos++;
      if (genexp) this.raiseNode(args[0], 'Generator expression must be parenthesized');
      if (this.K[this.pos] === close) break;
    }
    if (pending) this.raiseLast(pending);
    if (keywords.length > 1) {
      // "keyword argument repeated" is compile.c's: let compile-checks.ts find it.
      for (let i = 1; i < keywords.length && !this.needsChecks; i++) {
        const a = keywords[i].arg;
        if (a !== null) for (let j = 0; j < i; j++) if (keywords[j].arg === a) this.needsChecks = true;
      }
    }
  }

  /** Function or lambda parameters up to `close` (')' or ':'). */
  private parameters(close: number): Arguments {
    const a: Arguments = { posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
    const lambda = close === T.COLON;
    let star = false;
    let sawDefault = false;
    let slash = false;
    let bareStar = -1;
    while (this.K[this.pos] !== close) {
      const st = this.pos;
      const k = this.K[st];
      if (a.kwarg) this.raiseAt(st, 'arguments cannot follow var-keyword argument');
      if (k === T.SLASH) {
        if (slash) this.raiseAt(st, '/ may appear only once');
        if (star) this.raiseAt(st, '/ must be ahead of *');
        if (!a.args.length) this.raiseAt(st, 'at least one argument must precede /');
        this.pos++;
        slash = true;
        a.posonlyargs = a.args;
        a.args = [];
      } else if (k === T.STAR) {
        if (star) this.raiseAt(st, '* argument may appear only once');
        this.pos++;
        star = true;
        if (this.K[this.pos] === T.COMMA || this.K[this.pos] === close) {
          bareStar = st;
          if (this.K[this.pos] === close || this.K[this.pos + 1] === close || this.K[this.pos + 1] === T.DOUBLESTAR) {
            this.raiseAt(st, 'named arguments must follow bare *');
          }
        } else a.vararg = this.param(lambda, true);
      } else if (k === T.DOUBLESTAR) {
        this.pos++;
        a.kwarg = this.param(lambda, false);
        if (this.K[this.pos] === T.EQUAL) this.raiseAt(this.pos, 'var-keyword argument cannot have default value');
      } else {
        const p = this.param(lambda, false);
        let def: Expr | null = null;
        if (this.K[this.pos] === T.EQUAL) {
          this.pos++;
          def = this.expression();
        }
        if (star) {
          a.kwonlyargs.push(p);
          a.kw_defaults.push(def);
        } else {
          if (def) {
            sawDefault = true;
            a.defaults.push(def);
          } else if (sawDefault) this.raiseNode(p, 'non-default argument follows default argument');
          a.args.push(p);
        }
      }
      if (this.K[this.pos] !== T.COMMA) break;
      this.pos++;
    }
    if (this.K[this.pos] !== close) this.fail();
    void bareStar;
    const n = a.posonlyargs.length + a.args.length + a.kwonlyargs.length + (a.vararg ? 1 : 0) + (a.kwarg ? 1 : 0);
    if (n > 1 && repeatsName(a, n)) this.needsChecks = true;
    return a;
  }

  private param(lambda: boolean, starred: boolean): Arg {
    const st = this.expect(T.NAME);
    let annotation: Expr | null = null;
    if (!lambda && this.K[this.pos] === T.COLON) {
      this.pos++;
      annotation = starred && this.K[this.pos] === T.STAR ? this.starExpression() : this.expression();
    }
    const k = this.K[this.pos];
    if (k !== T.COMMA && k !== T.EQUAL && k !== (lambda ? T.COLON : T.RPAR)) this.fail();
    return this.at({ type: 'arg', start: 0, end: 0, line: 0, column: 0, arg: this.text(st), annotation }, st);
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  /** STRING+: one Constant, or a JoinedStr when an f-string is among them. */
  private strings(): Expr {
    const st = this.pos;
    while (this.K[this.pos] === T.STRING) this.pos++;
    const last = this.pos - 1;
    const after = this.pos;
    try {
      if (st === last) {
        const s0 = this.S[st];
        const e0 = this.E[st];
        const q = this.src.charCodeAt(s0);
        if (q === 34 || q === 39) {
          // One string without a prefix, the usual case: stringPrefix's answer without its object.
          const qs = e0 - s0 >= 6 && this.src.charCodeAt(s0 + 1) === q && this.src.charCodeAt(s0 + 2) === q ? 3 : 1;
          const value = decodeStr(this.src, s0 + qs, e0 - qs, false);
          return { type: 'Constant', start: s0, end: e0, line: this.L[st], column: this.col(st), kind: 'str', value };
        }
        const pre = stringPrefix(this.src, this.S[st], this.E[st]);
        if (!pre.fstring) {
          const value = pre.bytes ? decodeBytes(this.src, pre.bodyStart, pre.bodyEnd, pre.raw) : decodeStr(this.src, pre.bodyStart, pre.bodyEnd, pre.raw);
          return { type: 'Constant', start: this.S[st], end: this.E[st], line: this.L[st], column: this.col(st), kind: pre.bytes ? 'bytes' : 'str', value };
        }
      }
      let bytes: boolean | null = null;
      let fmode = false;
      const parts: Array<Constant | FormattedValue> = [];
      let lit = '';
      const span = this.spanOf(st);
      const flushLit = (): void => {
        if (lit) parts.push({ type: 'Constant', start: span.start, end: span.end, line: span.line, column: span.column, kind: 'str', value: lit });
        lit = '';
      };
      for (let i = st; i <= last; i++) {
        const pre = stringPrefix(this.src, this.S[i], this.E[i]);
        if (bytes !== null && bytes !== pre.bytes) this.raiseAt(after, 'cannot mix bytes and nonbytes literals');
        bytes = pre.bytes;
        if (pre.fstring) {
          fmode = true;
          const f = new FString(this, i, pre, span, st);
          f.parse(0, (s) => (lit += s), (v) => {
            flushLit();
            parts.push(v);
          });
        } else if (pre.bytes) lit += decodeBytes(this.src, pre.bodyStart, pre.bodyEnd, pre.raw);
        else lit += decodeStr(this.src, pre.bodyStart, pre.bodyEnd, pre.raw);
      }
      if (!fmode) {
        return { type: 'Constant', start: span.start, end: span.end, line: span.line, column: span.column, kind: bytes ? 'bytes' : 'str', value: lit };
      }
      flushLit();
      return { type: 'JoinedStr', start: span.start, end: span.end, line: span.line, column: span.column, values: parts };
    } catch (e) {
      if (e instanceof LiteralError) this.raiseAt(after, e.message);
      if (e instanceof FStringError) this.raiseAt(after, e.message);
      throw e;
    }
  }

  /** Parses the f-string expression source[from, to) (already checked by FString). */
  parseFstringExpr(from: number, to: number, line: number, lineStartAt: number): Expr {
    const toks = tokenize(this.src, { from, to, firstLine: line, firstLineStart: lineStartAt, inBrackets: true });
    const sub = new Parser(toks, this.found, true);
    try {
      if (toks.kind[0] === T.ENDMARKER) throw new FStringError('f-string: empty expression not allowed');
      const e = sub.fstringExpr();
      if (sub.needsChecks) this.needsChecks = true;
      return e;
    } catch (e) {
      if (e instanceof FStringError) throw e;
      if (e instanceof Fail || e instanceof Raised) {
        const err = sub.errorFrom(e);
        const message = err.message.startsWith('f-string') ? err.message : `f-string: ${err.message}`;
        // CPython 3.11 counts these columns in the "(expr)" it parses, not in the file.
        let column = err.column;
        if (err.line === line) column = err.column - (from - lineStartAt + 1) + 2;
        throw new Raised({ ...err, column, message });
      }
      throw e;
    }
  }

  /** Span helper for FString. */
  tokenSpan(i: number): Span {
    return { start: this.S[i], end: this.E[i], line: this.L[i], column: this.col(i) };
  }
}

class FStringError {
  constructor(readonly message: string) {}
}

/** One f-string token split into literal parts and FormattedValues (CPython's fstring_parse). */
class FString {
  private readonly src: string;
  private i: number;
  private readonly end: number;

  constructor(
    private readonly p: Parser,
    private readonly tok: number,
    private readonly pre: { raw: boolean; bodyStart: number; bodyEnd: number },
    /** Span of the whole concatenation (FormattedValue positions). */
    private readonly span: Span,
    _first: number,
  ) {
    this.src = (p as unknown as { src: string }).src;
    this.i = pre.bodyStart;
    this.end = pre.bodyEnd;
  }

  /** Parses literals and expressions until the end (level 0) or a '}' (format spec). */
  parse(level: number, onLiteral: (s: string) => void, onValue: (v: FormattedValue) => void): void {
    const src = this.src;
    for (;;) {
      // Literal part.
      let litStart = this.i;
      while (this.i < this.end) {
        const c = src.charCodeAt(this.i);
        if (!this.pre.raw && c === 92 && this.i + 1 < this.end) {
          const n = src.charCodeAt(this.i + 1);
          this.i += 2;
          if (n === 78 && this.i < this.end && src.charCodeAt(this.i) === 123) {
            this.i++;
            while (this.i < this.end && src.charCodeAt(this.i++) !== 125);
          }
          continue;
        }
        if (c === 123 || c === 125) {
          if (level === 0 && this.i + 1 < this.end && src.charCodeAt(this.i + 1) === c) {
            onLiteral(decodeStr(src, litStart, this.i + 1, this.pre.raw));
            this.i += 2;
            litStart = this.i;
            continue;
          }
          if (level === 0 && c === 125) throw new FStringError("f-string: single '}' is not allowed");
          break;
        }
        this.i++;
      }
      if (this.i > litStart) onLiteral(decodeStr(src, litStart, this.i, this.pre.raw));
      if (this.i >= this.end) {
        if (level > 0) throw new FStringError("f-string: expecting '}'");
        return;
      }
      if (src.charCodeAt(this.i) === 125) {
        // End of a format spec.
        return;
      }
      this.expression(level, onLiteral, onValue);
    }
  }

  private expression(level: number, onLiteral: (s: string) => void, onValue: (v: FormattedValue) => void): void {
    const src = this.src;
    if (level >= 2) throw new FStringError('f-string: expressions nested too deeply');
    const brace = this.i;
    this.i++;
    const exprStart = this.i;
    let quote = 0;
    let triple = false;
    const stack: number[] = [];
    for (; this.i < this.end; this.i++) {
      const ch = src.charCodeAt(this.i);
      if (ch === 92) throw new FStringError('f-string expression part cannot include a backslash');
      if (quote) {
        if (ch === quote) {
          if (triple) {
            if (this.i + 2 < this.end && src.charCodeAt(this.i + 1) === ch && src.charCodeAt(this.i + 2) === ch) {
              this.i += 2;
              quote = 0;
            }
          } else quote = 0;
        }
        continue;
      }
      if (ch === 39 || ch === 34) {
        if (this.i + 2 < this.end && src.charCodeAt(this.i + 1) === ch && src.charCodeAt(this.i + 2) === ch) {
          triple = true;
          this.i += 2;
        } else triple = false;
        quote = ch;
      } else if (ch === 91 || ch === 123 || ch === 40) {
        stack.push(ch);
      } else if (ch === 35) {
        throw new FStringError("f-string expression part cannot include '#'");
      } else if (stack.length === 0 && (ch === 33 || ch === 58 || ch === 125 || ch === 61 || ch === 62 || ch === 60)) {
        if (this.i + 1 < this.end) {
          const next = src.charCodeAt(this.i + 1);
          if ((ch === 33 || ch === 61 || ch === 60 || ch === 62) && next === 61) {
            this.i++;
            continue;
          }
        }
        if (ch === 62 || ch === 60) continue;
        break;
      } else if (ch === 93 || ch === 125 || ch === 41) {
        if (!stack.length) throw new FStringError(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const open = stack.pop()!;
        if (!((open === 40 && ch === 41) || (open === 91 && ch === 93) || (open === 123 && ch === 125))) {
          throw new FStringError(`f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(open)}'`);
        }
      }
    }
    const exprEnd = this.i;
    if (quote) throw new FStringError('f-string: unterminated string');
    if (stack.length) throw new FStringError(`f-string: unmatched '${String.fromCharCode(stack[stack.length - 1])}'`);
    if (this.i >= this.end) throw new FStringError("f-string: expecting '}'");
    if (/^[ \t\n\r\f\v]*$/.test(src.slice(exprStart, exprEnd))) throw new FStringError('f-string: empty expression not allowed');
    // Line and line start of the expression's first character.
    let line = this.p.tokenSpan(this.tok).line;
    let ls = this.p.tokenSpan(this.tok).start - (this.p.tokenSpan(this.tok).column - 1);
    for (let j = this.p.tokenSpan(this.tok).start; j < exprStart; j++) {
      const c = src.charCodeAt(j);
      if (c === 10 || (c === 13 && src.charCodeAt(j + 1) !== 10)) {
        line++;
        ls = j + 1;
      }
    }
    void brace;
    const value = this.p.parseFstringExpr(exprStart, exprEnd, line, ls);
    let conversion = -1;
    let format_spec: JoinedStr | null = null;
    let selfDoc: string | null = null;
    if (src.charCodeAt(this.i) === 61) {
      this.i++;
      while (this.i < this.end && /[ \t\n\r\f\v]/.test(src[this.i])) this.i++;
      if (this.i >= this.end) throw new FStringError("f-string: expecting '}'");
      selfDoc = src.slice(exprStart, this.i).replace(/\r\n?/g, '\n');
    }
    if (src.charCodeAt(this.i) === 33) {
      this.i++;
      if (this.i >= this.end) throw new FStringError("f-string: expecting '}'");
      conversion = src.charCodeAt(this.i);
      this.i++;
      if (conversion !== 115 && conversion !== 114 && conversion !== 97) {
        throw new FStringError("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    if (this.i >= this.end) throw new FStringError("f-string: expecting '}'");
    if (src.charCodeAt(this.i) === 58) {
      this.i++;
      if (this.i >= this.end) throw new FStringError("f-string: expecting '}'");
      const tspan = this.p.tokenSpan(this.tok);
      const specSpan: Span = { start: tspan.start, end: this.span.end, line: tspan.line, column: tspan.column };
      const values: Array<Constant | FormattedValue> = [];
      let lit = '';
      const flush = (): void => {
        if (lit) values.push({ type: 'Constant', start: specSpan.start, end: specSpan.end, line: specSpan.line, column: specSpan.column, kind: 'str', value: lit });
        lit = '';
      };
      this.parse(level + 1, (s) => (lit += s), (v) => {
        flush();
        values.push(v);
      });
      flush();
      format_spec = { type: 'JoinedStr', start: specSpan.start, end: specSpan.end, line: specSpan.line, column: specSpan.column, values };
    }
    if (this.i >= this.end || src.charCodeAt(this.i) !== 125) throw new FStringError("f-string: expecting '}'");
    this.i++;
    if (selfDoc !== null) {
      onLiteral(selfDoc);
      if (conversion === -1 && !format_spec) conversion = 114;
    }
    const s = this.span;
    onValue({ type: 'FormattedValue', start: s.start, end: s.end, line: s.line, column: s.column, value, conversion, format_spec });
  }
}

// ---------------------------------------------------------------------------------------------

/** The first node that cannot be a target, or null (CPython's _PyPegen_get_invalid_target). */
function invalidTarget(e: Expr, ctx: Ctx): Expr | null {
  switch (e.type) {
    case 'Name': case 'Attribute': case 'Subscript':
      return null;
    case 'Starred':
      if (ctx === 'del') return e;
      return invalidTarget(e.value, ctx);
    case 'Tuple': case 'List':
      for (const x of e.elts) {
        const bad = invalidTarget(x, ctx);
        if (bad) return bad;
      }
      return null;
    case 'Compare':
      // `for x in y` read as a target: CPython blames the left side.
      if (ctx === 'store' && e.ops[0] === 'in') return invalidTarget(e.left, ctx);
      return e;
    default:
      return e;
  }
}

/** CPython's _PyPegen_get_expr_name. */
export function exprName(e: Expr): string {
  switch (e.type) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant':
      if (e.kind === 'none') return 'None';
      if (e.kind === 'bool') return e.value ? 'True' : 'False';
      if (e.kind === 'ellipsis') return 'ellipsis';
      return 'literal';
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}
