/**
 * @fileoverview Rule registry. The rules are imported statically: a run of validate loads them
 * all anyway, and one static graph lets the build bundle them with the engine into one module
 * (scripts/bundle.js) instead of some seventy files resolved and compiled one by one at start-up.
 * `--help` and the other commands do not import this file (cli.ts imports validate lazily).
 */
import type { Rule } from '../rule.js';
import accessCsvMalformed from './access-csv-malformed.js';
import accessMissingRow from './access-missing-row.js';
import accessUnknownRef from './access-unknown-ref.js';
import bindingMissingUnique from './binding-missing-unique.js';
import componentMissingBinder from './component-missing-binder.js';
import componentMissingName from './component-missing-name.js';
import componentMissingUsage from './component-missing-usage.js';
import componentNameClash from './component-name-clash.js';
import componentNotImported from './component-not-imported.js';
import componentSubclassAbstract from './component-subclass-abstract.js';
import componentUnknownApplyOn from './component-unknown-apply-on.js';
import componentUnknownInherit from './component-unknown-inherit.js';
import connectorBackendInherit from './connector-backend-inherit.js';
import cronNumbercall from './cron-numbercall.js';
import cronUnknownMethod from './cron-unknown-method.js';
import dependsUnknownField from './depends-unknown-field.js';
import fieldDuplicateLabel from './field-duplicate-label.js';
import fieldMany2OneTransient from './field-many2one-transient.js';
import fieldOndeleteInvalid from './field-ondelete-invalid.js';
import fieldRelatedTypeMismatch from './field-related-type-mismatch.js';
import fieldRequiredSetNull from './field-required-set-null.js';
import fieldSelectionAdd from './field-selection-add.js';
import fieldUnknownComodel from './field-unknown-comodel.js';
import fieldUnknownInverse from './field-unknown-inverse.js';
import fieldUnknownMethod from './field-unknown-method.js';
import fieldUnknownParameter from './field-unknown-parameter.js';
import fieldUnknownRelated from './field-unknown-related.js';
import fileEncoding from './file-encoding.js';
import fileSkipped from './file-skipped.js';
import httpTimeout from './http-timeout.js';
import jobChannelParent from './job-channel-parent.js';
import jobFunctionAbstractModel from './job-function-abstract-model.js';
import jobFunctionName from './job-function-name.js';
import jobFunctionRelatedAction from './job-function-related-action.js';
import jobFunctionRetryPattern from './job-function-retry-pattern.js';
import jobFunctionUnknownMethod from './job-function-unknown-method.js';
import manifestAutoInstall from './manifest-auto-install.js';
import manifestDeprecatedKey from './manifest-deprecated-key.js';
import manifestDuplicateFile from './manifest-duplicate-file.js';
import manifestDuplicateKey from './manifest-duplicate-key.js';
import manifestFileType from './manifest-file-type.js';
import manifestLicense from './manifest-license.js';
import manifestMissingFile from './manifest-missing-file.js';
import manifestSyntax from './manifest-syntax.js';
import manifestUnknownDepend from './manifest-unknown-depend.js';
import manifestVersion from './manifest-version.js';
import modelMissingDescription from './model-missing-description.js';
import modelRecNameUnknown from './model-rec-name-unknown.js';
import modelUnknownInherit from './model-unknown-inherit.js';
import pythonImportUnknownName from './python-import-unknown-name.js';
import pythonNotImported from './python-not-imported.js';
import pythonSyntax from './python-syntax.js';
import secretFieldGroups from './secret-field-groups.js';
import sqlConstraintUnknownColumn from './sql-constraint-unknown-column.js';
import viewAccessibility from './view-accessibility.js';
import viewAttrsFieldMissing from './view-attrs-field-missing.js';
import viewBooleanAttribute from './view-boolean-attribute.js';
import viewButton from './view-button.js';
import viewColInteger from './view-col-integer.js';
import viewDomainUnknownField from './view-domain-unknown-field.js';
import viewExpressionFieldMissing from './view-expression-field-missing.js';
import viewInheritNotFound from './view-inherit-not-found.js';
import viewInheritPosition from './view-inherit-position.js';
import viewLabelFor from './view-label-for.js';
import viewPageOutsideNotebook from './view-page-outside-notebook.js';
import viewTreeChild from './view-tree-child.js';
import viewUnknownField from './view-unknown-field.js';
import viewUnknownModel from './view-unknown-model.js';
import webhookCompareDigest from './webhook-compare-digest.js';
import webhookJsonRoute from './webhook-json-route.js';
import xmlDuplicateId from './xml-duplicate-id.js';
import xmlIdDots from './xml-id-dots.js';
import xmlRecordOutsideOdoo from './xml-record-outside-odoo.js';
import xmlRefUndeclaredDepend from './xml-ref-undeclared-depend.js';
import xmlSyntax from './xml-syntax.js';
import xmlUnknownField from './xml-unknown-field.js';
import xmlUnknownModel from './xml-unknown-model.js';
import xmlUnknownRef from './xml-unknown-ref.js';

const RULES: ReadonlyMap<string, Rule> = new Map(
  [
  accessCsvMalformed,
  accessMissingRow,
  accessUnknownRef,
  bindingMissingUnique,
  componentMissingBinder,
  componentMissingName,
  componentMissingUsage,
  componentNameClash,
  componentNotImported,
  componentSubclassAbstract,
  componentUnknownApplyOn,
  componentUnknownInherit,
  connectorBackendInherit,
  cronNumbercall,
  cronUnknownMethod,
  dependsUnknownField,
  fieldDuplicateLabel,
  fieldMany2OneTransient,
  fieldOndeleteInvalid,
  fieldRelatedTypeMismatch,
  fieldRequiredSetNull,
  fieldSelectionAdd,
  fieldUnknownComodel,
  fieldUnknownInverse,
  fieldUnknownMethod,
  fieldUnknownParameter,
  fieldUnknownRelated,
  fileEncoding,
  fileSkipped,
  httpTimeout,
  jobChannelParent,
  jobFunctionAbstractModel,
  jobFunctionName,
  jobFunctionRelatedAction,
  jobFunctionRetryPattern,
  jobFunctionUnknownMethod,
  manifestAutoInstall,
  manifestDeprecatedKey,
  manifestDuplicateFile,
  manifestDuplicateKey,
  manifestFileType,
  manifestLicense,
  manifestMissingFile,
  manifestSyntax,
  manifestUnknownDepend,
  manifestVersion,
  modelMissingDescription,
  modelRecNameUnknown,
  modelUnknownInherit,
  pythonImportUnknownName,
  pythonNotImported,
  pythonSyntax,
  secretFieldGroups,
  sqlConstraintUnknownColumn,
  viewAccessibility,
  viewAttrsFieldMissing,
  viewBooleanAttribute,
  viewButton,
  viewColInteger,
  viewDomainUnknownField,
  viewExpressionFieldMissing,
  viewInheritNotFound,
  viewInheritPosition,
  viewLabelFor,
  viewPageOutsideNotebook,
  viewTreeChild,
  viewUnknownField,
  viewUnknownModel,
  webhookCompareDigest,
  webhookJsonRoute,
  xmlDuplicateId,
  xmlIdDots,
  xmlRecordOutsideOdoo,
  xmlRefUndeclaredDepend,
  xmlSyntax,
  xmlUnknownField,
  xmlUnknownModel,
  xmlUnknownRef,
  ].map((rule) => [rule.meta.id, rule]),
);

export const ruleIds: string[] = [...RULES.keys()];

export async function loadRule(id: string): Promise<Rule> {
  const rule = RULES.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}
