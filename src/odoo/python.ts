/**
 * @fileoverview Reads Odoo Python files with tree-sitter: classes (models and components), their
 * fields, methods and attributes, imports, calls and comparisons, each with its position. The
 * tree-sitter runtime loads on the first parse, so commands that never read Python never pay for it.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Node, Parser as ParserType, Query, Tree } from 'web-tree-sitter';

/** A Python expression, read as a literal where it is one. */
export interface Lit {
  kind: 'str' | 'num' | 'bool' | 'none' | 'list' | 'dict' | 'name' | 'other';
  value?: string | number | boolean | null;
  items?: Lit[];
  entries?: Array<{ key: Lit; value: Lit }>;
  text: string;
  line: number;
  column: number;
}

export interface PyField {
  name: string;
  type: string;
  args: Lit[];
  kwargs: Record<string, Lit>;
  line: number;
  column: number;
}

export interface PyDecorator {
  name: string;
  args: Lit[];
  kwargs: Record<string, Lit>;
}

export interface PyMethod {
  name: string;
  decorators: PyDecorator[];
  line: number;
  column: number;
}

export interface PyClass {
  name: string;
  bases: string[];
  attrs: Record<string, Lit>;
  fields: PyField[];
  methods: PyMethod[];
  line: number;
  column: number;
}

export interface PyImport {
  /** Leading dots of a relative import ('' for absolute). */
  dots: string;
  /** Module after the dots, possibly ''. */
  module: string;
  names: string[];
  /** True inside a `try` block: the file handles an ImportError itself. */
  guarded?: boolean;
  line: number;
  column: number;
}

export interface PyCall {
  callee: string;
  kwargs: string[];
  hasStarKwargs: boolean;
  line: number;
  column: number;
}

export interface PyComparison {
  operator: string;
  left: string;
  right: string;
  line: number;
  column: number;
}

export interface PyFile {
  syntaxErrors: Array<{ line: number; column: number; text: string }>;
  classes: PyClass[];
  imports: PyImport[];
  calls: PyCall[];
  comparisons: PyComparison[];
  /** Top-level assignments (for the manifest and simple constants). */
  assignments: Record<string, Lit>;
  /** The first top-level expression (the manifest's dict). */
  firstExpression?: Lit;
  /** The second top-level statement, if any: a manifest must be one expression (ast.literal_eval). */
  secondStatement?: { line: number; column: number; text: string };
  /**
   * Names the module defines at top level (classes, functions, assignments, imports, also inside
   * top-level if/try/with/for blocks), so `from module import name` can be checked.
   */
  topNames: string[];
  /** True when the module's names cannot be listed: `import *`, a module `__getattr__`, globals(). */
  dynamicNames?: boolean;
  /** Module-level setattr(Class, 'name', ...) calls, applied to classes after the walk. */
  pendingSetattr?: Array<{ cls: string; name: string; line: number; column: number }>;
}

let parserPromise: Promise<ParserType> | undefined;
let quickStart = false;

/**
 * Asks for the tree-sitter runtime to be compiled for a short run: by V8's baseline WebAssembly
 * compiler only (Liftoff). By default V8 also recompiles hot functions with TurboFan in the
 * background, which pays off over a whole tree (parses ~1.4x faster once done) but, for one
 * connector addon, costs more CPU than it saves (0.6 s of CPU instead of 0.45 s on our 2 cores).
 * Only effective before the first parse: V8 reads the flag when it compiles the module.
 */
export function preferQuickStart(): void {
  if (!parserPromise) quickStart = true;
}

