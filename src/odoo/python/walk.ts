/**
 * @fileoverview Visits every statement, expression and pattern of a module in source order, outer
 * before inner (a definition's decorators before the definition), with an explicit stack:
 * expressions may nest deeper than the call stack would allow.
 */
import type { Arguments, ExceptHandler, Expr, Module, Pattern, Stmt } from './ast.js';

/** Any node the walk meets. */
export type WalkNode = Stmt | Expr | Pattern | ExceptHandler;

/** Stack entries that open and close the body of a `try` (not its handlers). */
const TRY_BODY_START = { type: 'TryBodyStart' } as const;
const TRY_BODY_END = { type: 'TryBodyEnd' } as const;
type Entry = WalkNode | typeof TRY_BODY_START | typeof TRY_BODY_END;

/**
 * Calls `visit` on every node, in source order, outer before inner. `insideTry` is true inside
 * the body of a `try` statement at any depth (an import there is one the file is ready to miss).
 */
export function walkInSourceOrder(module: Module, visit: (node: WalkNode, insideTry: boolean) => void): void {
  const stack: Entry[] = [];
  let tryDepth = 0;
  pushBody(stack, module.body);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'TryBodyStart') tryDepth++;
    else if (node.type === 'TryBodyEnd') tryDepth--;
    else {
      visit(node, tryDepth > 0);
      pushChildren(stack, node);
    }
  }
}

/** Pushes a statement list so that it pops in source order, decorators before their definition. */
function pushBody(stack: Entry[], stmts: Stmt[]): void {
  for (let i = stmts.length - 1; i >= 0; i--) {
    const stmt = stmts[i]!;
    stack.push(stmt);
    if (stmt.type === 'FunctionDef' || stmt.type === 'AsyncFunctionDef' || stmt.type === 'ClassDef') pushAll(stack, stmt.decorator_list);
  }
}

/** Pushes nodes so that they pop in the order given. */
function pushAll(stack: Entry[], nodes: ReadonlyArray<WalkNode | null>): void {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node) stack.push(node);
  }
}

function push(stack: Entry[], node: WalkNode | null): void {
  if (node) stack.push(node);
}

/** Annotations and defaults of a parameter list, in source order. */
function parameterParts(a: Arguments): Expr[] {
  const parts: Expr[] = [];
  for (const list of [a.posonlyargs, a.args, a.kwonlyargs]) for (const arg of list) if (arg.annotation) parts.push(arg.annotation);
  if (a.vararg?.annotation) parts.push(a.vararg.annotation);
  if (a.kwarg?.annotation) parts.push(a.kwarg.annotation);
  for (const d of a.defaults) parts.push(d);
  for (const d of a.kw_defaults) if (d) parts.push(d);
  return parts.length > 1 ? parts.sort((x, y) => x.start - y.start) : parts;
}

