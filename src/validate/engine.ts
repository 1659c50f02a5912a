/**
 * @fileoverview Checks addons: loads each once, groups copies of one addon apart, and runs the
 * enabled rules (run-rules.ts) in this thread or, for large runs, in worker threads (pool.ts);
 * returns sorted diagnostics.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { Addon } from '../odoo/addon.js';
import { loadBaseline } from '../odoo/baseline/index.js';
import { Catalog } from '../odoo/catalog.js';
import { warmUpReaders } from '../odoo/reader-warm-up.js';
import { findAddonDirs } from '../odoo/discovery.js';
import type { Diagnostic, ValidateResult } from './rule.js';
import { enabledRules, runRules, severityOf, type EngineOptions } from './run-rules.js';
import { SHORT_RUN_ADDONS, withRunTiering } from './run-tiering.js';
import { trace } from './trace.js';

export type { EngineOptions, RuleSetting } from './run-rules.js';

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
  const rules = await enabledRules(options);
  const workers = options.workers ?? defaultWorkers(addons.length + extra.length);
  const diagnostics = await withRunTiering(addons.length + extra.length, async () => {
    if (workers > 0) {
      const { checkInWorkers } = await import('./pool.js');
      return checkInWorkers(addons, extra, options, workers);
    }
    // 2. Build the catalog.
    if (addons.length + extra.length > SHORT_RUN_ADDONS) warmUpReaders();
    const summaries = await Promise.all([...extra, ...addons].map((a) => a.summary()));
    // Addons read for knowledge only are never checked: their summaries are all that is needed.
    extra.forEach((a) => a.release());
    trace('summaries');
    const catalog = new Catalog(summaries, await loadBaseline());
    trace('catalog');
    // 3. Run the rules.
    const found = await runRules(addons, catalog, rules, options);
    trace('rules');
    return found;
  });
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
