import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/validate/reporters/github.js';
import { formatJson } from '../../src/validate/reporters/json.js';
import { formatSarif } from '../../src/validate/reporters/sarif.js';
import { formatText } from '../../src/validate/reporters/text.js';
import type { ValidateResult } from '../../src/validate/rule.js';

const result: ValidateResult = {
  addonCount: 1,
  errorCount: 1,
  warningCount: 1,
  rules: [{ id: 'manifest-version', description: 'Manifest version is 16.0.x.y.z', severity: 'error' }, { id: 'cron-numbercall', description: 'Crons set numbercall', severity: 'warning' }],
  diagnostics: [
    { ruleId: 'manifest-version', messageId: 'badVersion', severity: 'error', message: 'Version "15.0" is bad.', file: 'a/__manifest__.py', line: 3, column: 16 },
    { ruleId: 'cron-numbercall', messageId: 'defaultNumbercall', severity: 'warning', message: 'Cron "c" runs once, 100%', file: 'a/data/cron.xml', line: 2, column: 3 },
  ],
};

describe('reporters', () => {
  it('text groups by file', () => {
    expect(formatText(result)).toBe(
      'a/__manifest__.py\na/__manifest__.py:3:16 error manifest-version Version "15.0" is bad.\n\na/data/cron.xml\na/data/cron.xml:2:3 warning cron-numbercall Cron "c" runs once, 100%\n\n1 addon(s) checked: 1 error(s), 1 warning(s)',
    );
  });
  it('json', () => {
    expect(JSON.parse(formatJson(result))).toMatchObject({ errorCount: 1, warningCount: 1, diagnostics: result.diagnostics });
  });
  it('github escapes', () => {
    expect(formatGithub(result).split('\n')[1]).toBe('::warning file=a/data/cron.xml,line=2,col=3,title=cron-numbercall::Cron "c" runs once, 100%25');
  });
  it('sarif validates against the official SARIF 2.1.0 schema', () => {
    // The OASIS 2.1.0 schema (rtm.5, the final one) as shipped by @microsoft/jest-sarif; it is draft-04,
    // and one of its patterns is not valid in unicode mode (hence unicodeRegExp: false).
    const require = createRequire(import.meta.url);
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const s = JSON.parse(formatSarif(result, '1.0.0'));
    expect(validate(s), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // Each rule once, results pointing at them, with a region.
    expect(s.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['manifest-version', 'cron-numbercall']);
    expect(s.runs[0].results[1]).toMatchObject({ ruleId: 'cron-numbercall', ruleIndex: 1, level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'a/data/cron.xml' }, region: { startLine: 2, startColumn: 3 } } }] });
    // A broken log is refused: the check has teeth.
    expect(validate({ ...s, runs: [{ ...s.runs[0], results: [{ ...s.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
  });
  it('sarif with no findings still validates', () => {
    const require = createRequire(import.meta.url);
    const validate = new AjvDraft04({ strict: false, unicodeRegExp: false }).compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object);
    expect(validate(JSON.parse(formatSarif({ ...result, diagnostics: [], errorCount: 0, warningCount: 0 })))).toBe(true);
  });
});
