/**
 * @fileoverview JSON reporter: the result as is.
 */
import type { ValidateResult } from '../rule.js';
import { jsonSafe } from './escape.js';

export function formatJson(result: ValidateResult): string {
  const { diagnostics, addonCount, errorCount, warningCount } = result;
  return jsonSafe(JSON.stringify({ addonCount, errorCount, warningCount, diagnostics }, null, 2));
}