/** Pushes a node's children, last first, so that they pop in source order. */
function pushChildren(stack: Entry[], node: WalkNode): void {
  switch (node.type) {
    case 'FunctionDef':
    case 'AsyncFunctionDef':
      pushBody(stack, node.body);
      push(stack, node.returns);
      pushAll(stack, parameterParts(node.args));
      break;
    case 'Lambda':
      stack.push(node.body);
      pushAll(stack, parameterParts(node.args));
      break;
    case 'ClassDef':
      pushBody(stack, node.body);
      if (!node.keywords.length) pushAll(stack, node.bases);
      else pushAll(stack, [...node.bases, ...node.keywords.map((k) => k.value)].sort((x, y) => x.start - y.start));
      break;
    case 'Return':
    case 'Expr':
    case 'Await':
    case 'Yield':
    case 'YieldFrom':
    case 'Starred':
    case 'Attribute':
      push(stack, node.value);
      break;
    case 'Delete':
      pushAll(stack, node.targets);
      break;
    case 'Assign':
      stack.push(node.value);
      pushAll(stack, node.targets);
      break;
    case 'AugAssign':
      stack.push(node.value, node.target);
      break;
    case 'AnnAssign':
      push(stack, node.value);
      stack.push(node.annotation, node.target);
      break;
    case 'For':
    case 'AsyncFor':
      pushBody(stack, node.orelse);
      pushBody(stack, node.body);
      stack.push(node.iter, node.target);
      break;
    case 'While':
    case 'If':
      pushBody(stack, node.orelse);
      pushBody(stack, node.body);
      stack.push(node.test);
      break;
    case 'With':
    case 'AsyncWith':
      pushBody(stack, node.body);
      for (let i = node.items.length - 1; i >= 0; i--) {
        push(stack, node.items[i]!.optional_vars);
        stack.push(node.items[i]!.context_expr);
      }
      break;
    case 'Match':
      for (let i = node.cases.length - 1; i >= 0; i--) {
        const c = node.cases[i]!;
        pushBody(stack, c.body);
        push(stack, c.guard);
        stack.push(c.pattern);
      }
      stack.push(node.subject);
      break;
    case 'Raise':
      push(stack, node.cause);
      push(stack, node.exc);
      break;
    case 'Try':
    case 'TryStar':
      pushBody(stack, node.finalbody);
      pushBody(stack, node.orelse);
      pushAll(stack, node.handlers);
      stack.push(TRY_BODY_END);
      pushBody(stack, node.body);
      stack.push(TRY_BODY_START);
      break;
    case 'ExceptHandler':
      pushBody(stack, node.body);
      push(stack, node.exc_type);
      break;
    case 'Assert':
      push(stack, node.msg);
      stack.push(node.test);
      break;
    case 'BoolOp':
    case 'JoinedStr':
      pushAll(stack, node.values);
      break;
    case 'NamedExpr':
      stack.push(node.value, node.target);
      break;
    case 'BinOp':
      stack.push(node.right, node.left);
      break;
    case 'UnaryOp':
      stack.push(node.operand);
      break;
    case 'IfExp':
      stack.push(node.orelse, node.test, node.body);
      break;
    case 'Dict':
      for (let i = node.values.length - 1; i >= 0; i--) {
        stack.push(node.values[i]!);
        push(stack, node.keys[i] ?? null);
      }
      break;
    case 'Set':
    case 'List':
    case 'Tuple':
      pushAll(stack, node.elts);
      break;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      for (let i = node.generators.length - 1; i >= 0; i--) {
        const g = node.generators[i]!;
        pushAll(stack, g.ifs);
        stack.push(g.iter, g.target);
      }
      if (node.type === 'DictComp') stack.push(node.value, node.key);
      else stack.push(node.elt);
      break;
    case 'Compare':
      pushAll(stack, node.comparators);
      stack.push(node.left);
      break;
    case 'Call': {
      // Positional and keyword arguments merged by position (a `*args` may follow a keyword).
      const { args, keywords } = node;
      let i = args.length - 1;
      let k = keywords.length - 1;
      while (i >= 0 || k >= 0) {
        if (k < 0 || (i >= 0 && args[i]!.start > keywords[k]!.start)) stack.push(args[i--]!);
        else stack.push(keywords[k--]!.value);
      }
      stack.push(node.func);
      break;
    }
    case 'FormattedValue':
      push(stack, node.format_spec);
      stack.push(node.value);
      break;
    case 'Subscript':
      stack.push(node.slice, node.value);
      break;
    case 'Slice':
      push(stack, node.step);
      push(stack, node.upper);
      push(stack, node.lower);
      break;
    case 'MatchValue':
      stack.push(node.value);
      break;
    case 'MatchSequence':
    case 'MatchOr':
      pushAll(stack, node.patterns);
      break;
    case 'MatchMapping':
      for (let i = node.keys.length - 1; i >= 0; i--) stack.push(node.patterns[i]!, node.keys[i]!);
      break;
    case 'MatchClass':
      pushAll(stack, node.kwd_patterns);
      pushAll(stack, node.patterns);
      stack.push(node.cls);
      break;
    case 'MatchAs':
      push(stack, node.pattern);
      break;
    default:
      break;
  }
}
