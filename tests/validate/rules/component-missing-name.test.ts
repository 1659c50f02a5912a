import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-missing-name', () => {
  runRuleTests('component-missing-name', {
    "valid": [
      {
        "name": "named",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _inherit = \"base.connector\"\n"
        }
      },
      {
        "name": "extends one component in place",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _inherit = \"base.connector\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "two parents and no name",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _inherit = [\"base.connector\", \"base.binder\"]\n"
        },
        "errors": [
          {
            "messageId": "missingName",
            "line": 4,
            "column": 1,
            "data": {
              "cls": "C"
            }
          }
        ]
      }
    ]
  });
});
