import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('component-missing-binder', () => {
  runRuleTests('component-missing-binder', {
    "valid": [
      {
        "name": "default binder without _apply_on (pattern b)",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import models\nfrom . import components\n",
          "models/__init__.py": "from . import product\n",
          "models/product.py": "from odoo import fields, models\n\n\nclass XProduct(models.Model):\n    _name = \"x.product\"\n    _inherit = \"generic.binding\"\n    _inherits = {\"product.product\": \"odoo_id\"}\n    _description = \"X Product\"\n\n    odoo_id = fields.Many2one(\"product.product\", required=True, ondelete=\"cascade\")\n",
          "components/__init__.py": "from . import binder\n",
          "components/binder.py": "from odoo.addons.component.core import Component\n\n\nclass XBinder(Component):\n    _name = \"x.binder\"\n    _inherit = \"generic.binder\"\n    _collection = \"x.backend\"\n"
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
        "name": "binder listing the binding (pattern a)",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import models\nfrom . import components\n",
          "models/__init__.py": "from . import product\n",
          "models/product.py": "from odoo import fields, models\n\n\nclass XProduct(models.Model):\n    _name = \"x.product\"\n    _inherit = \"generic.binding\"\n    _inherits = {\"product.product\": \"odoo_id\"}\n    _description = \"X Product\"\n\n    odoo_id = fields.Many2one(\"product.product\", required=True, ondelete=\"cascade\")\n",
          "components/__init__.py": "from . import binder\n",
          "components/binder.py": "from odoo.addons.component.core import Component\n\n\nclass XBinder(Component):\n    _name = \"x.binder\"\n    _inherit = \"generic.binder\"\n    _collection = \"x.backend\"\n    _apply_on = [\"x.product\"]\n"
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
        "name": "binder for other bindings only",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import models\nfrom . import components\n",
          "models/__init__.py": "from . import product\n",
          "models/product.py": "from odoo import fields, models\n\n\nclass XProduct(models.Model):\n    _name = \"x.product\"\n    _inherit = \"generic.binding\"\n    _inherits = {\"product.product\": \"odoo_id\"}\n    _description = \"X Product\"\n\n    odoo_id = fields.Many2one(\"product.product\", required=True, ondelete=\"cascade\")\n",
          "components/__init__.py": "from . import binder\n",
          "components/binder.py": "from odoo.addons.component.core import Component\n\n\nclass XBinder(Component):\n    _name = \"x.binder\"\n    _inherit = \"generic.binder\"\n    _collection = \"x.backend\"\n    _apply_on = [\"x.order\"]\n"
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
            "messageId": "noBinder",
            "line": 4,
            "column": 1,
            "file": "models/product.py",
            "data": {
              "model": "x.product"
            }
          }
        ]
      },
      {
        "name": "no binder at all",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"generic_connector\"], }\n",
          "__init__.py": "from . import models\nfrom . import components\n",
          "models/__init__.py": "from . import product\n",
          "models/product.py": "from odoo import fields, models\n\n\nclass XProduct(models.Model):\n    _name = \"x.product\"\n    _inherit = \"generic.binding\"\n    _inherits = {\"product.product\": \"odoo_id\"}\n    _description = \"X Product\"\n\n    odoo_id = fields.Many2one(\"product.product\", required=True, ondelete=\"cascade\")\n",
          "components/__init__.py": "from . import binder\n",
          "components/binder.py": ""
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
            "messageId": "noBinder",
            "line": 4,
            "column": 1,
            "data": {
              "model": "x.product"
            }
          }
        ]
      }
    ]
  });
});
