import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('python-not-imported', () => {
  runRuleTests('python-not-imported', {
    "valid": [
      {
        "name": "imported",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      },
      {
        "name": "script outside a package",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "scripts/tool.py": "class Tool:\n    pass\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "never imported",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "__init__.py": "from . import models\n",
          "models/__init__.py": "",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n"
        },
        "errors": [
          {
            "messageId": "notImported",
            "line": 1,
            "column": 1,
            "data": {
              "file": "models/a.py"
            }
          }
        ]
      }
    ]
  });
});
