import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

describe('manifest-missing-file', () => {
  runRuleTests('manifest-missing-file', {
    valid: [
      { name: 'file exists', files: { '__manifest__.py': MANIFEST('"data": ["views/a.xml"]'), 'views/a.xml': '<odoo/>' } },
      // Not read, but there: file-skipped reports it.
      { name: 'file outside the addon', files: { '__manifest__.py': MANIFEST('"data": ["../a.xml"]'), '../a.xml': '<odoo/>' } },
    ],
    invalid: [{ name: 'file missing', files: { '__manifest__.py': '{\n    "name": "X",\n    "data": ["views/a.xml"],\n}\n' }, errors: [{ messageId: 'missing', line: 3, column: 14 }] }],
  });
});
