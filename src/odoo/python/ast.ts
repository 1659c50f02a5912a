/**
 * @fileoverview The syntax tree of our own Python reader (parser.ts): the node classes and field
 * names of CPython's `ast` module (Python 3.11), so that anyone who knows `ast.dump` reads it
 * without a guide. Differences, all for speed or for our diagnostics:
 * - every node carries `start`/`end` (offsets into the source string, end exclusive) and
 *   `line`/`column` of its start, both 1-based, the column counted in UTF-16 code units of the line
 *   (CPython's `col_offset` is 0-based and counts UTF-8 bytes);
 * - operators are their source spelling ('+', 'not in', 'and') instead of operator classes;
 * - `Constant` says what it holds in `kind` (CPython's `kind` is only 'u' or None);
 * - expression contexts (Load/Store/Del) are left out: a target is known by where it sits.
 */

export interface Span {
  /** Offset of the first character in the source string. */
  start: number;
  /** Offset just after the last character. */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column: number;
}

export interface Module {
  type: 'Module';
  body: Stmt[];
}

// ---------------------------------------------------------------------------------------------
// Statements

export interface FunctionDef extends Span {
  type: 'FunctionDef' | 'AsyncFunctionDef';
  name: string;
  /** Span of the name, where diagnostics about a method point. */
  nameSpan: Span;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
}

export interface ClassDef extends Span {
  type: 'ClassDef';
  name: string;
  nameSpan: Span;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}

export interface Return extends Span {
  type: 'Return';
  value: Expr | null;
}

export interface Delete extends Span {
  type: 'Delete';
  targets: Expr[];
}

/** `a = b = value`: targets in source order. */
export interface Assign extends Span {
  type: 'Assign';
  targets: Expr[];
  value: Expr;
}

export interface AugAssign extends Span {
  type: 'AugAssign';
  target: Expr;
  /** '+=' and friends, without the '='. */
  op: string;
  value: Expr;
}

