import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-duplicate-file', () => {
  runRuleTests('manifest-duplicate-file', {
    "valid": [
      {
        "name": "same file in data and demo",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"], \"demo\": [\"a.xml\"]}\n",
          "a.xml": "<odoo/>"
        }
      }
    ],
    "invalid": [
      {
        "name": "listed twice",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"data\": [\"a.xml\", \"./a.xml\"],\n}\n",
          "a.xml": "<odoo/>"
        },
        "errors": [
          {
            "messageId": "duplicate",
            "line": 3,
            "column": 23,
            "data": {
              "file": "./a.xml"
            }
          }
        ]
      }
    ]
  });
});
