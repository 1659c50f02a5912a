import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('access-unknown-ref', () => {
  runRuleTests('access-unknown-ref', {
    "valid": [
      {
        "name": "own model and core group",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,model_x_a,base.group_user,1,1,1,1\n"
        }
      },
      {
        "name": "unknown module stays silent",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,nowhere.model_x,,1,1,1,1\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "wrong model id",
        "files": {
          "__init__.py": "from . import models\n",
          "models/__init__.py": "from . import a\n",
          "models/a.py": "from odoo import fields, models\n\n\nclass A(models.Model):\n    _name = \"x.a\"\n    _description = \"A\"\n\n    name = fields.Char()\n\n    def run(self):\n        return True\n",
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,model_x_b,,1,1,1,1\naccess_b,b,model_x_a,group_nope,1,1,1,1\n"
        },
        "errors": [
          {
            "messageId": "unknownRef",
            "line": 2,
            "column": 1,
            "data": {
              "column": "model_id:id",
              "ref": "model_x_b"
            }
          },
          {
            "messageId": "unknownRef",
            "line": 3,
            "column": 1,
            "data": {
              "column": "group_id:id",
              "ref": "group_nope"
            }
          }
        ]
      }
    ]
  });
});
