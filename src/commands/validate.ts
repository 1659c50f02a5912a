/**
 * @fileoverview `validate <paths...>`: checks addons statically and prints a report.
 * Exit 0 clean (within --max-warnings), 1 errors found, 2 usage error.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { addonsPathDirs } from '../scaffold/options.js';
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
  /** `--changed [REF]`: true without a REF (the default branch's merge base). */
  changed?: string | boolean;
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

/**
 * `--changed`: the found addons holding files git reports changed, plus those depending on them;
 * the others are still read for knowledge. git runs in the first path's repository.
 */
async function changedScope(found: string[], firstPath: string, ref: string | undefined, io: Io): Promise<{ dirs: string[]; knowledge: string[] }> {
  const { changedFiles } = await import('../util/git.js');
  const { selectChangedAddons } = await import('../validate/changed-addons.js');
  const at = resolve(io.cwd, firstPath);
  const diff = await changedFiles(statSync(at).isDirectory() ? at : dirname(at), ref);
  const { changed, dependents } = await selectChangedAddons(found, diff.files);
  const dirs = found.filter((dir) => changed.includes(dir) || dependents.includes(dir));
  const names = changed.map((dir) => basename(dir)).join(', ');
  io.err(
    `--changed against ${diff.ref} (merge base ${diff.base.slice(0, 12)}): ${changed.length} of ${found.length} addon(s) changed` +
      `${names ? ` (${names})` : ''}, ${dependents.length} depending on them.`,
  );
  return { dirs, knowledge: found.filter((dir) => !dirs.includes(dir)) };
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
  // 2. Find the addons (with --changed, those git names and their dependents).
  const { dirs: found, outsideLinks } = discoverAddons(paths, io.cwd);
  if (found.length === 0) {
    // An addons folder of links to elsewhere is common: say why those were not followed.
    const links = outsideLinks.length ? ` Links leading out of it are not followed (${outsideLinks.slice(0, 3).map((l) => relative(io.cwd, l) || '.').join(', ')}${outsideLinks.length > 3 ? ', …' : ''}); give their targets as paths instead.` : '';
    throw new UsageError(escapeControl(`No addon (folder with __manifest__.py) found under ${paths.join(', ')}.${links}`));
  }
  const changedRef = typeof options.changed === 'string' ? options.changed : undefined;
  const { dirs, knowledge } = options.changed ? await changedScope(found, paths[0]!, changedRef, io) : { dirs: found, knowledge: [] };
  const addonsPath = addonsPathDirs(io.cwd, options.addonsPath);
  // 3. Check them.
  const result = await checkAddons(dirs, { cwd: io.cwd, addonsPath, rules, knowledgeDirs: knowledge });
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
