import { createRequire } from 'node:module';
import { posix } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/validate/reporters/github.js';
import { formatJson } from '../../src/validate/reporters/json.js';
import { fileUri, formatSarif } from '../../src/validate/reporters/sarif.js';
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

  describe('text from hostile files', () => {
    const ESC = '\u001b';
    const hostile: ValidateResult = {
      ...result,
      diagnostics: [
        { ...result.diagnostics[0]!, file: `a/${ESC}]0;pwned\u0007x.py`, message: `Syntax error near "${ESC}[2J${ESC}[31mFAKE\r\u202eexe.py\u009b1m\u007f\u2066\tend".` },
      ],
    };
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    it.each([
      ['text', (): string => formatText(hostile)],
      ['github', (): string => formatGithub(hostile)],
    ])('%s shows control characters and direction marks instead of sending them', (_name, format) => {
      const out = format();
      expect(out).not.toMatch(unsafe);
      expect(out).toContain('\\x1b[2J\\x1b[31mFAKE');
      expect(out).toContain('\\u202eexe.py\\x9b1m\\x7f\\u2066');
      expect(out).toContain('a/\\x1b]0;pwned\\x07x.py');
      // One diagnostic, one line (plus the text header and summary).
      expect(out.split('\n').filter((l) => l.includes('FAKE'))).toHaveLength(1);
    });
    it.each([
      ['json', (): string => formatJson(hostile)],
      ['sarif', (): string => formatSarif(hostile)],
    ])('%s escapes them as JSON does', (_name, format) => {
      const out = format();
      expect(out).not.toMatch(unsafe);
      expect(out).toContain('\\u001b[2J');
      expect(out).toContain('\\u202eexe.py\\u009b1m\\u007f\\u2066');
      // The same data once parsed.
      const messages: string[] = [];
      JSON.parse(out, (key, value: unknown) => (key === 'message' && typeof value === 'string' && messages.push(value), value));
      JSON.parse(out, (key, value: unknown) => (key === 'text' && typeof value === 'string' && value.includes('FAKE') && messages.push(value), value));
      expect(messages).toContain(hostile.diagnostics[0]!.message);
    });
  });

  describe('SARIF artifact URIs', () => {
    it.each([
      ['My Addons#1/a/views/v.xml', 'My%20Addons%231/a/views/v.xml'],
      ['a/100%/x?.xml', 'a/100%25/x%3F.xml'],
      ['c:/x.py', 'c%3A/x.py'],
      ['../up/é [1].py', '../up/%C3%A9%20%5B1%5D.py'],
      ["it's (x)*!.py", 'it%27s%20%28x%29%2A%21.py'],
      ['plain/path-1_2.~.py', 'plain/path-1_2.~.py'],
    ])('%s → %s, a relative reference that resolves back to the path', (path, uri) => {
      expect(fileUri(path)).toBe(uri);
      const url = new URL(fileUri(path), 'file:///base/');
      expect(url.hash).toBe('');
      expect(url.search).toBe('');
      expect(decodeURIComponent(url.pathname)).toBe(posix.normalize(`/base/${path}`));
    });
    it('is what the SARIF log holds', () => {
      const s = JSON.parse(formatSarif({ ...result, diagnostics: [{ ...result.diagnostics[0]!, file: 'My Addons#1/a/views/v.xml' }] }));
      expect(s.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('My%20Addons%231/a/views/v.xml');
    });
  });
});
