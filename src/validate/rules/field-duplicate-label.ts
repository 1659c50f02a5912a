/**
 * @fileoverview Rule: no two fields of a model share a label. When Odoo 16 reflects the models an
 * addon defines or extends (ir.model.fields _reflect_fields), it logs "Two fields (a, b) of model()
 * have the same label: L." for each field whose label an earlier field of the model has: over all
 * the model's fields, inherited and magic ones included, each with its label as the ORM computes
 * it (`string`, else from the name: `partner_id` -> "Partner"). Judged only over fields whose
 * labels are known (declared in code read this run); reported at a field the addon declares.
 */
import type { PyField } from '../../odoo/python.js';
import { loadedModelClasses } from '../model-classes.js';
import { ModelFields } from '../model-fields.js';
import { defineRule, type Finding } from '../rule.js';

export default defineRule({
  meta: {
    id: 'field-duplicate-label',
    severity: 'error',
    description: 'No two fields of a model have the same label',
    messages: {
      duplicateLabel: 'Fields "{{field}}" and "{{other}}" of model "{{model}}" have the same label "{{label}}": Odoo logs "Two fields ... have the same label" at install; give one of them another string=.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'duplicateLabel'>> = [];
    const mf = ModelFields.of(ctx);
    const classes = await loadedModelClasses(ctx);
    // The fields each model gets from this addon, the last declaration of a name winning.
    const byModel = new Map<string, Map<string, { file: string; field: PyField }>>();
    const noLogAccess = new Set<string>();
    for (const { file, cls, decl } of classes) {
      let m = byModel.get(decl.model);
      if (!m) byModel.set(decl.model, (m = new Map()));
      for (const f of cls.fields) m.set(f.name, { file, field: f });
      if ('_auto' in cls.attrs || '_log_access' in cls.attrs) noLogAccess.add(decl.model);
    }
    for (const [model, own] of byModel) {
      const info = ctx.model(model);
      if (!info.defined || !info.complete || own.size === 0) continue;
      // The log-access fields exist on tables (Model, TransientModel) unless a class says otherwise;
      // only the addon that defines the model is known to have said all.
      const definedHere = mf.classes(model)?.some((d) => d.isNew && mf.isOwn(d)) ?? false;
      const logAccess = definedHere && !noLogAccess.has(model) && (info.kind === 'model' || info.kind === 'transient');
      const byLabel = new Map<string, string[]>();
      for (const name of info.fields) {
        const label = mf.label(model, name, logAccess);
        if (label === undefined) continue;
        const list = byLabel.get(label);
        if (list) list.push(name);
        else byLabel.set(label, [name]);
      }
      for (const [label, names] of byLabel) {
        if (names.length < 2) continue;
        const mine = names.map((n) => own.get(n)).filter((d): d is { file: string; field: PyField } => !!d);
        if (!mine.length) continue;
        // Once per label, at the addon's last declaration of it, as Odoo names the later field.
        mine.sort((a, b) => (a.file === b.file ? a.field.line - b.field.line : a.file < b.file ? -1 : 1));
        const at = mine[mine.length - 1]!;
        const other = names.find((n) => n !== at.field.name)!;
        out.push({ file: at.file, line: at.field.line, column: at.field.column, messageId: 'duplicateLabel', data: { field: at.field.name, other, model, label } });
      }
    }
    return out;
  },
});
