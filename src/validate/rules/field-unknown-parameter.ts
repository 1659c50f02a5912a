/**
 * @fileoverview Rule: a field is declared only with parameters its type takes. Odoo 16 keeps every
 * keyword in `field.args`; at setup it warns about each one the field class has no attribute for,
 * unless the model's `_valid_field_parameter` accepts it (odoo/fields.py Field.setup: "Field x:
 * unknown parameter 'requird' ..."). Overrides of `_valid_field_parameter` are known for the
 * models of Odoo that have one; a class of the model's inheritance chain overriding it otherwise
 * makes the rule silent for that model.
 */
import { loadedModelClasses } from '../model-classes.js';
import { ModelFields } from '../model-fields.js';
import { defineRule, type Finding } from '../rule.js';

/** Public attributes and methods of odoo.fields.Field (dir(Field)): `hasattr(field, key)` is true for them. */
const FIELD_ATTRS = [
  'args', 'automatic', 'base_field', 'change_default', 'column_order', 'column_type', 'comodel_name', 'company_dependent', 'compute', 'compute_sudo', 'compute_value',
  'convert_to_cache', 'convert_to_column', 'convert_to_display_name', 'convert_to_export', 'convert_to_onchange', 'convert_to_read', 'convert_to_record', 'convert_to_record_multi',
  'convert_to_write', 'copy', 'create', 'default', 'default_export_compatible', 'description_attrs', 'determine_domain', 'determine_inverse', 'exportable', 'get_depends',
  'get_description', 'group_expand', 'group_operator', 'groupable', 'groups', 'help', 'index', 'inherited', 'inherited_field', 'inverse', 'invisible', 'is_editable', 'manual',
  'mapped', 'model_name', 'name', 'null', 'precompute', 'prefetch', 'prepare_setup', 'read', 'readonly', 'recompute', 'recursive', 'related', 'related_attrs', 'related_field',
  'relational', 'required', 'resolve_depends', 'search', 'setup', 'setup_nonrelated', 'setup_related', 'states', 'store', 'string', 'translate', 'traverse_related', 'type',
  'update_db', 'update_db_column', 'update_db_notnull', 'update_db_related', 'write', 'write_sequence',
  // popped by _get_attrs into _depends / _depends_context
  'depends', 'depends_context',
];

const STRING_ATTRS = ['get_text_content', 'get_trans_terms', 'get_translation_dictionary', 'unaccent'];
const DATE_ATTRS = ['add', 'end_of', 'from_string', 'start_of', 'subtract', 'to_string', 'today'];
const SELECTION_ATTRS = ['get_values', 'ondelete', 'selection', 'validate', 'selection_add'];
const X2MANY_ATTRS = ['auto_join', 'check_company', 'context', 'domain', 'get_domain_list', 'write_batch', 'write_new', 'write_real'];

/** What each field class adds to Field: its own attributes and methods, and its __init__ parameters (`digits`). */
const TYPE_ATTRS: Record<string, string[]> = {
  Boolean: [],
  Integer: [],
  Float: ['compare', 'get_digits', 'is_zero', 'round', 'digits'],
  Monetary: ['currency_field', 'get_currency_field'],
  Char: [...STRING_ATTRS, 'size', 'trim'],
  Text: STRING_ATTRS,
  Html: [...STRING_ATTRS, 'sanitize', 'sanitize_attributes', 'sanitize_form', 'sanitize_overridable', 'sanitize_style', 'sanitize_tags', 'strip_classes', 'strip_style'],
  Date: [...DATE_ATTRS, 'context_today', 'to_date'],
  Datetime: [...DATE_ATTRS, 'context_timestamp', 'now', 'to_datetime'],
  Binary: ['attachment'],
  Image: ['attachment', 'max_height', 'max_width', 'verify_resolution'],
  Selection: SELECTION_ATTRS,
  Reference: SELECTION_ATTRS,
  Many2one: ['auto_join', 'check_company', 'context', 'delegate', 'domain', 'get_domain_list', 'ondelete', 'update_db_foreign_key'],
  Many2oneReference: ['model_field'],
  One2many: [...X2MANY_ATTRS, 'inverse_name'],
  Many2many: [...X2MANY_ATTRS, 'column1', 'column2', 'ondelete', 'relation', 'update_db_foreign_keys'],
  Json: [],
  Properties: ['ALLOWED_TYPES', 'definition', 'definition_record', 'definition_record_field'],
  PropertiesDefinition: ['ALLOWED_KEYS', 'PROPERTY_PARAMETERS_MAP', 'REQUIRED_KEYS'],
};