/** Loads web-tree-sitter and the Python grammar once per process. */
export function pythonParser(): Promise<ParserType> {
  parserPromise ??= (async () => {
    const { Parser, Language, Query } = await import('web-tree-sitter');
    QueryClass = Query;
    // The flag is process-wide: set only while the two WebAssembly modules compile.
    if (quickStart) setFlagsFromString('--liftoff-only');
    let language;
    try {
      await Parser.init();
      const require = createRequire(import.meta.url);
      const wasm = require.resolve('tree-sitter-python/tree-sitter-python.wasm');
      language = await Language.load(wasm);
    } finally {
      if (quickStart) setFlagsFromString('--no-liftoff-only');
    }
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

function pos(node: Node): { line: number; column: number } {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

function unescape(raw: string): string {
  return raw.replace(/\\(n|t|r|\\|'|"|\n)/g, (_m, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c,
  );
}

/** The value of a string literal node (escapes resolved), or undefined for an f-string. */
export function stringValue(node: Node): string | undefined {
  let out = '';
  const prefix = node.text.match(/^[a-zA-Z]*/)?.[0]?.toLowerCase() ?? '';
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      out += prefix.includes('r') ? child.text : unescape(child.text);
    }
  }
  return out;
}

/**
 * Brackets Python accepts nested (its tokenizer stops at 200: "too many nested parentheses"); a
 * deeper literal is not one Python would read, and the bound keeps toLit's recursion shallow.
 */
const MAX_NESTING = 200;

/** Reads an expression node as a literal where it is one. */
export function toLit(node: Node, depth = 0): Lit {
  const base = { text: node.text, ...pos(node) };
  if (depth >= MAX_NESTING) return { kind: 'other', ...base };
  switch (node.type) {
    case 'string': {
      const value = stringValue(node);
      return value === undefined ? { kind: 'other', ...base } : { kind: 'str', value, ...base };
    }
    case 'concatenated_string': {
      let value = '';
      for (const child of node.namedChildren) {
        const v = child && child.type === 'string' ? stringValue(child) : undefined;
        if (v === undefined) return { kind: 'other', ...base };
        value += v;
      }
      return { kind: 'str', value, ...base };
    }
    case 'integer':
    case 'float': {
      const value = Number(node.text.replace(/_/g, ''));
      return Number.isNaN(value) ? { kind: 'other', ...base } : { kind: 'num', value, ...base };
    }
    case 'unary_operator': {
      const arg = node.childForFieldName('argument');
      const op = node.childForFieldName('operator')?.text;
      if (arg && (arg.type === 'integer' || arg.type === 'float') && (op === '-' || op === '+')) {
        const value = Number(arg.text) * (op === '-' ? -1 : 1);
        return { kind: 'num', value, ...base };
      }
      return { kind: 'other', ...base };
    }
    case 'true':
      return { kind: 'bool', value: true, ...base };
    case 'false':
      return { kind: 'bool', value: false, ...base };
    case 'none':
      return { kind: 'none', value: null, ...base };
    case 'list':
    case 'tuple':
    case 'set':
      return { kind: 'list', items: node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map((c) => toLit(c, depth + 1)), ...base };
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c && c.type !== 'comment');
      return inner ? { ...toLit(inner, depth + 1), ...base, text: node.text } : { kind: 'other', ...base };
    }
    case 'dictionary': {
      const entries: Array<{ key: Lit; value: Lit }> = [];
      for (const child of node.namedChildren) {
        if (!child || child.type === 'comment') continue;
        if (child.type !== 'pair') return { kind: 'other', ...base };
        const key = child.childForFieldName('key');
        const value = child.childForFieldName('value');
        if (!key || !value) return { kind: 'other', ...base };
        entries.push({ key: toLit(key, depth + 1), value: toLit(value, depth + 1) });
      }
      return { kind: 'dict', entries, ...base };
    }
    case 'identifier':
    case 'attribute':
      return { kind: 'name', value: node.text, ...base };
    default:
      return { kind: 'other', ...base };
  }
}

/** True when the literal and everything inside it is a plain Python literal. */
export function isPureLiteral(lit: Lit): boolean {
  if (lit.kind === 'other' || lit.kind === 'name') return false;
  if (lit.items) return lit.items.every(isPureLiteral);
  if (lit.entries) return lit.entries.every((e) => isPureLiteral(e.key) && isPureLiteral(e.value));
  return true;
}

export function litString(lit: Lit | undefined): string | undefined {
  return lit?.kind === 'str' ? (lit.value as string) : undefined;
}

/** A string or a list of strings, as `_inherit` may be. */
export function litStrings(lit: Lit | undefined): string[] | undefined {
  if (!lit) return undefined;
  if (lit.kind === 'str') return [lit.value as string];
  if (lit.kind === 'list' && lit.items!.every((i) => i.kind === 'str')) return lit.items!.map((i) => i.value as string);
  return undefined;
}

/** The value of a key, the last one when the key repeats (as Python builds the dict). */
export function dictGet(lit: Lit | undefined, key: string): Lit | undefined {
  const entries = lit?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key.kind === 'str' && entries[i]!.key.value === key) return entries[i]!.value;
  return undefined;
}

