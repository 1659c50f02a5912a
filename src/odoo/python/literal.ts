/**
 * @fileoverview Reads an expression of the syntax tree as a literal (`Lit`) where it is one: the
 * text is the source as written, with the parentheses that group the expression.
 */
import type { Expr } from './ast.js';
import type { Lit } from './py-file.js';
import { grouped, positionBefore } from './source-span.js';

/**
 * Brackets Python accepts nested (its tokenizer stops at 200: "too many nested parentheses"); a
 * deeper literal is not one Python would read, and the bound keeps toLit's recursion shallow.
 */
export const MAX_NESTING = 200;

/** Where a literal starts: its line and column. */
interface At {
  line: number;
  column: number;
}

// Lits built by these few functions only, each with one key order (the one the facts have always had).
function other(text: string, at: At): Lit {
  return { kind: 'other', text, line: at.line, column: at.column };
}
function valued(kind: Lit['kind'], value: Lit['value'], text: string, at: At): Lit {
  return { kind, value, text, line: at.line, column: at.column };
}
function list(items: Lit[], text: string, at: At): Lit {
  return { kind: 'list', items, text, line: at.line, column: at.column };
}

function items(elts: Expr[], src: string, lo: number, hi: number, level: number): Lit[] {
  const out: Lit[] = [];
  for (const e of elts) out.push(toLit(e, src, lo, hi, level));
  return out;
}

/**
 * Reads `expr` as a literal. [lo, hi) bounds the grouping parentheses that belong to it: the
 * parent's span, less the parent's own parentheses (a call's, a class header's).
 */
export function toLit(expr: Expr, src: string, lo: number, hi: number, depth = 0): Lit {
  const { start, end, parens } = grouped(expr, src, lo, hi);
  const text = src.slice(start, end);
  const at = positionBefore(src, start, expr);
  // Each pair of parentheses is one level of nesting, as each bracket is.
  const level = depth + parens;
  if (level >= MAX_NESTING) return other(text, at);
  switch (expr.type) {
    case 'Constant':
      switch (expr.kind) {
        case 'str':
        case 'bytes':
          return valued('str', expr.value, text, at);
        case 'int':
        case 'float':
          return valued('num', expr.value, text, at);
        case 'bool':
          return valued('bool', expr.value, text, at);
        case 'none':
          return valued('none', null, text, at);
        default:
          return other(text, at);
      }
    case 'JoinedStr': {
      // An f-string without a replacement field is a plain string.
      let value = '';
      for (const part of expr.values) {
        if (part.type !== 'Constant') return other(text, at);
        value += part.value as string;
      }
      return valued('str', value, text, at);
    }
    case 'UnaryOp': {
      const arg = expr.operand;
      if ((expr.op === '-' || expr.op === '+') && arg.type === 'Constant' && (arg.kind === 'int' || arg.kind === 'float') && grouped(arg, src, expr.start, expr.end).parens === 0) {
        return valued('num', (arg.value as number) * (expr.op === '-' ? -1 : 1), text, at);
      }
      return other(text, at);
    }
    case 'List':
    case 'Set':
      return list(items(expr.elts, src, expr.start, expr.end, level + 1), text, at);
    case 'Tuple':
      // A bare tuple (`a, b`) is not read as a literal.
      if (!expr.parenthesized) return other(text, at);
      return list(items(expr.elts, src, expr.start, expr.end, level + 1), text, at);
    case 'Dict': {
      const entries: Array<{ key: Lit; value: Lit }> = [];
      for (let i = 0; i < expr.keys.length; i++) {
        const key = expr.keys[i];
        // `**mapping` inside the dict: not a literal.
        if (!key) return other(text, at);
        entries.push({ key: toLit(key, src, expr.start, expr.end, level + 1), value: toLit(expr.values[i]!, src, expr.start, expr.end, level + 1) });
      }
      return { kind: 'dict', entries, text, line: at.line, column: at.column };
    }
    case 'Name':
    case 'Attribute':
      return valued('name', src.slice(expr.start, expr.end), text, at);
    default:
      return other(text, at);
  }
}
