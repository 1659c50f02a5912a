/**
 * @fileoverview Lazy rule registry: each rule module is imported only when it runs.
 */
import type { Rule } from '../rule.js';

const RULES: Record<string, () => Promise<{ default: Rule }>> = {
  'access-csv-malformed': () => import('./access-csv-malformed.js') as Promise<{ default: Rule }>,
  'access-missing-row': () => import('./access-missing-row.js') as Promise<{ default: Rule }>,
  'access-unknown-ref': () => import('./access-unknown-ref.js') as Promise<{ default: Rule }>,
  'binding-missing-unique': () => import('./binding-missing-unique.js') as Promise<{ default: Rule }>,
  'component-missing-binder': () => import('./component-missing-binder.js') as Promise<{ default: Rule }>,
  'component-missing-name': () => import('./component-missing-name.js') as Promise<{ default: Rule }>,
  'component-missing-usage': () => import('./component-missing-usage.js') as Promise<{ default: Rule }>,
  'component-name-clash': () => import('./component-name-clash.js') as Promise<{ default: Rule }>,
  'component-not-imported': () => import('./component-not-imported.js') as Promise<{ default: Rule }>,
  'component-subclass-abstract': () => import('./component-subclass-abstract.js') as Promise<{ default: Rule }>,
  'component-unknown-apply-on': () => import('./component-unknown-apply-on.js') as Promise<{ default: Rule }>,
  'connector-backend-inherit': () => import('./connector-backend-inherit.js') as Promise<{ default: Rule }>,
  'cron-numbercall': () => import('./cron-numbercall.js') as Promise<{ default: Rule }>,
  'cron-unknown-method': () => import('./cron-unknown-method.js') as Promise<{ default: Rule }>,
  'depends-unknown-field': () => import('./depends-unknown-field.js') as Promise<{ default: Rule }>,
  'field-required-set-null': () => import('./field-required-set-null.js') as Promise<{ default: Rule }>,
  'field-unknown-comodel': () => import('./field-unknown-comodel.js') as Promise<{ default: Rule }>,
  'field-unknown-inverse': () => import('./field-unknown-inverse.js') as Promise<{ default: Rule }>,
  'field-unknown-method': () => import('./field-unknown-method.js') as Promise<{ default: Rule }>,
  'field-unknown-related': () => import('./field-unknown-related.js') as Promise<{ default: Rule }>,
  'file-encoding': () => import('./file-encoding.js') as Promise<{ default: Rule }>,
  'file-skipped': () => import('./file-skipped.js') as Promise<{ default: Rule }>,
  'http-timeout': () => import('./http-timeout.js') as Promise<{ default: Rule }>,
  'job-channel-parent': () => import('./job-channel-parent.js') as Promise<{ default: Rule }>,
  'job-function-abstract-model': () => import('./job-function-abstract-model.js') as Promise<{ default: Rule }>,
  'job-function-name': () => import('./job-function-name.js') as Promise<{ default: Rule }>,
  'job-function-related-action': () => import('./job-function-related-action.js') as Promise<{ default: Rule }>,
  'job-function-retry-pattern': () => import('./job-function-retry-pattern.js') as Promise<{ default: Rule }>,
  'job-function-unknown-method': () => import('./job-function-unknown-method.js') as Promise<{ default: Rule }>,
  'manifest-auto-install': () => import('./manifest-auto-install.js') as Promise<{ default: Rule }>,
  'manifest-deprecated-key': () => import('./manifest-deprecated-key.js') as Promise<{ default: Rule }>,
  'manifest-duplicate-file': () => import('./manifest-duplicate-file.js') as Promise<{ default: Rule }>,
  'manifest-duplicate-key': () => import('./manifest-duplicate-key.js') as Promise<{ default: Rule }>,
  'manifest-file-type': () => import('./manifest-file-type.js') as Promise<{ default: Rule }>,
  'manifest-license': () => import('./manifest-license.js') as Promise<{ default: Rule }>,
  'manifest-missing-file': () => import('./manifest-missing-file.js') as Promise<{ default: Rule }>,
  'manifest-syntax': () => import('./manifest-syntax.js') as Promise<{ default: Rule }>,
  'manifest-unknown-depend': () => import('./manifest-unknown-depend.js') as Promise<{ default: Rule }>,
  'manifest-version': () => import('./manifest-version.js') as Promise<{ default: Rule }>,
  'model-unknown-inherit': () => import('./model-unknown-inherit.js') as Promise<{ default: Rule }>,
  'python-import-unknown-name': () => import('./python-import-unknown-name.js') as Promise<{ default: Rule }>,
  'python-not-imported': () => import('./python-not-imported.js') as Promise<{ default: Rule }>,
  'python-syntax': () => import('./python-syntax.js') as Promise<{ default: Rule }>,
  'secret-field-groups': () => import('./secret-field-groups.js') as Promise<{ default: Rule }>,
  'sql-constraint-unknown-column': () => import('./sql-constraint-unknown-column.js') as Promise<{ default: Rule }>,
  'view-attrs-field-missing': () => import('./view-attrs-field-missing.js') as Promise<{ default: Rule }>,
  'view-col-integer': () => import('./view-col-integer.js') as Promise<{ default: Rule }>,
  'view-label-for': () => import('./view-label-for.js') as Promise<{ default: Rule }>,
  'view-page-outside-notebook': () => import('./view-page-outside-notebook.js') as Promise<{ default: Rule }>,
  'view-tree-child': () => import('./view-tree-child.js') as Promise<{ default: Rule }>,
  'view-unknown-field': () => import('./view-unknown-field.js') as Promise<{ default: Rule }>,
  'view-unknown-model': () => import('./view-unknown-model.js') as Promise<{ default: Rule }>,
  'webhook-compare-digest': () => import('./webhook-compare-digest.js') as Promise<{ default: Rule }>,
  'webhook-json-route': () => import('./webhook-json-route.js') as Promise<{ default: Rule }>,
  'xml-duplicate-id': () => import('./xml-duplicate-id.js') as Promise<{ default: Rule }>,
  'xml-id-dots': () => import('./xml-id-dots.js') as Promise<{ default: Rule }>,
  'xml-record-outside-odoo': () => import('./xml-record-outside-odoo.js') as Promise<{ default: Rule }>,
  'xml-ref-undeclared-depend': () => import('./xml-ref-undeclared-depend.js') as Promise<{ default: Rule }>,
  'xml-syntax': () => import('./xml-syntax.js') as Promise<{ default: Rule }>,
  'xml-unknown-field': () => import('./xml-unknown-field.js') as Promise<{ default: Rule }>,
  'xml-unknown-model': () => import('./xml-unknown-model.js') as Promise<{ default: Rule }>,
  'xml-unknown-ref': () => import('./xml-unknown-ref.js') as Promise<{ default: Rule }>,
};

export const ruleIds: string[] = Object.keys(RULES);

export async function loadRule(id: string): Promise<Rule> {
  const load = RULES[id];
  if (!load) throw new Error(`unknown rule ${id}`);
  return (await load()).default;
}
