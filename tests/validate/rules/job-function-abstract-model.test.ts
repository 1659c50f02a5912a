import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('job-function-abstract-model', () => {
  runRuleTests('job-function-abstract-model', {
    "valid": [
      {
        "name": "concrete model",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "unknown model stays silent",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"other.model_y\" />\n        <field name=\"method\">run</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "abstract model",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.AbstractModel):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"job_function_x_a_run\" model=\"queue.job.function\">\n        <field name=\"model_id\" ref=\"model_x_a\" />\n        <field name=\"method\">run</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "abstractModel",
            "line": 4,
            "column": 9,
            "data": {
              "model": "x.a"
            }
          }
        ]
      }
    ]
  });
});
