import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('model-unknown-inherit', () => {
  runRuleTests('model-unknown-inherit', {
    "valid": [
      {
        "name": "core model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "m.py": "from odoo import models\n\n\nclass P(models.Model):\n    _inherit = \"res.partner\"\n"
        }
      },
      {
        "name": "unknown dependency stays silent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"nowhere\"], }\n",
          "m.py": "from odoo import models\n\n\nclass P(models.Model):\n    _inherit = \"x.nope\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "m.py": "from odoo import models\n\n\nclass P(models.Model):\n    _inherit = \"sale.order\"\n"
        },
        "errors": [
          {
            "messageId": "unknownModel",
            "line": 5,
            "column": 5,
            "data": {
              "model": "sale.order"
            }
          }
        ]
      }
    ]
  });
});
