import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('manifest-unknown-depend', () => {
  runRuleTests('manifest-unknown-depend', {
    "valid": [
      {
        "name": "core and neighbour",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\", \"generic_connector\"], }\n"
        },
        "others": {
          "generic_connector": {
            "__manifest__.py": "{\"name\": \"generic_connector\", \"version\": \"16.0.1.0.0\", \"depends\": [\"connector\"]}\n",
            "__init__.py": "from . import models\nfrom . import components\n",
            "models/__init__.py": "from . import generic\n",
            "models/generic.py": "from odoo import fields, models\n\n\nclass GenericBackend(models.AbstractModel):\n    _name = \"generic.backend\"\n    _inherit = \"connector.backend\"\n    _description = \"Generic Backend\"\n\n\nclass GenericBinding(models.AbstractModel):\n    _name = \"generic.binding\"\n    _inherit = \"external.binding\"\n    _description = \"Generic Binding\"\n\n    external_id = fields.Char()\n",
            "components/__init__.py": "from . import binder\n",
            "components/binder.py": "from odoo.addons.component.core import AbstractComponent\n\n\nclass GenericBinder(AbstractComponent):\n    _name = \"generic.binder\"\n    _inherit = \"base.binder\"\n    _usage = \"binder\"\n"
          }
        }
      },
      {
        "name": "without --addons-path nothing is known",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"nowhere\"], }\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "unknown addon",
        "files": {
          "__manifest__.py": "{\n    \"name\": \"X\",\n    \"depends\": [\"base\", \"nowhere\"],\n}\n"
        },
        "others": {
          "generic_connector": {
            "__manifest__.py": "{\"name\": \"generic_connector\", \"version\": \"16.0.1.0.0\", \"depends\": [\"connector\"]}\n",
            "__init__.py": "from . import models\nfrom . import components\n",
            "models/__init__.py": "from . import generic\n",
            "models/generic.py": "from odoo import fields, models\n\n\nclass GenericBackend(models.AbstractModel):\n    _name = \"generic.backend\"\n    _inherit = \"connector.backend\"\n    _description = \"Generic Backend\"\n\n\nclass GenericBinding(models.AbstractModel):\n    _name = \"generic.binding\"\n    _inherit = \"external.binding\"\n    _description = \"Generic Binding\"\n\n    external_id = fields.Char()\n",
            "components/__init__.py": "from . import binder\n",
            "components/binder.py": "from odoo.addons.component.core import AbstractComponent\n\n\nclass GenericBinder(AbstractComponent):\n    _name = \"generic.binder\"\n    _inherit = \"base.binder\"\n    _usage = \"binder\"\n"
          }
        },
        "errors": [
          {
            "messageId": "unknown",
            "line": 3,
            "column": 25,
            "data": {
              "addon": "nowhere"
            }
          }
        ]
      }
    ]
  });
});
