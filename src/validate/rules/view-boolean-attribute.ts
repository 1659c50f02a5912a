/**
 * @fileoverview Rule: `invisible`, `readonly` and `required` of a validated `<field>` are booleans
 * or expressions Odoo can evaluate with only `context` (ir_ui_view.py `_validate_tag_field`:
 * str2bool, else safe_eval(val, {'context': ...}); a field name there raises NameError).
 * Also when an extension sets them with `<attribute>` on a located field.
 */
import type { XEl } from '../../odoo/xml.js';
import { parseExpression, walkExpression } from '../py-expr.js';
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches } from '../view-arch.js';
import { locatedTag } from '../view-locator.js';

const MODIFIERS = ['invisible', 'readonly', 'required'];
const BOOLS = new Set(['y', 'yes', '1', 'true', 't', 'on', 'n', 'no', '0', 'false', 'f', 'off']);
/** safe_eval's _BUILTINS plus the evaluation context Odoo gives. */
const KNOWN = new Set(['context', 'True', 'False', 'None', 'bytes', 'str', 'unicode', 'bool', 'int', 'float', 'enumerate', 'dict', 'list', 'tuple', 'map', 'abs', 'min', 'max', 'sum', 'reduce', 'filter', 'sorted', 'round', 'len', 'repr', 'set', 'all', 'any', 'ord', 'chr', 'divmod', 'isinstance', 'range', 'xrange', 'zip', 'Exception']);

/** The first name safe_eval would not know, when the value is not a boolean word. */
export function unknownName(value: string): string | undefined {
  if (!value || BOOLS.has(value.toLowerCase())) return undefined;
  const e = parseExpression(value);
  if (!e) return undefined;
  let first: string | undefined;
  let binds = false;
  walkExpression(e, (node) => {
    // A lambda or a comprehension binds names of its own: not judged.
    if (node.type === 'Lambda' || node.type === 'ListComp' || node.type === 'SetComp' || node.type === 'GeneratorExp' || node.type === 'DictComp') binds = true;
    if (node.type === 'Name' && first === undefined && !KNOWN.has(node.id)) first = node.id;
  });
  return binds ? undefined : first;
}

export default defineRule({
  meta: {
    id: 'view-boolean-attribute',
    severity: 'error',
    description: 'invisible, readonly and required of view fields are booleans or context expressions',
    messages: {
      notBoolean: '{{attr}}="{{value}}": Odoo 16 evaluates it with only `context` and refuses the view (name "{{name}}" is not defined); use 1/0, a context expression, or attrs="{\'{{attr}}\': [(\'{{name}}\', ...)]}" for a condition on a field.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'notBoolean'>> = [];
    const report = (file: string, el: XEl, attr: string, value: string): void => {
      const name = unknownName(value.trim());
      if (name) out.push({ file, line: el.line, column: el.column, messageId: 'notBoolean', data: { attr, value, name } });
    };
    for (const view of await viewArches(ctx)) {
      for (const el of validatedElements(view)) {
        if (el.tag !== 'field') continue;
        for (const attr of MODIFIERS) if (el.attrs[attr] !== undefined) report(view.file, el, attr, el.attrs[attr]!);
      }
      if (!view.inherit) continue;
      for (const spec of specs(view.root)) {
        if (spec.attrs.position !== 'attributes' || locatedTag(spec) !== 'field') continue;
        for (const a of spec.children) if (a.tag === 'attribute' && MODIFIERS.includes(a.attrs.name ?? '')) report(view.file, a, a.attrs.name!, a.text);
      }
    }
    return out;
  },
});

function* specs(el: XEl): Generator<XEl> {
  if (el.attrs.position) yield el;
  for (const c of el.children) yield* specs(c);
}
