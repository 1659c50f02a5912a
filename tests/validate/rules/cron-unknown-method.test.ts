import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('cron-unknown-method', () => {
  runRuleTests('cron-unknown-method', {
    "valid": [
      {
        "name": "existing method",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_a\" model=\"ir.cron\">\n        <field name=\"name\">A</field>\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"state\">code</field>\n        <field name=\"code\">model.run()</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "built on an existing server action",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_a\" model=\"ir.cron\">\n        <field name=\"ir_actions_server_id\" ref=\"base.some_action\" />\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "missing model and unknown method",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_b\" model=\"ir.cron\">\n        <field name=\"name\">B</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "missingModel",
            "line": 3,
            "column": 5,
            "data": {
              "id": "cron_b"
            }
          }
        ]
      },
      {
        "name": "unknown method",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_a\" model=\"ir.cron\">\n        <field name=\"name\">A</field>\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"state\">code</field>\n        <field name=\"code\">model.nope()</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "unknownMethod",
            "line": 7,
            "column": 9,
            "data": {
              "method": "nope"
            }
          }
        ]
      }
    ]
  });
});
