import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-version', () => {
  runRuleTests('manifest-version', {
    valid: [
      { name: 'full version', files: { '__manifest__.py': '{"name": "X", "version": "16.0.1.0.0"}\n' } },
      { name: 'short version', files: { '__manifest__.py': '{"name": "X", "version": "1.2"}\n' } },
      { name: 'no version (Odoo uses 1.0)', files: { '__manifest__.py': '{"name": "X"}\n' } },
    ],
    invalid: [
      {
        name: 'other series',
        files: { '__manifest__.py': '{\n    "name": "X",\n    "version": "15.0.1.0.0",\n}\n' },
        errors: [{ messageId: 'badVersion', line: 3, column: 16, data: { version: '15.0.1.0.0' } }],
      },
    ],
  });
});
