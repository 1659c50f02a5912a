import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('binding-missing-unique', () => {
  runRuleTests('binding-missing-unique', {
    "valid": [
      {
        "name": "unique constraint",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"external.binding\"\n    _description = \"B\"\n    _sql_constraints = [(\"uniq\", \"unique(backend_id, external_id)\", \"once\")]\n"
        }
      },
      {
        "name": "generic.binding carries the constraints",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"generic.binding\"\n    _description = \"B\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "no constraint",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"external.binding\"\n    _description = \"B\"\n"
        },
        "errors": [
          {
            "messageId": "missingUnique",
            "line": 4,
            "column": 1,
            "data": {
              "model": "x.b"
            }
          }
        ]
      }
    ]
  });
});
