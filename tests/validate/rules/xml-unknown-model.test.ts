import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-unknown-model', () => {
  runRuleTests('xml-unknown-model', {
    "valid": [
      {
        "name": "core model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "unknown dependency stays silent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"nowhere\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"x.nope\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"sale.order\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "unknownModel",
            "line": 3,
            "column": 5,
            "data": {
              "model": "sale.order"
            }
          }
        ]
      }
    ]
  });
});
