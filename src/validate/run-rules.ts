/**
 * @fileoverview Runs loaded rules over addons whose summaries are in the catalog: the step the
 * main thread (engine.ts) and the worker threads (pool.ts, worker.ts) share, kept apart so that
 * neither imports the other.
 */
import { relative, sep } from 'node:path';
import type { Addon } from '../odoo/addon.js';
import type { Catalog } from '../odoo/catalog.js';
import { AddonContext } from './context.js';
import { formatMessage, type Diagnostic, type Rule, type Severity } from './rule.js';
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

/** The rules the options leave on, loaded. */
export function enabledRules(options: EngineOptions): Promise<Rule[]> {
  const ids = (options.only ?? ruleIds).filter((id) => options.rules?.[id] !== 'off');
  return Promise.all(ids.map((id) => loadRule(id)));
}

const DISABLE = /odoo-connector:\s*disable=([\w,\s-]+)/;

/** Rule ids disabled on each line by `# odoo-connector: disable=ID` (same line or the line above). */
export function inlineDisables(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  // Most files with findings have no such comment: no need to split them into lines.
  if (!text.includes('odoo-connector:')) return out;
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

/** Runs the rules on the given addons (their summaries are in the catalog) and returns diagnostics. */
export async function runRules(addons: Addon[], catalog: Catalog, rules: Rule[], options: EngineOptions): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const addon of addons) {
    const manifest = await addon.manifest();
    // Odoo never loads an addon marked installable: False.
    if (!manifest.installable) {
      addon.release();
      continue;
    }
    const ctx = new AddonContext(addon, catalog, manifest, (options.addonsPath ?? []).length > 0);
    const disables = new Map<string, Map<number, Set<string>>>();
    // Every rule started, then one wait for all: an await per rule and addon (40 000 over a large
    // tree) cost more than the shortest rules. Their findings are taken in rule order all the same.
    const results = await Promise.all(rules.map((rule) => startCheck(rule, ctx)));
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      for (const f of results[i]!) {
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
    catalog.forget(addon.name);
    addon.release();
  }
  return diagnostics;
}

type AnyFinding = { file: string; line: number; column: number; messageId: string; data?: Record<string, string | number> };

/** A rule's findings, or one `__crash` finding when it throws. */
function startCheck(rule: Rule, ctx: AddonContext): Promise<AnyFinding[]> | AnyFinding[] {
  const crashed = (error: unknown): AnyFinding[] => [{ file: '__manifest__.py', line: 1, column: 1, messageId: '__crash', data: { error: String(error) } }];
  try {
    const found = rule.check(ctx);
    return found instanceof Promise ? found.catch(crashed) : found;
  } catch (error) {
    return crashed(error);
  }
}

/** A rule's severity once the options' overrides apply. */
export function severityOf(rule: Rule, options: EngineOptions): Severity {
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
