import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('connector-backend-inherit', () => {
  runRuleTests('connector-backend-inherit', {
    "valid": [
      {
        "name": "generic backend",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import backend\n",
          "backend.py": "from odoo import models\n\n\nclass XBackend(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"generic.backend\"\n    _description = \"X Backend\"\n"
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
        "name": "not a generic_connector connector",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"connector\"], }\n",
          "__init__.py": "from . import backend\n",
          "backend.py": "from odoo import models\n\n\nclass XBackend(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"connector.backend\"\n    _description = \"X Backend\"\n"
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
        "name": "unknown parent stays silent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import backend\n",
          "backend.py": "from odoo import models\n\n\nclass XBackend(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"other.backend\"\n    _description = \"X Backend\"\n"
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
      }
    ],
    "invalid": [
      {
        "name": "bare connector.backend",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import backend\n",
          "backend.py": "from odoo import models\n\n\nclass XBackend(models.Model):\n    _name = \"x.backend\"\n    _inherit = \"connector.backend\"\n    _description = \"X Backend\"\n"
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
            "messageId": "notGeneric",
            "line": 6,
            "column": 5,
            "data": {
              "model": "x.backend"
            }
          }
        ]
      }
    ]
  });
});
