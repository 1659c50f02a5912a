import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

const manifest = '{"name": "X", "version": "16.0.1.0.0", "depends": ["generic_connector"]}\n';
const code = (call: string): string => `import requests\n\n\ndef fetch(url):\n    return ${call}\n`;

describe('http-timeout', () => {
  runRuleTests('http-timeout', {
    valid: [
      { name: 'with timeout', files: { '__manifest__.py': manifest, '__init__.py': 'from . import api\n', 'api.py': code('requests.get(url, timeout=10)') } },
      { name: 'inline disable', files: { '__manifest__.py': manifest, 'api.py': `import requests\n\n\ndef fetch(url):\n    # odoo-connector: disable=http-timeout\n    return requests.get(url)\n` } },
    ],
    invalid: [{ name: 'no timeout', files: { '__manifest__.py': manifest, 'api.py': code('requests.get(url)') }, errors: [{ messageId: 'noTimeout', line: 5, column: 12 }] }],
  });
});
