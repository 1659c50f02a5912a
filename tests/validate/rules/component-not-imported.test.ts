import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-not-imported', () => {
  runRuleTests('component-not-imported', {
    "valid": [
      {
        "name": "imported",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "__init__.py": "from . import components\n",
          "components/__init__.py": "from . import binder\n",
          "components/binder.py": "from odoo.addons.component.core import Component\n\n\nclass Binder(Component):\n    _name = \"x.binder\"\n    _inherit = \"base.binder\"\n"
        }
      },
      {
        "name": "model file is not a component file",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "__init__.py": "from . import models\n",
          "models/__init__.py": "",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "never imported",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "__init__.py": "from . import components\n",
          "components/__init__.py": "",
          "components/binder.py": "from odoo.addons.component.core import Component\n\n\nclass Binder(Component):\n    _name = \"x.binder\"\n    _inherit = \"base.binder\"\n"
        },
        "errors": [
          {
            "messageId": "notImported",
            "line": 4,
            "column": 1,
            "data": {
              "file": "components/binder.py",
              "names": "x.binder"
            }
          }
        ]
      }
    ]
  });
});
