/**
 * @fileoverview Runs the rules over addons: finds the addons, loads each once, builds the catalog,
 * runs every enabled rule, applies severities and inline disables, and returns sorted diagnostics.
 */
import { relative, sep } from 'node:path';
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

export async function checkAddons(addonDirs: string[], options: EngineOptions): Promise<ValidateResult> {
  // 1. Load the addons to check and those of --addons-path (knowledge only).
  const addons = addonDirs.map((d) => new Addon(d));
  const checkedNames = new Set(addons.map((a) => a.name));
  const extra = findAddonDirs(options.addonsPath ?? [], options.cwd)
    .map((d) => new Addon(d))
    .filter((a) => !checkedNames.has(a.name));
  // 2. Build the catalog.
  const summaries = await Promise.all([...extra, ...addons].map((a) => a.summary()));
  const catalog = new Catalog(summaries, await loadBaseline());
  // 3. Load the enabled rules.
  const ids = (options.only ?? ruleIds).filter((id) => options.rules?.[id] !== 'off');
  const rules = await Promise.all(ids.map((id) => loadRule(id)));
  // 4. Run them.
  const diagnostics: Diagnostic[] = [];
  for (const addon of addons) {
    const ctx = new AddonContext(addon, catalog, await addon.manifest(), (options.addonsPath ?? []).length > 0);
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
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return {
    diagnostics,
    addonCount: addons.length,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    rules: rules.map((r) => ({ id: r.meta.id, description: r.meta.description, severity: severityOf(r, options) })),
  };
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
