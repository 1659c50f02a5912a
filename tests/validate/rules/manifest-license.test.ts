import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-license', () => {
  runRuleTests('manifest-license', {
    "valid": [
      {
        "name": "LGPL-3",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      },
      {
        "name": "no license key",
        "files": {
          "__manifest__.py": "{\"name\": \"X\"}\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "SPDX name",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"license\": \"MIT\",\n}\n"
        },
        "errors": [
          {
            "messageId": "badLicense",
            "line": 3,
            "column": 16,
            "data": {
              "license": "MIT"
            }
          }
        ]
      }
    ]
  });
});
