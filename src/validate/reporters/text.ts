/**
 * @fileoverview Text reporter: diagnostics grouped by file, `file:line:col severity rule-id message`,
 * and a summary line.
 */
import type { ChalkInstance } from 'chalk';
import type { ValidateResult } from '../rule.js';
import { escapeControl } from './escape.js';

export function formatText(result: ValidateResult, color?: ChalkInstance): string {
  const c = (fn: keyof ChalkInstance, s: string): string => (color ? (color[fn] as (x: string) => string)(s) : s);
  const lines: string[] = [];
  let current = '';
  for (const d of result.diagnostics) {
    // File names and messages come from the scanned tree: no terminal escape gets through.
    const file = escapeControl(d.file);
    if (d.file !== current) {
      if (current) lines.push('');
      lines.push(c('underline', file));
      current = d.file;
    }
    const sev = d.severity === 'error' ? c('red', 'error') : c('yellow', 'warning');
    lines.push(`${file}:${d.line}:${d.column} ${sev} ${d.ruleId} ${escapeControl(d.message)}`);
  }
  if (lines.length) lines.push('');
  lines.push(`${result.addonCount} addon(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)`);
  return lines.join('\n');
}
