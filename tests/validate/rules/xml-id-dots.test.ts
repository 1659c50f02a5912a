import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-id-dots', () => {
  runRuleTests('xml-id-dots', {
    "valid": [
      {
        "name": "module.name",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"base.main_partner\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "two dots",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"my.partner.one\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "tooManyDots",
            "line": 3,
            "column": 5,
            "data": {
              "id": "my.partner.one"
            }
          }
        ]
      }
    ]
  });
});
