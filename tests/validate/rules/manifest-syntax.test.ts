import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-syntax', () => {
  runRuleTests('manifest-syntax', {
    "valid": [
      {
        "name": "literal dict",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      },
      {
        "name": "comments around the dict",
        "files": {
          "__manifest__.py": "# -*- coding: utf-8 -*-\n# License LGPL-3\n{\"name\": \"X\"}  # end\n# trailing\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "function call",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"version\": get_version(),\n}\n"
        },
        "errors": [
          {
            "messageId": "notLiteral",
            "line": 3,
            "column": 16,
            "data": {
              "text": "get_version()"
            }
          }
        ]
      },
      {
        "name": "code after the dict (Odoo's literal_eval reads the whole file)",
        "files": {
          "__manifest__.py": "{\"name\": \"X\"}\nprint(\"hi\")\n"
        },
        "errors": [{ "messageId": "notLiteral", "line": 2, "column": 1, "data": { "text": "print(\"hi\")" } }]
      },
      {
        "name": "an assignment before the dict",
        "files": {
          "__manifest__.py": "VERSION = \"1.0\"\n{\"name\": \"X\"}\n"
        },
        "errors": [{ "messageId": "notLiteral", "line": 2, "column": 1, "data": { "text": "{\"name\": \"X\"}" } }]
      },
      {
        "name": "a docstring before the dict",
        "files": {
          "__manifest__.py": "\"\"\"Doc.\"\"\"\n{\"name\": \"X\"}\n"
        },
        "errors": [{ "messageId": "notLiteral", "line": 1, "column": 1, "data": { "text": "not a dict" } }]
      },
      {
        "name": "two dicts",
        "files": {
          "__manifest__.py": "{\"name\": \"X\"}\n{\"name\": \"Y\"}\n"
        },
        "errors": [{ "messageId": "notLiteral", "line": 2, "column": 1, "data": { "text": "{\"name\": \"Y\"}" } }]
      },
      {
        "name": "not a dict",
        "files": {
          "__manifest__.py": "[\"name\"]\n"
        },
        "errors": [
          {
            "messageId": "notLiteral",
            "line": 1,
            "column": 1,
            "data": {
              "text": "not a dict"
            }
          }
        ]
      }
    ]
  });
});
