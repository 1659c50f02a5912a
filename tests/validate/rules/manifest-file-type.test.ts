import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-file-type', () => {
  runRuleTests('manifest-file-type', {
    "valid": [
      {
        "name": "xml csv sql",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\", \"b.csv\", \"c.sql\"]}\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "python file as data",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"data\": [\"hooks.py\"],\n}\n"
        },
        "errors": [
          {
            "messageId": "wrongType",
            "line": 3,
            "column": 14,
            "data": {
              "file": "hooks.py"
            }
          }
        ]
      }
    ]
  });
});
