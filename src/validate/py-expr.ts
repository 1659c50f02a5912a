/**
 * @fileoverview Just enough of Python expressions for view attributes (domains, contexts,
 * decorations), read the way odoo/tools/view_validation.py reads them: a token stream grouped by
 * brackets, the variable names (`get_variable_names`), a dict's entries (`get_dict_asts`) and a
 * domain's leaf fields (`get_domain_identifiers`). Every reader answers undefined when the text is
 * more than it understands, so rules stay silent instead of guessing.
 */

export type Tok = { kind: 'name' | 'str' | 'num' | 'op'; text: string; value?: string };

const TOKEN = /\s+|([rRuUbBfF]{0,2})('''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|([A-Za-z_]\w*)|(\d[\w.]*(?:[eE][+-]?\d+)?|\.\d+)|(\*\*|\/\/|==|!=|<=|>=|<>|->|[-+*/%<>=.,:;()[\]{}~^|&@!])/y;

/** Tokens of an expression, or undefined on a character it does not know. */
export function tokenize(text: string): Tok[] | undefined {
  // `%(module.xml_id)d` is replaced by a database id when the data file is loaded.
  const src = text.replace(/%\([\w.]+\)[ds]/g, '0');
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    if (m[2] !== undefined) {
      if (/[fF]/.test(m[1] ?? '')) return undefined;
      const q = m[2].startsWith("'''") || m[2].startsWith('"""') ? 3 : 1;
      out.push({ kind: 'str', text: m[0], value: m[2].slice(q, -q) });
    } else if (m[3] !== undefined) out.push({ kind: 'name', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'num', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'op', text: m[5] });
  }
  return out;
}

/** view_validation._get_attrs_symbols: names Odoo never asks the view to contain. */
export const IGNORED_IN_EXPRESSION = new Set(['True', 'False', 'None', 'self', 'id', 'uid', 'context', 'context_today', 'active_id', 'active_ids', 'allowed_company_ids', 'current_company_id', 'active_model', 'time', 'datetime', 'relativedelta', 'current_date', 'today', 'now', 'abs', 'len', 'bool', 'float', 'str', 'unicode']);

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'None', 'True', 'False']);

/**
 * get_variable_names: each `name(.attr)*` whose first name is not ignored. Keyword arguments of
 * calls are not names; a lambda (parameters are not names) makes the answer unknown.
 */
export function variableNames(tokens: Tok[]): Set<string> | undefined {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'op') {
      if ('([{'.includes(t.text)) depth++;
      else if (')]}'.includes(t.text)) depth--;
      continue;
    }
    if (t.kind !== 'name') continue;
    if (t.text === 'lambda') return undefined;
    if (KEYWORDS.has(t.text) || tokens[i - 1]?.text === '.') continue;
    if (depth > 0 && tokens[i + 1]?.text === '=') continue;
    const seq = [t.text];
    while (tokens[i + 1]?.text === '.' && tokens[i + 2]?.kind === 'name') {
      seq.push(tokens[i + 2]!.text);
      i += 2;
    }
    if (!IGNORED_IN_EXPRESSION.has(seq[0]!)) names.add(seq.join('.'));
  }
  return names;
}

/** Splits the content of a bracket group starting at `open` by its top-level commas. */
function items(tokens: Tok[], open: number): { parts: Tok[][]; end: number } | undefined {
  const parts: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'op' && '([{'.includes(t.text)) depth++;
    if (t.kind === 'op' && ')]}'.includes(t.text)) {
      if (depth === 0) {
        if (cur.length) parts.push(cur);
        return { parts, end: i };
      }
      depth--;
    }
    if (depth === 0 && t.text === ',' && t.kind === 'op') {
      parts.push(cur);
      cur = [];
    } else cur.push(t);
  }
  return undefined;
}

/** get_dict_asts: the entries of a dict literal with string keys, or undefined. */
export function dictEntries(tokens: Tok[]): Array<{ key: string; value: Tok[] }> | undefined {
  if (tokens[0]?.text !== '{') return undefined;
  const g = items(tokens, 0);
  if (!g || g.end !== tokens.length - 1) return undefined;
  const out: Array<{ key: string; value: Tok[] }> = [];
  for (const p of g.parts) {
    if (p[0]?.kind !== 'str' || p[1]?.text !== ':' || p.length < 3) return undefined;
    out.push({ key: p[0].value!, value: p.slice(2) });
  }
  return out;
}

/**
 * get_domain_identifiers' left-hand sides: the field path of each `(path, op, value)` element of a
 * domain list literal; undefined when the expression is not a list literal.
 */
export function domainFields(tokens: Tok[]): string[] | undefined {
  if (tokens[0]?.text !== '[') return undefined;
  const g = items(tokens, 0);
  if (!g || g.end !== tokens.length - 1) return undefined;
  const out: string[] = [];
  for (const p of g.parts) {
    if (p.length < 2 || !['(', '['].includes(p[0]!.text)) continue;
    const leaf = items(p, 0);
    if (!leaf || leaf.end !== p.length - 1 || leaf.parts.length !== 3) continue;
    const lhs = leaf.parts[0]!;
    if (lhs.length === 1 && lhs[0]!.kind === 'str') out.push(lhs[0]!.value!);
  }
  return out;
}
