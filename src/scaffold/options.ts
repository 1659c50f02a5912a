/**
 * @fileoverview Validation of free-form option values before they reach a template.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { quote } from '../util/quote.js';

/** Odoo 16's accepted `license` values (odoo/modules/module.py). */
export const ODOO_LICENSES = [
  'GPL-2',
  'GPL-2 or any later version',
  'GPL-3',
  'GPL-3 or any later version',
  'AGPL-3',
  'LGPL-3',
  'Other OSI approved licence',
  'OEEL-1',
  'OPL-1',
  'Other proprietary',
];

export function choice<T extends string>(option: string, value: string, allowed: string[]): T {
  if (!allowed.includes(value)) {
    throw new UsageError(`Invalid ${option} ${quote(value)}. Valid values: ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function splitList(value: string, option: string): string[] {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`${option} needs at least one value, separated by commas.`);
  return items;
}

/** One line of printable text: it ends up in a Python string and an XML attribute. */
/** Longest option value that keeps generated lines within 88 columns. */
export const MAX_VALUE_LENGTH = 68;

export function validateText(option: string, value: string): string {
  if (!value.trim() || /[\u0000-\u001f\u007f]/.test(value) || value.length > MAX_VALUE_LENGTH) {
    throw new UsageError(
      `Invalid ${option} ${quote(value)}: use one line of text of at most ${MAX_VALUE_LENGTH} characters.`,
    );
  }
  return value.trim();
}

export interface UrlRules {
  /** Whether `#fragment` is allowed (a website link may have one; an API base URL may not). */
  fragment: boolean;
}

/**
 * An absolute http(s) URL with a host, written out in full (`https:x.com` is refused although
 * WHATWG parsing accepts it), without credentials (they would land in the manifest, the model
 * default and the logs) and without characters that need quoting in Python or XML.
 */
export function validateUrl(option: string, value: string, rules: UrlRules = { fragment: false }): string {
  const example = 'use an absolute http(s) URL such as https://api.example.com/v1';
  if (value.length > MAX_VALUE_LENGTH) {
    throw new UsageError(
      `Invalid ${option}: ${quote(value)} is longer than ${MAX_VALUE_LENGTH} characters; shorten it (generated lines stay within 88 columns).`,
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:\/\/[^/?#\s]/i.test(value) || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    throw new UsageError(`Invalid ${option} ${quote(value)}: ${example}.`);
  }
  if (/[\s"'<>\\`]|[\u0000-\u001f\u007f-\u009f]/.test(value) || /[^\x21-\x7e]/.test(value)) {
    throw new UsageError(`Invalid ${option} ${quote(value)}: ${example}, in ASCII, with no spaces, quotes or control characters.`);
  }
  if (url.username || url.password || /^https?:\/\/[^/?#]*@/i.test(value)) {
    throw new UsageError(
      `Invalid ${option} ${quote(value)}: credentials (user:password@) do not belong in the URL; ` +
        'set them on the backend form in Odoo.',
    );
  }
  if (!rules.fragment && (url.hash || value.includes('#'))) {
    throw new UsageError(`Invalid ${option} ${quote(value)}: a base URL has no #fragment; ${example}.`);
  }
  return value.replace(/\/+$/, '');
}

export function validateLicense(value: string): string {
  if (!ODOO_LICENSES.includes(value)) {
    throw new UsageError(`Invalid --license ${quote(value)}. Odoo 16 accepts: ${ODOO_LICENSES.join(', ')}.`);
  }
  return value;
}

/** The folders of `--addons-path`, each of which must be an existing folder. */
export function addonsPathDirs(cwd: string, addonsPath: string | undefined): string[] {
  if (addonsPath === undefined) return [];
  return splitList(addonsPath, '--addons-path').map((entry) => {
    const dir = resolve(cwd, entry);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new UsageError(`--addons-path: ${dir} is not a folder (it does not exist or is a file). Nothing was done.`);
    return dir;
  });
}
