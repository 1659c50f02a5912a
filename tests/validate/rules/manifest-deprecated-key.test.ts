import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-deprecated-key', () => {
  runRuleTests('manifest-deprecated-key', {
    "valid": [
      {
        "name": "data key",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": []}\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "update_xml",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"update_xml\": [],\n}\n"
        },
        "errors": [
          {
            "messageId": "deprecated",
            "line": 3,
            "column": 5,
            "data": {
              "key": "update_xml",
              "replacement": "data"
            }
          }
        ]
      }
    ]
  });
});
