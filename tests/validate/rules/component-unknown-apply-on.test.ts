import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-unknown-apply-on', () => {
  runRuleTests('component-unknown-apply-on', {
    "valid": [
      {
        "name": "core model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _usage = \"u\"\n    _apply_on = [\"res.partner\"]\n"
        }
      },
      {
        "name": "unknown dependency stays silent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"nowhere\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _usage = \"u\"\n    _apply_on = \"x.nope\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _usage = \"u\"\n    _apply_on = [\"res.partner\", \"x.nope\"]\n"
        },
        "errors": [
          {
            "messageId": "unknownModel",
            "line": 7,
            "column": 5,
            "data": {
              "model": "x.nope"
            }
          }
        ]
      }
    ]
  });
});