function readCallArgs(argList: Node | null): { args: Lit[]; kwargs: Record<string, Lit>; hasStarKwargs: boolean } {
  const args: Lit[] = [];
  const kwargs: Record<string, Lit> = {};
  let hasStarKwargs = false;
  for (const arg of argList?.namedChildren ?? []) {
    if (!arg || arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) kwargs[name] = toLit(value);
    } else if (arg.type === 'dictionary_splat') {
      hasStarKwargs = true;
    } else {
      args.push(toLit(arg));
    }
  }
  return { args, kwargs, hasStarKwargs };
}

/** The keyword names of a call (what rules ask of calls), without reading any argument's value. */
function callKeywords(argList: Node | null): { kwargs: string[]; hasStarKwargs: boolean } {
  const kwargs: string[] = [];
  let hasStarKwargs = false;
  for (const arg of argList?.namedChildren ?? []) {
    if (arg?.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      if (name && arg.childForFieldName('value') && !kwargs.includes(name)) kwargs.push(name);
    } else if (arg?.type === 'dictionary_splat') hasStarKwargs = true;
  }
  return { kwargs, hasStarKwargs };
}

function readDecorator(node: Node): PyDecorator {
  const expr = node.namedChildren.find((c) => c && c.type !== 'comment');
  if (expr?.type === 'call') {
    return { name: expr.childForFieldName('function')?.text ?? '', ...readCallArgs(expr.childForFieldName('arguments')) };
  }
  return { name: expr?.text ?? '', args: [], kwargs: {} };
}

function readClass(node: Node, decorators: PyDecorator[]): PyClass {
  void decorators;
  const cls: PyClass = {
    name: node.childForFieldName('name')?.text ?? '',
    bases: (node.childForFieldName('superclasses')?.namedChildren ?? [])
      .filter((c): c is Node => !!c && c.type !== 'keyword_argument' && c.type !== 'comment')
      .map((c) => c.text),
    // null prototype: a class attribute named __proto__ or constructor is data, not an accessor
    attrs: Object.create(null) as Record<string, Lit>,
    fields: [],
    methods: [],
    ...pos(node),
  };
  for (const stmt of node.childForFieldName('body')?.namedChildren ?? []) {
    if (!stmt) continue;
    let def: Node | null = stmt;
    const decos: PyDecorator[] = [];
    if (stmt.type === 'decorated_definition') {
      for (const c of stmt.namedChildren) if (c?.type === 'decorator') decos.push(readDecorator(c));
      def = stmt.childForFieldName('definition');
    }
    if (def?.type === 'function_definition') {
      const name = def.childForFieldName('name');
      if (name) cls.methods.push({ name: name.text, decorators: decos, ...pos(name) });
      continue;
    }
    if (stmt.type !== 'expression_statement') continue;
    const assign = stmt.namedChildren[0];
    if (assign?.type !== 'assignment') continue;
    // `_name = _description = "x"` chains assignments: every target gets the innermost value.
    const targets: Node[] = [];
    let right: Node | null = assign;
    while (right?.type === 'assignment') {
      const left = right.childForFieldName('left');
      if (left) targets.push(left);
      right = right.childForFieldName('right');
    }
    if (!right) continue;
    for (const left of targets) {
      if (left.type !== 'identifier') continue;
      const fn = right.type === 'call' ? right.childForFieldName('function') : null;
      // fields.Char(...), or a custom field class (queue_job's JobSerialized, base_sparse_field's Serialized).
      const match = fn?.text.match(/^fields\.([A-Z]\w*)$/) ?? (left.text.startsWith('_') ? null : fn?.text.match(/^(?:[a-z_]\w*\.)*([A-Z]\w*)$/));
      if (match) {
        cls.fields.push({ name: left.text, type: match[1]!, ...readCallArgs(right.childForFieldName('arguments')), ...pos(left) });
      } else {
        // `_inherit = _name` names an attribute set above: take its value.
        const earlier = right.type === 'identifier' ? cls.attrs[right.text] : undefined;
        cls.attrs[left.text] = { ...(earlier ?? toLit(right)), ...pos(left) };
      }
    }
  }
  return cls;
}

