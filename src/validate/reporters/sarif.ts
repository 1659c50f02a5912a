/**
 * @fileoverview SARIF 2.1.0 reporter for code scanning: each rule once with help text and URI,
 * each result with a region.
 */
import type { ValidateResult } from '../rule.js';
import { jsonSafe } from './escape.js';

const DOCS = 'https://github.com/odoo-connector/odoo-connector/blob/main/references/rules.md';

/**
 * A relative path as a URI reference (RFC 3986): each segment percent-encoded, `/` kept, so `#`,
 * `?`, `%`, spaces and a `:` in the first segment are not read as fragment, query or scheme.
 */
export function fileUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export function formatSarif(result: ValidateResult, version = '0.0.0'): string {
  const used = new Set(result.diagnostics.map((d) => d.ruleId));
  const rules = result.rules.filter((r) => used.has(r.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'odoo-connector',
            version,
            informationUri: 'https://github.com/odoo-connector/odoo-connector',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              help: { text: `${r.description}. See ${DOCS}#${r.id}` },
              helpUri: `${DOCS}#${r.id}`,
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: result.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId) ?? 0,
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(d.file) }, region: { startLine: d.line, startColumn: d.column } } }],
        })),
      },
    ],
  };
  return jsonSafe(JSON.stringify(sarif, null, 2));
}
