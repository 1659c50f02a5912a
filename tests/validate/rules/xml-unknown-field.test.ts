import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-unknown-field', () => {
  runRuleTests('xml-unknown-field', {
    "valid": [
      {
        "name": "known field",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "model of an unknown addon",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"nowhere\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"x.nope\">\n        <field name=\"nope\">A</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "a record under a tag Odoo does not read as data is never loaded",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <section>\n        <record id=\"a\" model=\"res.partner\">\n            <field name=\"nope\">A</field>\n        </record>\n    </section>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown field of a record nested in a one2many field",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <data noupdate=\"1\">\n        <record id=\"a\" model=\"res.partner\">\n            <field name=\"child_ids\">\n                <record id=\"b\" model=\"res.partner\">\n                    <field name=\"nope\">B</field>\n                </record>\n            </field>\n        </record>\n    </data>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "unknownField",
            "line": 7,
            "column": 21,
            "data": {
              "field": "nope",
              "model": "res.partner"
            }
          }
        ]
      },
      {
        "name": "unknown field",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"nope\">A</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "unknownField",
            "line": 4,
            "column": 9,
            "data": {
              "field": "nope",
              "model": "res.partner"
            }
          }
        ]
      }
    ]
  });
});
