/**
 * @fileoverview Validation and derivation of the names that reach generated code. Everything that
 * is interpolated into Python or XML passes through here first, so no input can inject code.
 */
import { UsageError } from '../errors.js';
import addonNames from '../odoo/baseline/odoo16-addon-names.json' with { type: 'json' };
import { quote } from '../util/quote.js';

const PYTHON_KEYWORDS = new Set([
  'false', 'none', 'true', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
  'match', 'case', 'type',
]);

/** Every addon of Odoo 16 core and of the OCA connector/queue repositories (generated list). */
export const ODOO_ADDON_NAMES: ReadonlySet<string> = new Set(addonNames.names);

/**
 * Names that clash with Odoo's own packages, the open framework or the generated tree itself;
 * Odoo and OCA addon names are reserved through ODOO_ADDON_NAMES.
 */
const RESERVED_CONNECTOR_NAMES = new Set([
  'odoo', 'openerp', 'models', 'fields', 'api', 'tools', 'http', 'addons', 'test', 'tests', 'queue',
  'generic', 'generic_connector', 'connector_base', 'connector_base_backend', 'test_generic_connector',
  'external', 'binding', 'backend',
]);

/** A prefix is reserved when it, or the addon it names, is an Odoo/OCA addon or a reserved word. */
function isReservedPrefix(prefix: string): boolean {
  return (
    PYTHON_KEYWORDS.has(prefix) ||
    RESERVED_CONNECTOR_NAMES.has(prefix) ||
    ODOO_ADDON_NAMES.has(prefix) ||
    ODOO_ADDON_NAMES.has(`${prefix}${SUFFIX}`)
  );
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const MODEL_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const SUFFIX = '_connector';
/** Longer prefixes push generated lines past black's 88 columns. */
export const MAX_PREFIX = 20;

export interface ConnectorNames {
  /** `shopify`: prefix of every model, component, xml id. */
  prefix: string;
  /** `shopify_connector`: the addon folder and module name. */
  module: string;
  /** `Shopify`: human title. */
  title: string;
  /** `Shopify`: CamelCase for Python classes. */
  className: string;
}

const describe = quote;

/** `shopify` and `shopify_connector` both give the `shopify_connector` module. */
export function connectorNames(raw: string): ConnectorNames {
  const input = raw.trim();
  if (!IDENTIFIER.test(input)) {
    throw new UsageError(
      `Connector name ${describe(raw)} is invalid: use a lowercase identifier that starts with a letter ` +
        `and holds only a-z, 0-9 and _ (for example "shopify" or "my_shop").`,
    );
  }
  let prefix = input.endsWith(SUFFIX) ? input.slice(0, -SUFFIX.length) : input;
  prefix = prefix.replace(/_+$/, '');
  if (prefix.endsWith(SUFFIX) || prefix === '') {
    throw new UsageError(
      `Connector name ${describe(raw)} is invalid: give the system's name without "_connector" ` +
        `(for example "shopify"); the addon is named <name>_connector.`,
    );
  }
  if (prefix.length > MAX_PREFIX) {
    throw new UsageError(
      `Connector name ${describe(raw)} is too long: use at most ${MAX_PREFIX} characters ` +
        '(model, class and xml id names derive from it and must stay within 88 columns).',
    );
  }
  if (isReservedPrefix(prefix)) {
    throw new UsageError(
      `Connector name ${describe(raw)} is reserved (a Python keyword or an Odoo/OCA addon name): ` +
        `choose the external system's name, for example "shopify".`,
    );
  }
  return {
    prefix,
    module: `${prefix}${SUFFIX}`,
    title: titleCase(prefix),
    className: pascalCase(prefix),
  };
}

/** Entity keys (`customer`, `purchase_order`) are identifiers too. */
export function validateEntityName(raw: string): string {
  const name = raw.trim();
  if (!IDENTIFIER.test(name) || PYTHON_KEYWORDS.has(name) || name.length > 40) {
    throw new UsageError(
      `Entity name ${describe(raw)} is invalid: use a lowercase identifier such as "customer" or "purchase_order".`,
    );
  }
  return name;
}

/** Odoo model names: lowercase dotted identifiers such as `res.partner`. */
export function validateModelName(raw: string): string {
  const name = raw.trim();
  if (!MODEL_NAME.test(name) || name.length > 60) {
    throw new UsageError(
      `Odoo model ${describe(raw)} is invalid: use a lowercase dotted model name such as "res.partner" or "purchase.order".`,
    );
  }
  return name;
}

export function underscored(model: string): string {
  return model.replace(/\./g, '_');
}

export function pascalCase(name: string): string {
  return name
    .split(/[._]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

export function titleCase(name: string): string {
  return name
    .split(/[._]/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}

/** English plural good enough for entity keys: `inventory` → `inventories` is avoided by callers. */
export function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}
