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

/**
 * Reads `expr` as a literal. [lo, hi) bounds the grouping parentheses that belong to it: the
 * parent's span, less the parent's own parentheses (a call's, a class header's).
 */
export function toLit(expr: Expr, src: string, lo: number, hi: number, depth = 0): Lit {
  const { start, end, parens } = grouped(expr, src, lo, hi);
  const base = { text: src.slice(start, end), ...positionBefore(src, start, expr) };
  // Each pair of parentheses is one level of nesting, as each bracket is.
  const level = depth + parens;
  if (level >= MAX_NESTING) return { kind: 'other', ...base };
  switch (expr.type) {
    case 'Constant':
      switch (expr.kind) {
        case 'str':
        case 'bytes':
          return { kind: 'str', value: expr.value, ...base };
        case 'int':
        case 'float':
          return { kind: 'num', value: expr.value, ...base };
        case 'bool':
          return { kind: 'bool', value: expr.value, ...base };
        case 'none':
          return { kind: 'none', value: null, ...base };
        default:
          return { kind: 'other', ...base };
      }
    case 'JoinedStr': {
      // An f-string without a replacement field is a plain string.
      let value = '';
      for (const part of expr.values) {
        if (part.type !== 'Constant') return { kind: 'other', ...base };
        value += part.value as string;
      }
      return { kind: 'str', value, ...base };
    }
    case 'UnaryOp': {
      const arg = expr.operand;
      if ((expr.op === '-' || expr.op === '+') && arg.type === 'Constant' && (arg.kind === 'int' || arg.kind === 'float') && grouped(arg, src, expr.start, expr.end).parens === 0) {
        return { kind: 'num', value: (arg.value as number) * (expr.op === '-' ? -1 : 1), ...base };
      }
      return { kind: 'other', ...base };
    }
    case 'List':
    case 'Set':
      return { kind: 'list', items: expr.elts.map((e) => toLit(e, src, expr.start, expr.end, level + 1)), ...base };
    case 'Tuple':
      // A bare tuple (`a, b`) is not read as a literal.
      if (!expr.parenthesized) return { kind: 'other', ...base };
      return { kind: 'list', items: expr.elts.map((e) => toLit(e, src, expr.start, expr.end, level + 1)), ...base };
    case 'Dict': {
      const entries: Array<{ key: Lit; value: Lit }> = [];
      for (let i = 0; i < expr.keys.length; i++) {
        const key = expr.keys[i];
        // `**mapping` inside the dict: not a literal.
        if (!key) return { kind: 'other', ...base };
        entries.push({ key: toLit(key, src, expr.start, expr.end, level + 1), value: toLit(expr.values[i]!, src, expr.start, expr.end, level + 1) });
      }
      return { kind: 'dict', entries, ...base };
    }
    case 'Name':
    case 'Attribute':
      return { kind: 'name', value: src.slice(expr.start, expr.end), ...base };
    default:
      return { kind: 'other', ...base };
  }
}
