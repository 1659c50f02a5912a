import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('webhook-compare-digest', () => {
  runRuleTests('webhook-compare-digest', {
    "valid": [
      {
        "name": "compare_digest",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "controllers/main.py": "import hmac\n\n\ndef verify(secret, body, signature):\n    expected = hmac.new(secret, body, \"sha256\").hexdigest()\n    return hmac.compare_digest(expected, signature)\n"
        }
      },
      {
        "name": "a string literal that mentions hmac is no signature",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "wizards/sync.py": "def pick(model):\n    return model == \"logisticshmac.backend\"\n"
        }
      },
      {
        "name": "not a connector",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "controllers/main.py": "import hmac\n\n\ndef verify(secret, body, signature):\n    expected = hmac.new(secret, body, \"sha256\").hexdigest()\n    return expected == signature\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "equality",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "controllers/main.py": "import hmac\n\n\ndef verify(secret, body, signature):\n    expected = hmac.new(secret, body, \"sha256\").hexdigest()\n    return expected == signature\n"
        },
        "errors": [
          {
            "messageId": "plainCompare",
            "line": 6,
            "column": 12,
            "data": {
              "operator": "=="
            }
          }
        ]
      }
    ]
  });
});
