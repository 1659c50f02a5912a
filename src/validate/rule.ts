/**
 * @fileoverview The shape of a validate rule: `meta` (id, default severity, description, messages)
 * and a pure `check(ctx)` that returns findings carrying a messageId and data, never text.
 */
import type { AddonContext } from './context.js';

export type Severity = 'error' | 'warning';

export interface Finding<M extends string = string> {
  /** Path relative to the addon folder. */
  file: string;
  line: number;
  column: number;
  messageId: M;
  data?: Record<string, string | number>;
}

export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  description: string;
  messages: Record<M, string>;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: AddonContext): Promise<Array<Finding<M>>> | Array<Finding<M>>;
}

/** Identity helper that ties a rule's findings to its own message ids. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** Fills `{{name}}` placeholders of a message from the finding's data. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (data && k in data ? String(data[k]) : m));
}

/** A diagnostic as reporters see it: everything computed, nothing left to decide. */
export interface Diagnostic {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, posix separators. */
  file: string;
  line: number;
  column: number;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  addonCount: number;
  errorCount: number;
  warningCount: number;
  /** Rule metadata of the rules that ran, for SARIF. */
  rules: Array<{ id: string; description: string; severity: Severity }>;
}
