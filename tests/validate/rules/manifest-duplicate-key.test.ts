import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

describe('manifest-duplicate-key', () => {
  runRuleTests('manifest-duplicate-key', {
    valid: [{ name: 'each key once', files: { '__manifest__.py': MANIFEST('"data": ["a.xml"], "demo": ["a.xml"]'), 'a.xml': '<odoo/>' } }],
    invalid: [
      {
        name: 'data twice',
        files: { '__manifest__.py': '{\n    "name": "X",\n    "data": ["a.xml"],\n    "depends": ["base"],\n    "data": ["b.xml"],\n}\n', 'a.xml': '<odoo/>', 'b.xml': '<odoo/>' },
        errors: [{ messageId: 'duplicate', line: 5, column: 5, data: { key: 'data', first: 3 } }],
      },
      {
        name: 'any key, three times',
        files: { '__manifest__.py': "{'name': 'X', 'depends': ['base'], 'depends': [], 'depends': ['mail']}\n" },
        errors: [
          { messageId: 'duplicate', line: 1, column: 36, data: { key: 'depends', first: 1 } },
          { messageId: 'duplicate', line: 1, column: 51, data: { key: 'depends', first: 1 } },
        ],
      },
    ],
  });
});
