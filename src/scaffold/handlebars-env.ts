/**
 * @fileoverview The Handlebars environment shared by every template set. Values reach Python and
 * XML only through helpers that quote for that language; `noEscape` keeps HTML escaping out of
 * Python code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { globSync } from 'tinyglobby';
import { templatesRoot } from '../util/package-paths.js';

export type HelperFn = (...args: unknown[]) => unknown;

/** A Python string literal in black's preferred double quotes. */
export function pyString(value: unknown): string {
  const text = String(value);
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** XML text or attribute value with the five special characters escaped. */
export function xmlEscape(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A Python literal for JSON-like data (lists, dicts, strings, numbers, booleans). */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`);
    return `{${entries.join(', ')}}`;
  }
  throw new TypeError(`Cannot render ${typeof value} as a Python literal`);
}

/**
 * A Python literal of JSON-like data as black lays it out after `prefix` characters at `indent`
 * columns: on one line when it fits in 88 columns, else one item per line, each with its comma.
 */
export function blackLiteral(value: unknown, indent: number, prefix: number, suffix = 0): string {
  const line = pyLiteral(value);
  if (indent + prefix + line.length + suffix <= 88 || value === null || typeof value !== 'object') return line;
  const pad = ' '.repeat(indent + 4);
  const items = Array.isArray(value)
    ? value.map((v) => `${pad}${blackLiteral(v, indent + 4, 0, 1)},\n`)
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pad}${pyLiteral(k)}: ${blackLiteral(v, indent + 4, pyLiteral(k).length + 2, 1)},\n`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join('')}${' '.repeat(indent)}${close}`;
}

/** Strips Handlebars' trailing options argument from a helper's arguments. */
function params(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

const HELPERS: Record<string, HelperFn> = {
  py: (value) => pyString(value),
  pyLiteral: (value) => pyLiteral(value),
  xml: (value) => xmlEscape(value),
  eq: (...args) => {
    const [a, b] = params(args);
    return a === b;
  },
  ne: (...args) => {
    const [a, b] = params(args);
    return a !== b;
  },
  and: (...args) => params(args).every(Boolean),
  or: (...args) => params(args).some(Boolean),
  not: (value) => !value,
  includes: (...args) => {
    const [list, item] = params(args);
    return Array.isArray(list) && list.includes(item);
  },
  join: (...args) => {
    const [list, sep] = params(args);
    return Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '';
  },
  concat: (...args) => params(args).map(String).join(''),
  /** A reStructuredText title line: `char` repeated as long as `text`. */
  rule: (...args) => {
    const [text, char] = params(args);
    return String(char).repeat(String(text).length);
  },
  underscored: (value) => String(value).replace(/\./g, '_'),
  upper: (value) => String(value).toUpperCase(),
  lower: (value) => String(value).toLowerCase(),
  length: (value) => (Array.isArray(value) ? value.length : 0),
  add: (...args) => {
    const [a, b] = params(args);
    return Number(a) + Number(b);
  },
  mul: (...args) => {
    const [a, b] = params(args);
    return Number(a) * Number(b);
  },
};

/**
 * Fragments shared by whole-file templates and by add-binding's insertions live in
 * `templates/partials/`; `partials/entity/acl_rows.csv.hbs` is used as `{{> entity/acl_rows}}`.
 */
export const partialsRoot = join(templatesRoot, 'partials');

export type TemplateEnv = typeof Handlebars;

const environments = new Map<string, TemplateEnv>();

/**
 * The environment whose partials come from `partialRoots`, a partial of a later root replacing
 * the one of the same name in an earlier root (a platform profile's partials over the generic
 * ones). One environment per list of roots, built once.
 */
export function handlebarsEnv(partialRoots: readonly string[] = [partialsRoot]): TemplateEnv {
  const key = partialRoots.join('\0');
  let env = environments.get(key);
  if (!env) {
    env = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) env.registerHelper(name, fn);
    for (const root of partialRoots) {
      for (const file of globSync('**/*.hbs', { cwd: root })) {
        const name = file.replace(/\.[^./]+\.hbs$/, '').replace(/\.hbs$/, '');
        env.registerPartial(name, readFileSync(join(root, file), 'utf8'));
      }
    }
    environments.set(key, env);
  }
  return env;
}

/** Renders a named partial on its own (add-binding inserts partials into existing files). */
export function renderPartial(name: string, context: Record<string, unknown>, env: TemplateEnv = handlebarsEnv()): string {
  return env.compile(`{{> ${name}}}`, { noEscape: true, strict: true })(context);
}
