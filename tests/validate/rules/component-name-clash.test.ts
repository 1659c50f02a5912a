import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-name-clash', () => {
  runRuleTests('component-name-clash', {
    "valid": [
      {
        "name": "prefixed name",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.record.exporter\"\n    _inherit = \"generic.exporter\"\n    _usage = \"record.exporter\"\n"
        }
      },
      {
        "name": "extension in place",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(AbstractComponent):\n    _name = \"generic.exporter\"\n    _inherit = \"generic.exporter\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "OCA name",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"generic.exporter\"\n    _inherit = \"base.exporter\"\n"
        },
        "errors": [
          {
            "messageId": "clashOca",
            "line": 5,
            "column": 5,
            "data": {
              "name": "generic.exporter"
            }
          }
        ]
      },
      {
        "name": "twice in the addon",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.c\"\n    _usage = \"u\"\n\n\nclass D(Component):\n    _name = \"x.c\"\n    _usage = \"u\"\n"
        },
        "errors": [
          {
            "messageId": "clashLocal",
            "line": 10,
            "column": 5,
            "data": {
              "name": "x.c",
              "other": "c.py:5"
            }
          }
        ]
      }
    ]
  });
});