/** Only the syntax errors of Python source (as parsePython reports them), for files no other rule reads. */
export async function pythonSyntaxErrors(source: string): Promise<PyFile['syntaxErrors']> {
  const parser = await pythonParser();
  const tree = parser.parse(source);
  const out = { syntaxErrors: [] } as unknown as PyFile;
  if (!tree) return [{ line: 1, column: 1, text: '' }];
  try {
    if (tree.rootNode.hasError) collectErrors(tree.rootNode, out);
  } finally {
    tree.delete();
  }
  return out.syntaxErrors;
}

/** Parses Python source into the facts the rules need. */
export async function parsePython(source: string): Promise<PyFile> {
  const parser = await pythonParser();
  const tree = parser.parse(source);
  const out: PyFile = { syntaxErrors: [], classes: [], imports: [], calls: [], comparisons: [], assignments: {}, topNames: [] };
  if (!tree) {
    out.syntaxErrors.push({ line: 1, column: 1, text: '' });
    return out;
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) collectErrors(root, out);
    let statements = 0;
    for (const stmt of root.namedChildren) {
      if (!stmt || stmt.type === 'comment') continue;
      if (++statements === 2) out.secondStatement = { ...pos(stmt), text: stmt.text.slice(0, 40) };
      if (stmt.type === 'expression_statement') {
        const first = stmt.namedChildren[0];
        if (first?.type === 'assignment') {
          const l = first.childForFieldName('left');
          const r = first.childForFieldName('right');
          if (l?.type === 'identifier' && r) out.assignments[l.text] = toLit(r);
        } else if (first && !out.firstExpression) {
          out.firstExpression = toLit(first);
        }
        if (first?.type === 'call') setattrField(first, out);
      }
    }
    walk(tree, out);
    const names = new Set<string>();
    if (topLevelNames(root, names)) out.dynamicNames = true;
    if (out.calls.some((c) => c.callee === 'globals' || c.callee === 'vars' || c.callee === 'locals')) out.dynamicNames = true;
    out.topNames = [...names];
    for (const p of out.pendingSetattr ?? []) {
      out.classes.find((c) => c.name === p.cls)?.fields.push({ name: p.name, type: 'Unknown', args: [], kwargs: {}, line: p.line, column: p.column });
    }
    delete out.pendingSetattr;
  } finally {
    tree.delete();
  }
  return out;
}

/** Statements whose blocks run at module level (their names are the module's). */
const BLOCK_HOLDERS = new Set(['if_statement', 'elif_clause', 'else_clause', 'try_statement', 'except_clause', 'except_group_clause', 'finally_clause', 'with_statement', 'for_statement', 'while_statement', 'block']);

/** Adds the identifiers a binding target (`a`, `a, b`, `(a, [b])`) binds. */
function targetNames(node: Node, names: Set<string>): void {
  if (node.type === 'identifier') names.add(node.text);
  else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern'].includes(node.type)) {
    for (const c of node.namedChildren) if (c) targetNames(c, names);
  }
}

/** Collects the names a module (or a top-level block of it) binds; true when they cannot be listed. */
function topLevelNames(node: Node, names: Set<string>): boolean {
  let dynamic = false;
  for (const stmt of node.namedChildren) {
    if (!stmt) continue;
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    switch (def?.type) {
      case 'function_definition':
      case 'class_definition': {
        const name = def.childForFieldName('name')?.text;
        if (name) names.add(name);
        if (name === '__getattr__') dynamic = true;
        continue;
      }
      default:
        break;
    }
    switch (stmt.type) {
      case 'expression_statement': {
        let a = stmt.namedChildren[0];
        while (a?.type === 'assignment' || a?.type === 'augmented_assignment') {
          const left = a.childForFieldName('left');
          if (left) targetNames(left, names);
          a = a.childForFieldName('right');
        }
        break;
      }
      case 'import_from_statement':
        if (stmt.namedChildren.some((c) => c?.type === 'wildcard_import')) dynamic = true;
        for (const n of stmt.childrenForFieldName('name')) {
          if (!n) continue;
          const bound = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n.text;
          if (bound) names.add(bound);
        }
        break;
      case 'import_statement':
        for (const n of stmt.childrenForFieldName('name')) {
          if (!n) continue;
          const bound = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n.text.split('.')[0];
          if (bound) names.add(bound);
        }
        break;
      case 'for_statement': {
        const left = stmt.childForFieldName('left');
        if (left) targetNames(left, names);
        if (topLevelNames(stmt, names)) dynamic = true;
        break;
      }
      case 'with_statement':
      case 'except_clause':
        // `with x as name`, `except E as name`: every identifier of an `as` pattern target.
        for (const c of stmt.namedChildren) if (c && c.type !== 'block') for (const t of c.descendantsOfType('as_pattern_target')) if (t) targetNames(t.namedChildren[0] ?? t, names);
        if (topLevelNames(stmt, names)) dynamic = true;
        break;
      default:
        if (BLOCK_HOLDERS.has(stmt.type) && topLevelNames(stmt, names)) dynamic = true;
        break;
    }
  }
  return dynamic;
}

