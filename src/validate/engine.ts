/**
 * @fileoverview Runs the rules over addons: finds the addons, loads each once, builds the catalog,
 * runs every enabled rule, applies severities and inline disables, and returns sorted diagnostics.
 */
import { availableParallelism } from 'node:os';
import { basename, relative, sep } from 'node:path';
import { Addon } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import { findAddonDirs } from '../odoo/discovery.js';
import { AddonContext } from './context.js';
import { formatMessage, type Diagnostic, type Rule, type Severity, type ValidateResult } from './rule.js';
import { loadRule, ruleIds } from './rules/index.js';

export type RuleSetting = Severity | 'off';

export interface EngineOptions {
  cwd: string;
  addonsPath?: string[];
  /** Per-rule overrides. */
  rules?: Record<string, RuleSetting>;
  /** Restrict to these rule ids (tests). */
  only?: string[];
  /** Worker threads besides the main one; default: one per core but one above 40 addons, else none. */
  workers?: number;
  /** Addon folders read for knowledge only, like --addons-path but without its other effects. */
  knowledgeDirs?: string[];
}

const DISABLE = /odoo-connector:\s*disable=([\w,\s-]+)/;

/** Rule ids disabled on each line by `# odoo-connector: disable=ID` (same line or the line above). */
export function inlineDisables(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    const m = DISABLE.exec(l);
    if (!m) return;
    const ids = m[1]!.split(/[\s,]+/).filter((s) => s && s !== '-' && s !== '--');
    for (const line of [i + 1, i + 2]) {
      const set = out.get(line) ?? new Set<string>();
      ids.forEach((id) => set.add(id.replace(/-+$/, '')));
      out.set(line, set);
    }
  });
  return out;
}

/** Above this many addons, the work is spread over worker threads. */
export const PARALLEL_THRESHOLD = 40;

/**
 * Addon folders split so that no name appears twice in one group: the first occurrence of every
 * name, then the second ones, and so on. Odoo knows one addon per name, and so does the catalog.
 */
export function groupsByName(addonDirs: string[]): string[][] {
  const groups: string[][] = [];
  const seen = new Map<string, number>();
  for (const dir of addonDirs) {
    const name = basename(dir);
    const index = seen.get(name) ?? 0;
    seen.set(name, index + 1);
    (groups[index] ??= []).push(dir);
  }
  return groups;
}

export async function checkAddons(addonDirs: string[], options: EngineOptions): Promise<ValidateResult> {
  const groups = groupsByName(addonDirs);
  if (groups.length > 1) {
    // Copies of one addon (a repository holding several versions) are checked apart, each
    // against the first occurrence of the other names.
    const results: ValidateResult[] = [];
    for (const group of groups) {
      const names = new Set(group.map((d) => basename(d)));
      const knowledge = group === groups[0] ? [] : groups[0]!.filter((d) => !names.has(basename(d)));
      results.push(await checkAddons(group, { ...options, knowledgeDirs: [...(options.knowledgeDirs ?? []), ...knowledge] }));
    }
    const diagnostics = results.flatMap((r) => r.diagnostics);
    sortDiagnostics(diagnostics);
    return {
      diagnostics,
      addonCount: results.reduce((n, r) => n + r.addonCount, 0),
      errorCount: results.reduce((n, r) => n + r.errorCount, 0),
      warningCount: results.reduce((n, r) => n + r.warningCount, 0),
      rules: results[0]!.rules,
    };
  }
  // 1. Load the addons to check and those of --addons-path (knowledge only).
  const addons = addonDirs.map((d) => new Addon(d));
  const checkedNames = new Set(addons.map((a) => a.name));
  const extra = [...(options.knowledgeDirs ?? []), ...findAddonDirs(options.addonsPath ?? [], options.cwd)]
    .map((d) => new Addon(d))
    .filter((a) => !checkedNames.has(a.name));
  const ids = (options.only ?? ruleIds).filter((id) => options.rules?.[id] !== 'off');
  const rules = await Promise.all(ids.map((id) => loadRule(id)));
  const workers = options.workers ?? defaultWorkers(addons.length + extra.length);
  let diagnostics: Diagnostic[];
  if (workers > 0) {
    const { checkInWorkers } = await import('./pool.js');
    diagnostics = await checkInWorkers(addons, extra, options, workers);
  } else {
    // 2. Build the catalog.
    const summaries = await Promise.all([...extra, ...addons].map((a) => a.summary()));
    const catalog = new Catalog(summaries, await loadBaseline());
    // 3. Run the rules.
    diagnostics = await runRules(addons, catalog, rules, options);
  }
  sortDiagnostics(diagnostics);
  return {
    diagnostics,
    addonCount: addons.length,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    rules: rules.map((r) => ({ id: r.meta.id, description: r.meta.description, severity: severityOf(r, options) })),
  };
}

/** One worker per core but one (the main thread works too), never more than a share of addons. */
function defaultWorkers(addonCount: number): number {
  if (addonCount <= PARALLEL_THRESHOLD) return 0;
  return Math.max(0, Math.min(availableParallelism() - 1, addonCount - 1));
}

/** A total order, so results do not depend on which thread found what. */
export function sortDiagnostics(diagnostics: Diagnostic[]): void {
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  diagnostics.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.messageId, b.messageId) || cmp(a.message, b.message));
}

/** Runs the rules on the given addons (their summaries are in the catalog) and returns diagnostics. */
export async function runRules(addons: Addon[], catalog: Catalog, rules: Rule[], options: EngineOptions): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const addon of addons) {
    const manifest = await addon.manifest();
    // Odoo never loads an addon marked installable: False.
    if (!manifest.installable) continue;
    const ctx = new AddonContext(addon, catalog, manifest, (options.addonsPath ?? []).length > 0);
    const disables = new Map<string, Map<number, Set<string>>>();
    for (const rule of rules) {
      let findings;
      try {
        findings = await rule.check(ctx);
      } catch (error) {
        findings = [{ file: '__manifest__.py', line: 1, column: 1, messageId: '__crash', data: { error: String(error) } }];
      }
      for (const f of findings) {
        let d = disables.get(f.file);
        if (!d) {
          d = inlineDisables(addon.read(f.file) ?? '');
          disables.set(f.file, d);
        }
        const off = d.get(f.line);
        if (off && (off.has(rule.meta.id) || off.has('all'))) continue;
        diagnostics.push(toDiagnostic(rule, f, addon, options));
      }
    }
  }
  return diagnostics;
}

function severityOf(rule: Rule, options: EngineOptions): Severity {
  const s = options.rules?.[rule.meta.id];
  return s === 'error' || s === 'warning' ? s : rule.meta.severity;
}

function toDiagnostic(rule: Rule, f: { file: string; line: number; column: number; messageId: string; data?: Record<string, string | number> }, addon: Addon, options: EngineOptions): Diagnostic {
  const template = (rule.meta.messages as Record<string, string>)[f.messageId] ?? `internal error in rule ${rule.meta.id}: {{error}}`;
  return {
    ruleId: rule.meta.id,
    messageId: f.messageId,
    severity: severityOf(rule, options),
    message: formatMessage(template, f.data),
    file: relative(options.cwd, `${addon.dir}${sep}${f.file}`).split(sep).join('/'),
    line: f.line,
    column: f.column,
  };
}
