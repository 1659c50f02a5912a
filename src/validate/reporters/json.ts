/**
 * @fileoverview JSON reporter: the result as is.
 */
import type { ValidateResult } from '../rule.js';

export function formatJson(result: ValidateResult): string {
  const { diagnostics, addonCount, errorCount, warningCount } = result;
  return JSON.stringify({ addonCount, errorCount, warningCount, diagnostics }, null, 2);
}