export interface AnnAssign extends Span {
  type: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** True for a bare name target not in parentheses (CPython's simple=1). */
  simple: boolean;
}

export interface For extends Span {
  type: 'For' | 'AsyncFor';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface While extends Span {
  type: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

/** `elif` is an If inside `orelse`, as in CPython. */
export interface If extends Span {
  type: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends Span {
  type: 'With' | 'AsyncWith';
  items: WithItem[];
  body: Stmt[];
}

export interface Match extends Span {
  type: 'Match';
  subject: Expr;
  cases: MatchCase[];
}

export interface Raise extends Span {
  type: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends Span {
  type: 'Try' | 'TryStar';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface Assert extends Span {
  type: 'Assert';
  test: Expr;
  msg: Expr | null;
}

export interface Import extends Span {
  type: 'Import';
  names: Alias[];
}

export interface ImportFrom extends Span {
  type: 'ImportFrom';
  /** Dotted module after the leading dots; null for `from . import x`. */
  module: string | null;
  names: Alias[];
  /** Number of leading dots. */
  level: number;
}

export interface Global extends Span {
  type: 'Global' | 'Nonlocal';
  names: string[];
}

export interface ExprStmt extends Span {
  type: 'Expr';
  value: Expr;
}

export interface Simple extends Span {
  type: 'Pass' | 'Break' | 'Continue';
}

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Match
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | ExprStmt
  | Simple;

// ---------------------------------------------------------------------------------------------
// Expressions

export interface BoolOp extends Span {
  type: 'BoolOp';
  op: 'and' | 'or';
  values: Expr[];
}

export interface NamedExpr extends Span {
  type: 'NamedExpr';
  target: Name;
  value: Expr;
}

export interface BinOp extends Span {
  type: 'BinOp';
  left: Expr;
  /** '+', '-', '*', '@', '/', '//', '%', '**', '<<', '>>', '&', '|', '^'. */
  op: string;
  right: Expr;
}

export interface UnaryOp extends Span {
  type: 'UnaryOp';
  op: 'not' | '-' | '+' | '~';
  operand: Expr;
}

export interface Lambda extends Span {
  type: 'Lambda';
  args: Arguments;
  body: Expr;
}

export interface IfExp extends Span {
  type: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}

/** `keys[i]` is null for a `**mapping` entry, as in CPython. */
export interface Dict extends Span {
  type: 'Dict';
  keys: Array<Expr | null>;
  values: Expr[];
}

export interface SetExpr extends Span {
  type: 'Set';
  elts: Expr[];
}

export interface Comprehension extends Span {
  type: 'ListComp' | 'SetComp' | 'GeneratorExp';
  elt: Expr;
  generators: ComprehensionFor[];
}

export interface DictComp extends Span {
  type: 'DictComp';
  key: Expr;
  value: Expr;
  generators: ComprehensionFor[];
}

export interface Await extends Span {
  type: 'Await';
  value: Expr;
}

export interface Yield extends Span {
  type: 'Yield' | 'YieldFrom';
  value: Expr | null;
}

/** `a < b <= c`: ops and comparators pair up. */
export interface Compare extends Span {
  type: 'Compare';
  left: Expr;
  /** '==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in'. */
  ops: string[];
  comparators: Expr[];
}

export interface Call extends Span {
  type: 'Call';
  func: Expr;
  /** Positional arguments, `*args` as Starred. */
  args: Expr[];
  /** Keyword arguments, `**kwargs` with arg null. */
  keywords: Keyword[];
}

export interface FormattedValue extends Span {
  type: 'FormattedValue';
  value: Expr;
  /** -1, or the character code of 's', 'r', 'a'. */
  conversion: number;
  format_spec: JoinedStr | null;
}

/** An f-string (possibly concatenated with plain strings). */
export interface JoinedStr extends Span {
  type: 'JoinedStr';
  values: Array<Constant | FormattedValue>;
}

export interface Constant extends Span {
  type: 'Constant';
  kind: 'str' | 'bytes' | 'int' | 'float' | 'complex' | 'bool' | 'none' | 'ellipsis';
  /**
   * str: the value with escapes resolved (bytes: each byte as one char code); int/float: the
   * number (an int beyond 2^53 loses precision; its text is in the source); complex: the imaginary
   * part; bool; none and ellipsis: null.
   */
  value: string | number | boolean | null;
}

export interface Attribute extends Span {
  type: 'Attribute';
  value: Expr;
  attr: string;
}

export interface Subscript extends Span {
  type: 'Subscript';
  value: Expr;
  slice: Expr;
}

export interface Starred extends Span {
  type: 'Starred';
  value: Expr;
}

export interface Name extends Span {
  type: 'Name';
  id: string;
}

export interface ListExpr extends Span {
  type: 'List';
  elts: Expr[];
}

/** Parenthesised or bare (`a, b = ...`); `parenthesized` tells which. */
export interface Tuple extends Span {
  type: 'Tuple';
  elts: Expr[];
  parenthesized: boolean;
}

export interface Slice extends Span {
  type: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | Comprehension
  | DictComp
  | Await
  | Yield
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | ListExpr
  | Tuple
  | Slice;

// ---------------------------------------------------------------------------------------------
// Parts

export interface Arguments {
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One per kwonlyarg, null where it has no default. */
  kw_defaults: Array<Expr | null>;
  kwarg: Arg | null;
  /** Defaults of the last posonlyargs + args. */
  defaults: Expr[];
}

export interface Arg extends Span {
  type: 'arg';
  arg: string;
  annotation: Expr | null;
}

export interface Keyword extends Span {
  type: 'keyword';
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}

export interface Alias extends Span {
  type: 'alias';
  /** Dotted name, or '*'. */
  name: string;
  asname: string | null;
}

export interface WithItem {
  context_expr: Expr;
  optional_vars: Expr | null;
}

export interface ExceptHandler extends Span {
  type: 'ExceptHandler';
  /** The exception expression; null for a bare `except:`. */
  exc_type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface ComprehensionFor {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: boolean;
}

export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

export type Pattern =
  | (Span & { type: 'MatchValue'; value: Expr })
  | (Span & { type: 'MatchSingleton'; value: boolean | null })
  | (Span & { type: 'MatchSequence'; patterns: Pattern[] })
  | (Span & { type: 'MatchMapping'; keys: Expr[]; patterns: Pattern[]; rest: string | null })
  | (Span & { type: 'MatchClass'; cls: Expr; patterns: Pattern[]; kwd_attrs: string[]; kwd_patterns: Pattern[] })
  | (Span & { type: 'MatchStar'; name: string | null })
  | (Span & { type: 'MatchAs'; pattern: Pattern | null; name: string | null })
  | (Span & { type: 'MatchOr'; patterns: Pattern[] });

// ---------------------------------------------------------------------------------------------
// Result

/** The first error CPython's compile() would raise, where it would point. */
export interface PySyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  /** CPython's wording where we have it ("'(' was never closed", "invalid syntax", "expected ':'"). */
  message: string;
}

export type ParseResult = { ok: true; module: Module } | { ok: false; error: PySyntaxError };
