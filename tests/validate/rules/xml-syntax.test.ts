import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('xml-syntax', () => {
  runRuleTests('xml-syntax', {
    "valid": [
      {
        "name": "well-formed",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"a\" model=\"res.partner\">\n        <field name=\"name\">A</field>\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unclosed record",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"a.xml\"]}\n",
          "a.xml": "<odoo>\n  <record id=\"a\" model=\"res.partner\">\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "malformed",
            "line": 3,
            "column": 8
          }
        ]
      }
    ]
  });
});
