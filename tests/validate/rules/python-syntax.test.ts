import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('python-syntax', () => {
  runRuleTests('python-syntax', {
    "valid": [
      {
        "name": "valid python",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "a.py": "def f(x):\n    return x\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "broken def",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "a.py": "def f(x:\n    return x\n"
        },
        "errors": [
          {
            "messageId": "syntaxError",
            "line": 1,
            "column": 1
          }
        ]
      }
    ]
  });
});
