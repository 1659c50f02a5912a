/**
 * @fileoverview What an inheritance spec locates (odoo/tools/template_inheritance.py
 * `locate_node`): the tag it names, and whether a known arch holds a matching node, for the
 * simple xpaths Odoo views use. Anything more complex answers undefined (unknown).
 */
import type { XEl } from '../odoo/xml.js';

/** The tag of the node a spec locates: its own tag, or the last step of a simple xpath. */
export function locatedTag(spec: XEl): string | undefined {
  if (spec.tag !== 'xpath') return spec.tag;
  const m = /(?:^|\/)([A-Za-z_][\w-]*)(?:\[[^\]]*\])*$/.exec(spec.attrs.expr ?? '');
  return m?.[1];
}

type Step = { axis: 'child' | 'descendant' | 'self'; tag: string; preds: Array<{ attr: string; value?: string }> };

/** Parses the xpaths views use (`//group[@name='x']/field`, `/form/sheet`); undefined otherwise. */
function parseXpath(expr: string): { absolute: boolean; steps: Step[] } | undefined {
  let rest = expr.trim();
  // `/x` and `//x` start at the document, above the arch's root element.
  const absolute = rest.startsWith('/');
  const steps: Step[] = [];
  let axis: Step['axis'] = 'child';
  while (rest) {
    if (rest.startsWith('//')) {
      axis = 'descendant';
      rest = rest.slice(2);
    } else if (rest.startsWith('/')) {
      axis = 'child';
      rest = rest.slice(1);
    }
    const m = /^(\.|\*|[A-Za-z_][\w-]*)((?:\[[^\]]*\])*)/.exec(rest);
    if (!m || !m[0]) return undefined;
    rest = rest.slice(m[0].length);
    if (m[1] === '.') {
      if (m[2]) return undefined;
      steps.push({ axis: 'self', tag: '*', preds: [] });
      continue;
    }
    const preds: Step['preds'] = [];
    for (const p of m[2]!.matchAll(/\[([^\]]*)\]/g)) {
      // A quoted value holds no quote of its kind: `@a='x' and @b='y'` is not one predicate.
      const q = /^\s*@([\w-]+)\s*(?:=\s*(?:'([^']*)'|"([^"]*)")\s*)?$/.exec(p[1]!);
      if (!q) return undefined;
      const value = q[2] ?? q[3];
      preds.push({ attr: q[1]!, ...(value !== undefined ? { value } : {}) });
    }
    steps.push({ axis, tag: m[1]!, preds });
    axis = 'child';
  }
  return steps.length ? { absolute, steps } : undefined;
}

function stepMatches(step: Step, el: XEl): boolean {
  return (step.tag === '*' || el.tag === step.tag) && step.preds.every((p) => (p.value === undefined ? el.attrs[p.attr] !== undefined : el.attrs[p.attr] === p.value));
}

function* subtree(el: XEl): Generator<XEl> {
  yield el;
  for (const c of el.children) yield* subtree(c);
}

/**
 * Whether a spec finds its node in an arch, as locate_node does: an xpath evaluated on the arch's
 * root, a `<field>` by name anywhere, another tag by all its attributes but position/version.
 * Undefined when the xpath is more than the simple forms parseXpath reads.
 */
export function locates(spec: XEl, root: XEl): boolean | undefined {
  if (spec.tag === 'field') {
    for (const el of subtree(root)) if (el.tag === 'field' && el.attrs.name === spec.attrs.name) return true;
    return false;
  }
  if (spec.tag !== 'xpath') {
    const attrs = Object.entries(spec.attrs).filter(([a]) => a !== 'position' && a !== 'version');
    for (const el of subtree(root)) if (el.tag === spec.tag && attrs.every(([a, v]) => el.attrs[a] === v)) return true;
    return false;
  }
  const x = parseXpath(spec.attrs.expr ?? '');
  if (!x) return undefined;
  // The context node is the arch's root; an absolute path starts above it, at the document.
  let nodes: XEl[] = x.absolute ? [{ tag: '#document', attrs: {}, children: [root], text: '', line: 0, column: 0, offset: 0 }] : [root];
  for (const step of x.steps) {
    const next = new Set<XEl>();
    for (const n of nodes) {
      if (step.axis === 'self') next.add(n);
      else if (step.axis === 'child') {
        for (const c of n.children) if (stepMatches(step, c)) next.add(c);
      } else {
        for (const d of subtree(n)) if (d !== n && stepMatches(step, d)) next.add(d);
      }
    }
    nodes = [...next];
    if (!nodes.length) return false;
  }
  return true;
}

/** Whether some element of the trees matches what the spec looks for, wherever it is. */
export function appearsIn(spec: XEl, trees: XEl[]): boolean | undefined {
  if (spec.tag !== 'xpath') return trees.some((t) => locates(spec, t));
  const x = parseXpath(spec.attrs.expr ?? '');
  const last = x?.steps[x.steps.length - 1];
  if (!last || last.axis === 'self') return undefined;
  return trees.some((t) => [...subtree(t)].some((el) => stepMatches(last, el)));
}
