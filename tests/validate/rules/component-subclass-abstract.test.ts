import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-subclass-abstract', () => {
  runRuleTests('component-subclass-abstract', {
    "valid": [
      {
        "name": "Component with _inherit",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass C(Component):\n    _name = \"x.importer\"\n    _inherit = \"base.importer\"\n    _usage = \"record.importer\"\n"
        }
      },
      {
        "name": "explicitly concrete subclass",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.connector.components.synchronizer import Importer\n\n\nclass C(Importer):\n    _name = \"x.importer\"\n    _abstract = False\n    _usage = \"record.importer\"\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "Python subclass of a framework class",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "c.py": "from odoo.addons.connector.components.synchronizer import Importer\n\n\nclass C(Importer):\n    _name = \"x.importer\"\n    _usage = \"record.importer\"\n"
        },
        "errors": [
          {
            "messageId": "abstractSubclass",
            "line": 4,
            "column": 1,
            "data": {
              "cls": "C",
              "base": "Importer"
            }
          }
        ]
      }
    ]
  });
});
