/**
 * @fileoverview Python expressions of view attributes (domains, contexts, decorations), read with
 * our Python parser as odoo/tools/view_validation.py reads them with `ast`: the variable names
 * (`get_variable_names`), a dict's entries (`get_dict_asts`) and a domain's leaf fields
 * (`get_domain_identifiers`). Every reader answers undefined when the text is not an expression it
 * can judge, so rules stay silent instead of guessing.
 */
import type { Expr } from '../odoo/python/ast.js';
import { parseModule } from '../odoo/python/parser.js';
import { walkInSourceOrder, type WalkNode } from '../odoo/python/walk.js';

/** A parsed expression and the text its spans index. */
export interface PyExpr {
  node: Expr;
  src: string;
}

/** Parses an attribute value as one expression (`ast.parse(expr, mode='eval')`), or undefined. */
export function parseExpression(text: string): PyExpr | undefined {
  // `%(module.xml_id)d` is replaced by a database id when the data file is loaded. The parentheses
  // let the value start with blanks and span lines, as it may in an attribute.
  const src = `(\n${text.replace(/%\([\w.]+\)[ds]/g, '0')}\n)`;
  const r = parseModule(src);
  const stmt = r.ok && r.module.body.length === 1 ? r.module.body[0]! : undefined;
  return stmt?.type === 'Expr' ? { node: stmt.value, src } : undefined;
}

/** The source text of a node of the expression. */
export function exprText(e: PyExpr, node: Expr): string {
  return e.src.slice(node.start, node.end);
}

/** Visits every node of the expression in source order, outer before inner. */
export function walkExpression(e: PyExpr, visit: (node: WalkNode) => void): void {
  const { start, end, line, column } = e.node;
  walkInSourceOrder({ type: 'Module', body: [{ type: 'Expr', value: e.node, start, end, line, column }] }, visit);
}

/** view_validation._get_attrs_symbols: names Odoo never asks the view to contain. */
export const IGNORED_IN_EXPRESSION = new Set(['True', 'False', 'None', 'self', 'id', 'uid', 'context', 'context_today', 'active_id', 'active_ids', 'allowed_company_ids', 'current_company_id', 'active_model', 'time', 'datetime', 'relativedelta', 'current_date', 'today', 'now', 'abs', 'len', 'bool', 'float', 'str', 'unicode']);

/** `name(.attr)*` of a Name or Attribute chain, else undefined (get_name_seq). */
function nameSeq(node: Expr): string[] | undefined {
  const attrs: string[] = [];
  let n = node;
  while (n.type === 'Attribute') {
    attrs.push(n.attr);
    n = n.value;
  }
  return n.type === 'Name' ? [n.id, ...attrs.reverse()] : undefined;
}

/**
 * get_variable_names: each outermost `name(.attr)*` whose first name is not ignored. A lambda
 * (its parameters are not the view's names) makes the answer unknown.
 */
export function variableNames(e: PyExpr): Set<string> | undefined {
  const names = new Set<string>();
  let chainEnd = -1;
  let lambda = false;
  walkExpression(e, (node) => {
    if (node.type === 'Lambda') lambda = true;
    // Outer nodes come first: the parts of a chain already read are not names of their own.
    if ((node.type !== 'Name' && node.type !== 'Attribute') || node.start < chainEnd) return;
    const seq = nameSeq(node);
    if (!seq) return;
    chainEnd = node.end;
    if (!IGNORED_IN_EXPRESSION.has(seq[0]!)) names.add(seq.join('.'));
  });
  return lambda ? undefined : names;
}

/** get_dict_asts: the entries of a dict literal with string keys, or undefined. */
export function dictEntries(e: PyExpr): Array<{ key: string; value: PyExpr }> | undefined {
  const d = e.node;
  if (d.type !== 'Dict') return undefined;
  const out: Array<{ key: string; value: PyExpr }> = [];
  for (let i = 0; i < d.keys.length; i++) {
    const key = d.keys[i];
    if (key?.type !== 'Constant' || key.kind !== 'str') return undefined;
    out.push({ key: key.value as string, value: { node: d.values[i]!, src: e.src } });
  }
  return out;
}

/**
 * get_domain_identifiers' left-hand sides: the field path of each `(path, op, value)` element of a
 * domain list literal; undefined when the expression is not a list literal.
 */
export function domainFields(e: PyExpr): string[] | undefined {
  if (e.node.type !== 'List') return undefined;
  const out: string[] = [];
  for (const leaf of e.node.elts) {
    if ((leaf.type !== 'Tuple' && leaf.type !== 'List') || leaf.elts.length !== 3) continue;
    const lhs = leaf.elts[0]!;
    if (lhs.type === 'Constant' && lhs.kind === 'str') out.push(lhs.value as string);
  }
  return out;
}
