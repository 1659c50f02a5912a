import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

const CONNECTOR = '{"name": "X", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["connector"]}\n';
const UNIQ = '    _sql_constraints = [\n        ("backend_external_uniq", "unique(backend_id, external_id)", "Bound twice."),\n    ]\n';
/** An abstract platform binding (as generic.binding) and a concrete binding below it. */
const chain = (abstractBody: string, concreteBody: string): string =>
  `from odoo import models\n\n\nclass Base(models.AbstractModel):\n    _name = "x.binding"\n    _inherit = "external.binding"\n    _description = "Binding"\n\n${abstractBody}\n\nclass P(models.Model):\n    _name = "x.product"\n    _inherit = "x.binding"\n    _description = "P"\n\n${concreteBody}`;
const chainCase = (abstractBody: string, concreteBody: string): Record<string, string> => ({ '__manifest__.py': CONNECTOR, '__init__.py': 'from . import b\n', 'b.py': chain(abstractBody, concreteBody) });

describe('binding-missing-unique', () => {
  runRuleTests('binding-missing-unique', {
    "valid": [
      { name: 'concrete binding inherits the constraint of its abstract parent', files: chainCase(UNIQ, '    _description = "P"\n') },
      { name: 'concrete binding redefines the constraint', files: chainCase(UNIQ, UNIQ) },
      { name: 'columns in the other order', files: chainCase('    _sql_constraints = [("uniq", "UNIQUE(external_id, backend_id)", "Bound twice.")]\n', '    _description = "P"\n') },
      {
        "name": "unique constraint",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"external.binding\"\n    _description = \"B\"\n    _sql_constraints = [(\"uniq\", \"unique(backend_id, external_id)\", \"once\")]\n"
        }
      },
      {
        "name": "generic.binding carries the constraints",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"generic.binding\"\n    _description = \"B\"\n"
        }
      }
    ],
    "invalid": [
      {
        name: 'constraint removed from the whole chain',
        files: chainCase('    _description = "Binding"\n', '    _description = "P"\n'),
        errors: [
          { messageId: 'missingUnique', line: 4, column: 1, data: { model: 'x.binding' } },
          { messageId: 'missingUnique', line: 12, column: 1, data: { model: 'x.product' } },
        ],
      },
      {
        name: 'external constraint removed, only (backend_id, odoo_id) left',
        files: chainCase('    _sql_constraints = [("backend_odoo_uniq", "unique(backend_id, odoo_id)", "Once per record.")]\n', '    _description = "P"\n'),
        errors: [
          { messageId: 'missingUnique', line: 4, column: 1, data: { model: 'x.binding' } },
          { messageId: 'missingUnique', line: 12, column: 1, data: { model: 'x.product' } },
        ],
      },
      {
        name: 'concrete binding overrides the constraint by name with a non-unique one',
        files: chainCase(UNIQ, '    _sql_constraints = [\n        ("backend_external_uniq", "check(1=1)", "Off."),\n    ]\n'),
        errors: [{ messageId: 'missingUnique', line: 14, column: 1, data: { model: 'x.product' } }],
      },
      {
        "name": "no constraint",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "__init__.py": "from . import b\n",
          "b.py": "from odoo import fields, models\n\n\nclass B(models.Model):\n    _name = \"x.b\"\n    _inherit = \"external.binding\"\n    _description = \"B\"\n"
        },
        "errors": [
          {
            "messageId": "missingUnique",
            "line": 4,
            "column": 1,
            "data": {
              "model": "x.b"
            }
          }
        ]
      }
    ]
  });
});
