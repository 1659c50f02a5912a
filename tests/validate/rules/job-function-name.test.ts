import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('job-function-name', () => {
  runRuleTests('job-function-name', {
    "valid": [
      {
        "name": "no name",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "name agrees",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n        <field name=\"name\">&lt;x.a&gt;.run</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "not <model>.method",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n        <field name=\"name\">x.a.run</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "badFormat",
            "line": 6,
            "column": 9,
            "data": {
              "name": "x.a.run"
            }
          }
        ]
      },
      {
        "name": "disagrees with model_id and method",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n        <field name=\"name\">&lt;x.a&gt;.other</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "mismatch",
            "line": 6,
            "column": 9,
            "data": {
              "name": "<x.a>.other",
              "expected": "<x.a>.run"
            }
          }
        ]
      }
    ]
  });
});
