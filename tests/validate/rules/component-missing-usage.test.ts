import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-missing-usage', () => {
  runRuleTests('component-missing-usage', {
    "valid": [
      {
        "name": "usage set",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _usage = \"x.usage\"\n"
        }
      },
      {
        "name": "usage from a parent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _inherit = \"base.binder\"\n"
        }
      },
      {
        "name": "abstract",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(AbstractComponent):\n    _name = \"x.c\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "concrete root without usage",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n"
        },
        "errors": [
          {
            "messageId": "missingUsage",
            "line": 4,
            "column": 1,
            "data": {
              "name": "x.c"
            }
          }
        ]
      }
    ]
  });
});
