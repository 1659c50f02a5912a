import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('access-missing-row', () => {
  runRuleTests('access-missing-row', {
    "valid": [
      {
        "name": "_inherit = _name extends a model (website's ir.module.module)",
        "files": {
          "__init__.py": "from . import a\n",
          "a.py": "from odoo import models\n\n\nclass M(models.Model):\n    _name = \"ir.module.module\"\n    _description = \"Module\"\n    _inherit = _name\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      },
      {
        "name": "row present",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,model_x_a,,1,1,1,1\n"
        }
      },
      {
        "name": "abstract model needs no row",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.AbstractModel):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        }
      },
      {
        "name": "file never imported: no model",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "models/__init__.py": "",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "no row",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n"
        },
        "errors": [
          {
            "messageId": "noAccess",
            "line": 4,
            "column": 1,
            "file": "models/a.py",
            "data": {
              "model": "x.a"
            }
          }
        ]
      }
    ]
  });
});
