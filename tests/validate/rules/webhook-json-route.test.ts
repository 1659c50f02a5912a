import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('webhook-json-route', () => {
  runRuleTests('webhook-json-route', {
    "valid": [
      {
        "name": "http route",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "controllers/main.py": "from odoo import http\n\n\nclass WebhookController(http.Controller):\n    @http.route(\"/x/webhook\", type=\"http\", auth=\"none\", methods=[\"POST\"], csrf=False)\n    def webhook(self, **kw):\n        return \"ok\"\n"
        }
      },
      {
        "name": "json route that is no webhook",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "controllers/main.py": "from odoo import http\n\n\nclass StatusController(http.Controller):\n    @http.route(\"/x/status\", type=\"json\", auth=\"none\", methods=[\"POST\"], csrf=False)\n    def status(self, **kw):\n        return \"ok\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "json webhook",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "controllers/main.py": "from odoo import http\n\n\nclass WebhookController(http.Controller):\n    @http.route(\"/x/webhook\", type=\"json\", auth=\"none\", methods=[\"POST\"], csrf=False)\n    def webhook(self, **kw):\n        return \"ok\"\n"
        },
        "errors": [
          {
            "messageId": "jsonRoute",
            "line": 5,
            "column": 36,
            "data": {
              "handler": "webhook"
            }
          }
        ]
      }
    ]
  });
});
