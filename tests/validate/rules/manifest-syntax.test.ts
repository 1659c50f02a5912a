import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-syntax', () => {
  runRuleTests('manifest-syntax', {
    "valid": [
      {
        "name": "literal dict",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "function call",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"version\": get_version(),\n}\n"
        },
        "errors": [
          {
            "messageId": "notLiteral",
            "line": 3,
            "column": 16,
            "data": {
              "text": "get_version()"
            }
          }
        ]
      },
      {
        "name": "not a dict",
        "files": {
          "__manifest__.py": "[\"name\"]\n"
        },
        "errors": [
          {
            "messageId": "notLiteral",
            "line": 1,
            "column": 1,
            "data": {
              "text": "not a dict"
            }
          }
        ]
      }
    ]
  });
});