/**
 * `setattr(IrRule, 'global', global_)` at module level adds a field named after a Python keyword
 * (odoo/addons/base/models/ir_rule.py). Classes are read by then: walk() runs first for classes.
 */
function setattrField(call: Node, out: PyFile): void {
  if (call.childForFieldName('function')?.text !== 'setattr') return;
  const { args } = readCallArgs(call.childForFieldName('arguments'));
  const [target, name] = args;
  if (target?.kind !== 'name' || name?.kind !== 'str') return;
  out.pendingSetattr ??= [];
  out.pendingSetattr.push({ cls: target.value as string, name: name.value as string, line: name.line, column: name.column });
}

/** The first syntax errors in document order (an explicit stack: expressions may nest without bound). */
function collectErrors(root: Node, out: PyFile): void {
  const stack: Node[] = [root];
  while (stack.length && out.syntaxErrors.length < 5) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.isMissing) {
      out.syntaxErrors.push({ ...pos(node), text: node.isMissing ? `missing ${node.type}` : node.text.slice(0, 40) });
      continue;
    }
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
  }
}

/** Node types visit() reads; every other node is passed over without materialising it in JavaScript. */
const VISITED = ['class_definition', 'import_from_statement', 'import_statement', 'call', 'comparison_operator'];
let visitedQuery: Query | undefined;
/** web-tree-sitter's Query class, set when the parser loads. */
let QueryClass: typeof Query | undefined;

/**
 * Visits the nodes visit() reads, in document order (outer before inner), found by a tree-sitter
 * query: the search runs inside tree-sitter and only those nodes become JavaScript objects,
 * where walking every node from JavaScript cost as much as the parse itself.
 */
function walk(tree: Tree, out: PyFile): void {
  visitedQuery ??= new QueryClass!(tree.language, `[${VISITED.map((t) => `(${t})`).join(' ')}] @n`);
  for (const c of visitedQuery.captures(tree.rootNode)) visit(c.node, out);
}

/** True when the node is inside the body of a `try` statement (not its handlers). */
function insideTry(node: Node): boolean {
  for (let p = node.parent, child: Node = node; p; child = p, p = p.parent) {
    if (p.type === 'try_statement' && child.type === 'block') return true;
  }
  return false;
}

function visit(node: Node, out: PyFile): void {
  switch (node.type) {
    case 'class_definition':
      out.classes.push(readClass(node, []));
      break;
    case 'import_from_statement': {
      const mod = node.childForFieldName('module_name');
      let dots = '';
      let module = mod?.text ?? '';
      if (mod?.type === 'relative_import') {
        dots = mod.text.match(/^\.+/)?.[0] ?? '';
        module = mod.text.slice(dots.length);
      }
      const names = node.childrenForFieldName('name').filter((n): n is Node => !!n).map((n) => (n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? '') : n.text));
      out.imports.push({ dots, module, names, ...(insideTry(node) ? { guarded: true } : {}), ...pos(node) });
      break;
    }
    case 'import_statement':
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        const name = n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? '') : n.text;
        out.imports.push({ dots: '', module: name, names: [], ...pos(node) });
      }
      break;
    case 'call': {
      const fn = node.childForFieldName('function');
      if (fn && (fn.type === 'attribute' || fn.type === 'identifier')) out.calls.push({ callee: fn.text, ...callKeywords(node.childForFieldName('arguments')), ...pos(node) });
      break;
    }
    case 'comparison_operator': {
      const operands = node.namedChildren.filter((c): c is Node => !!c);
      const ops = node.children.filter((c) => c && !c.isNamed).map((c) => c!.text);
      if (operands.length === 2 && ops.length === 1) {
        out.comparisons.push({ operator: ops[0]!, left: operands[0]!.text, right: operands[1]!.text, ...pos(node) });
      }
      break;
    }
    default:
      break;
  }
}
