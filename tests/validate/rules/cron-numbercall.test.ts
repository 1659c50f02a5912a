import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('cron-numbercall', () => {
  runRuleTests('cron-numbercall', {
    "valid": [
      {
        "name": "numbercall -1",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_a\" model=\"ir.cron\">\n        <field name=\"name\">A</field>\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"state\">code</field>\n        <field name=\"code\">model.run()</field>\n        <field name=\"numbercall\">-1</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "update of an existing cron",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"base.autovacuum_job\" model=\"ir.cron\">\n        <field name=\"active\" eval=\"True\" />\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "default numbercall",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"data/cron.xml\"]}\n",
          "data/cron.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"cron_a\" model=\"ir.cron\">\n        <field name=\"name\">A</field>\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"state\">code</field>\n        <field name=\"code\">model.run()</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "defaultNumbercall",
            "line": 3,
            "column": 5,
            "data": {
              "id": "cron_a"
            }
          }
        ]
      }
    ]
  });
});
