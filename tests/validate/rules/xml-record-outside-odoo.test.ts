import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-record-outside-odoo', () => {
  runRuleTests('xml-record-outside-odoo', {
    "valid": [
      {
        "name": "odoo root",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      },
      {
        "name": "data root, nested data",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<data>\n  <data noupdate=\"1\">\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n  </data>\n</data>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "foreign root",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\"?>\n<records>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</records>\n"
        },
        "errors": [
          {
            "messageId": "badRoot",
            "line": 2,
            "column": 1,
            "data": {
              "tag": "records"
            }
          }
        ]
      },
      {
        "name": "field outside a record",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <field name=\"x\">1</field>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "misplaced",
            "line": 3,
            "column": 5,
            "data": {
              "tag": "field",
              "parent": "odoo"
            }
          }
        ]
      }
    ]
  });
});
