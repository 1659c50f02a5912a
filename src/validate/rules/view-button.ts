/**
 * @fileoverview Rule: validated buttons call what Odoo 16 lets a button call (ir_ui_view.py
 * `_validate_tag_button`): an object button names no private method (`_x`, `init`) and no ORM
 * method with required parameters (logged as a WARNING); an action button's xml id exists
 * before the view is loaded.
 */
import { defineRule, type Finding } from '../rule.js';
import { validatedElements, viewArches } from '../view-arch.js';
import { resolveXmlId } from './xml-unknown-ref.js';

/**
 * Public BaseModel methods (odoo/models.py, Odoo 16) whose signature has required parameters:
 * `inspect.signature(func).bind()` fails for them. Overrides keep these parameters.
 */
const ORM_WITH_PARAMS = new Set(['check_access_rights', 'check_access_rule', 'check_field_access_rights', 'copy_translations', 'create', 'default_get', 'export_data', 'filtered', 'filtered_domain', 'get_field_translations', 'load', 'mapped', 'modified', 'name_create', 'onchange', 'read_group', 'search', 'search_count', 'update', 'update_field_translations', 'user_has_groups', 'with_company', 'with_env', 'with_user', 'write']);

type Id = 'private' | 'params' | 'unknownAction';

export default defineRule({
  meta: {
    id: 'view-button',
    severity: 'error',
    description: 'Buttons call public methods without parameters and existing actions',
    messages: {
      private: 'Button calls "{{name}}": Odoo 16 refuses the view ("{{name}} on {{model}} is private and cannot be called from a button"); call a public method (no leading underscore) that calls it.',
      params: 'Button calls "{{name}}", which takes required parameters: Odoo 16 logs a WARNING at install ("{{name}} on {{model}} has parameters and cannot be called from a button"); add a method without parameters (action_...) that calls it.',
      unknownAction: 'Action button names "{{name}}", which is not an xml id defined before this view: Odoo 16 refuses the view ("Invalid xmlid {{name}} for button of type action"); define the action earlier or use name="%({{name}})d".',
    },
  },
  async check(ctx) {
    const out: Array<Finding<Id>> = [];
    const files = (await ctx.addon.dataFiles()).map((f) => f.file);
    for (const view of await viewArches(ctx)) {
      const model = view.model ?? '?';
      let defined: Set<string> | undefined;
      for (const el of validatedElements(view)) {
        const name = el.attrs.name;
        if (el.tag !== 'button' || !name || el.attrs.special) continue;
        if (el.attrs.type === 'object') {
          if (/^(_|init$)/.test(name)) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'private', data: { name, model } });
          else if (ORM_WITH_PARAMS.has(name)) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'params', data: { name, model } });
        } else if (el.attrs.type === 'action' && /^[\w.]+$/.test(name) && !/^\d+$/.test(name)) {
          defined ??= definedBefore(ctx, files, view.file, view.record.el.line);
          if (!name.includes('.') || resolveXmlId(ctx, name, defined) === false) out.push({ file: view.file, line: el.line, column: el.column, messageId: 'unknownAction', data: { name } });
        }
      }
    }
    return out;
  },
});

/** The addon's xml ids defined before a line of a file, in manifest order. */
function definedBefore(ctx: Parameters<typeof resolveXmlId>[0], files: string[], file: string, line: number): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    const ids = ctx.addon.definedIds(f);
    if (f === file) {
      for (const d of ids) if (d.line < line) out.add(d.id);
      break;
    }
    ids.forEach((d) => out.add(d.id));
  }
  return out;
}
