import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-auto-install', () => {
  runRuleTests('manifest-auto-install', {
    "valid": [
      {
        "name": "boolean",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"auto_install\": True}\n"
        }
      },
      {
        "name": "subset of depends",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"auto_install\": [\"base\"]}\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "not a dependency",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"depends\": [\"base\"],\n    \"auto_install\": [\"sale\"],\n}\n"
        },
        "errors": [
          {
            "messageId": "notInDepends",
            "line": 4,
            "column": 22,
            "data": {
              "addon": "sale"
            }
          }
        ]
      }
    ]
  });
});
