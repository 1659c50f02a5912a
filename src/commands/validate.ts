/**
 * @fileoverview `validate <paths...>`: checks addons statically and prints a report.
 * Exit 0 clean (within --max-warnings), 1 errors found, 2 usage error.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { discoverAddons } from '../odoo/discovery.js';
import { checkAddons, type RuleSetting } from '../validate/engine.js';
import { ruleIds } from '../validate/rules/index.js';
import { packageVersion } from '../util/package-paths.js';
import { escapeControl } from '../validate/reporters/escape.js';

export interface ValidateOptions {
  format?: string;
  addonsPath?: string;
  maxWarnings?: string;
  rule?: string[];
  disable?: string[];
  json?: boolean;
}

const FORMATS = ['text', 'json', 'sarif', 'github'];

/** A user value quoted in a message: a long one is cut, so the message stays one readable line. */
const shorten = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

function parseRules(options: ValidateOptions): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const spec of options.rule ?? []) {
    const m = /^([\w-]+)=(off|warn|warning|error)$/.exec(spec);
    if (!m) throw new UsageError(`--rule "${spec}" is not ID=off|warn|error.`);
    if (!ruleIds.includes(m[1]!)) throw new UsageError(`Unknown rule "${m[1]}". Known rules: ${ruleIds.join(', ')}.`);
    out[m[1]!] = m[2] === 'off' ? 'off' : m[2] === 'error' ? 'error' : 'warning';
  }
  for (const id of options.disable ?? []) {
    if (!ruleIds.includes(id)) throw new UsageError(`Unknown rule "${id}". Known rules: ${ruleIds.join(', ')}.`);
    out[id] = 'off';
  }
  return out;
}

export async function runValidate(paths: string[], options: ValidateOptions, io: Io): Promise<number> {
  // 1. Check the options.
  const format = options.json ? 'json' : (options.format ?? 'text');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  // No limit unless --max-warnings is given; then a whole number (digits only: "", "1e3", "-1" are refused).
  let maxWarnings = Infinity;
  if (options.maxWarnings !== undefined) {
    maxWarnings = /^\d{1,15}$/.test(options.maxWarnings) ? Number(options.maxWarnings) : NaN;
    if (Number.isNaN(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number of 0 or more (0 allows no warning), got "${shorten(options.maxWarnings)}".`);
  }
  const rules = parseRules(options);
  for (const p of paths) if (!existsSync(resolve(io.cwd, p))) throw new UsageError(`Path "${p}" does not exist.`);
  // 2. Find the addons.
  const { dirs, outsideLinks } = discoverAddons(paths, io.cwd);
  if (dirs.length === 0) {
    // An addons folder of links to elsewhere is common: say why those were not followed.
    const links = outsideLinks.length ? ` Links leading out of it are not followed (${outsideLinks.slice(0, 3).map((l) => relative(io.cwd, l) || '.').join(', ')}${outsideLinks.length > 3 ? ', …' : ''}); give their targets as paths instead.` : '';
    throw new UsageError(escapeControl(`No addon (folder with __manifest__.py) found under ${paths.join(', ')}.${links}`));
  }
  const addonsPath = (options.addonsPath ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  // 3. Check them.
  const result = await checkAddons(dirs, { cwd: io.cwd, addonsPath, rules });
  // 4. Report.
  let text: string;
  if (format === 'json') text = (await import('../validate/reporters/json.js')).formatJson(result);
  else if (format === 'sarif') text = (await import('../validate/reporters/sarif.js')).formatSarif(result, packageVersion());
  else if (format === 'github') text = (await import('../validate/reporters/github.js')).formatGithub(result);
  else text = (await import('../validate/reporters/text.js')).formatText(result, io.color);
  if (text) io.out(text);
  if (result.errorCount > 0) return 1;
  if (result.warningCount > maxWarnings) return 1;
  return 0;
}
