import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('secret-field-groups', () => {
  runRuleTests('secret-field-groups', {
    "valid": [
      {
        "name": "restricted",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"generic.backend\"\n    _description = \"B\"\n\n    api_key = fields.Char(groups=\"base.group_system\")\n"
        }
      },
      {
        "name": "not a connector",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"generic.backend\"\n    _description = \"B\"\n\n    api_key = fields.Char()\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unrestricted",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"generic.backend\"\n    _description = \"B\"\n\n    api_key = fields.Char()\n"
        },
        "errors": [
          {
            "messageId": "unrestricted",
            "line": 9,
            "column": 5,
            "data": {
              "field": "api_key"
            }
          }
        ]
      }
    ]
  });
});