const BASE = new Set(FIELD_ATTRS);
const VALID: Record<string, Set<string>> = Object.fromEntries(Object.entries(TYPE_ATTRS).map(([t, extra]) => [t, new Set([...BASE, ...extra])]));

type Allows = (param: string, ctx: { type: string; abstract: boolean }) => boolean;

/**
 * The overrides of `_valid_field_parameter` in Odoo 16 and OCA queue/connector, by the model whose
 * class defines them. BaseModel's own accepts `related_sudo`.
 */
const OVERRIDES: Record<string, Allows> = {
  // odoo/addons/base/models/res_config.py
  'res.config.settings': (p, f) => p === 'default_model' || p === 'config_parameter' || ((f.type === 'Boolean' || f.type === 'Selection') && (p === 'group' || p === 'implied_group')),
  // mail/models/models.py (tracking on abstract models) and base_sparse_field (sparse): both extend
  // `base`, and may be installed without the addon depending on them, so always accepted.
  base: (p, f) => (p === 'tracking' && f.abstract) || p === 'sparse',
  'mail.thread': (p) => p === 'tracking',
  'mail.render.mixin': (p) => p === 'render_engine' || p === 'render_options',
  'account.move.line': (p) => p === 'tracking',
  'payment.provider': (p) => p === 'required_if_provider',
  'project.task': (p) => p === 'task_dependency_tracking',
};

export default defineRule({
  meta: {
    id: 'field-unknown-parameter',
    severity: 'error',
    description: 'Fields are declared with parameters their type takes',
    messages: {
      unknownParameter:
        'Field "{{field}}" ({{type}}) has parameter "{{param}}", which {{type}} fields do not take and model "{{model}}" does not accept: Odoo logs "unknown parameter \'{{param}}\'" at every start; fix the name or remove it{{hint}}.',
    },
  },
  async check(ctx) {
    const out: Array<Finding<'unknownParameter'>> = [];
    const mf = ModelFields.of(ctx);
    const classes = await loadedModelClasses(ctx);
    // A field of a model is set up again on each model inheriting it (a binding's mixin and the
    // bindings): the addon's own models inheriting this one are judged too.
    const children = new Map<string, Set<string>>();
    for (const { decl } of classes) {
      for (const p of decl.parents) {
        if (!children.has(p)) children.set(p, new Set());
        children.get(p)!.add(decl.model);
      }
    }
    const allowsCache = new Map<string, Allows[] | undefined>();
    const allowsOf = (model: string): Allows[] | undefined => {
      if (!allowsCache.has(model)) allowsCache.set(model, modelAllows(mf, model));
      return allowsCache.get(model);
    };
    for (const { file, cls, decl } of classes) {
      let targets: string[] | undefined;
      for (const f of cls.fields) {
        const valid = VALID[f.type];
        if (!valid) continue;
        for (const [param, lit] of Object.entries(f.kwargs)) {
          if (valid.has(param) || param.startsWith('_') || param === 'related_sudo' || param === 'sparse') continue;
          targets ??= inheritors(decl.model, children);
          const refusing = targets.find((model) => {
            const allows = allowsOf(model);
            const abstract = ctx.model(model).kind === 'abstract';
            return !!allows && !allows.some((a) => a(param, { type: f.type, abstract }));
          });
          if (!refusing) continue;
          const hint = param === 'tracking' ? ' (tracking needs the model to inherit mail.thread)' : '';
          out.push({ file, line: lit.line, column: lit.column, messageId: 'unknownParameter', data: { field: f.name, type: f.type, param, model: refusing, hint } });
        }
      }
    }
    return out;
  },
});

/** The model and the addon's models inheriting it, transitively. */
function inheritors(model: string, children: Map<string, Set<string>>): string[] {
  const out = [model];
  for (let i = 0; i < out.length; i++) for (const c of children.get(out[i]!) ?? []) if (!out.includes(c)) out.push(c);
  return out;
}

/**
 * The `_valid_field_parameter` overrides along a model's classes, or undefined when the model is not
 * completely known or a class overrides it in a way this rule does not know.
 */
function modelAllows(mf: ModelFields, model: string): Allows[] | undefined {
  const classes = mf.classes(model);
  if (!classes) return undefined;
  const out: Allows[] = [OVERRIDES.base!];
  for (const d of classes) {
    if (!d.methods.includes('_valid_field_parameter')) continue;
    const known = OVERRIDES[d.model];
    if (!known) return undefined;
    out.push(known);
  }
  return out;
}
