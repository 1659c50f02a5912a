import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('sql-constraint-unknown-column', () => {
  runRuleTests('sql-constraint-unknown-column', {
    "valid": [
      {
        "name": "abstract model: the concrete heirs add the columns",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "__init__.py": "from . import m\n",
          "m.py": "from odoo import fields, models\n\n\nclass A(models.AbstractModel):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n\n    _sql_constraints = [(\"u\", \"unique(backend_id, external_id)\", \"once\")]\n"
        }
      },
      {
        "name": "existing columns",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "__init__.py": "from . import m\n",
          "m.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n\n    _sql_constraints = [(\"u\", \"unique(name)\", \"once\")]\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown column",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "__init__.py": "from . import m\n",
          "m.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n    _sql_constraints = [(\"u\", \"unique(name, code)\", \"once\")]\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n"
        },
        "errors": [
          {
            "messageId": "unknownColumn",
            "line": 7,
            "column": 31,
            "data": {
              "name": "u",
              "column": "code",
              "model": "x.a"
            }
          }
        ]
      }
    ]
  });
});
