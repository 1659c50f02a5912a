/**
 * @fileoverview GitHub Actions reporter: one workflow command per diagnostic.
 */
import type { ValidateResult } from '../rule.js';
import { escapeControl } from './escape.js';

// Workflow command escaping; control characters from scanned files are shown, not interpreted.
const escapeData = (s: string): string => escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escapeProp = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: ValidateResult): string {
  return result.diagnostics
    .map((d) => `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProp(d.file)},line=${d.line},col=${d.column},title=${escapeProp(d.ruleId)}::${escapeData(d.message)}`)
    .join('\n');
}
