import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-duplicate-id', () => {
  runRuleTests('xml-duplicate-id', {
    "valid": [
      {
        "name": "distinct ids",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n    <record id=\"b\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "override of another module",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"base.main_partner\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "twice",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\", \"b.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n",
          "b.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "duplicate",
            "line": 3,
            "column": 5,
            "file": "b.xml",
            "data": {
              "id": "a",
              "first": "a.xml:3"
            }
          }
        ]
      }
    ]
  });
});
