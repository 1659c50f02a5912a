import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

const MANIFEST = "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n";

describe('python-syntax', () => {
  runRuleTests('python-syntax', {
    "valid": [
      {
        "name": "valid python",
        "files": {
          "__manifest__.py": MANIFEST,
          "a.py": "def f(x):\n    return x\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "broken def",
        "files": {
          "__manifest__.py": MANIFEST,
          "a.py": "def f(x:\n    return x\n"
        },
        "errors": [
          {
            "messageId": "syntaxError",
            "line": 1,
            "column": 6,
            "data": { "message": "'(' was never closed" }
          }
        ]
      },
      {
        "name": "missing colon, CPython's message at CPython's place",
        "files": {
          "__manifest__.py": MANIFEST,
          "a.py": "import os\n\nif os.name == 'nt'\n    pass\n"
        },
        "errors": [
          {
            "messageId": "syntaxError",
            "line": 3,
            "column": 19,
            "data": { "message": "expected ':'" }
          }
        ]
      },
      {
        "name": "indentation error, one per file",
        "files": {
          "__manifest__.py": MANIFEST,
          "a.py": "class A:\n    def f(self):\n        pass\n      x = 1\n\ndef g(:\n    pass\n",
          "tests/test_a.py": "def test():\nreturn 1\n"
        },
        "errors": [
          {
            "messageId": "syntaxError",
            "file": "a.py",
            "line": 4,
            "column": 12,
            "data": { "message": "unindent does not match any outer indentation level" }
          },
          {
            "messageId": "syntaxError",
            "file": "tests/test_a.py",
            "line": 2,
            "column": 1,
            "data": { "message": "expected an indented block after function definition on line 1" }
          }
        ]
      }
    ]
  });
});
