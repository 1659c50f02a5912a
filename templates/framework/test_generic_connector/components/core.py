# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent


class BaseTestGenericConnectorComponent(AbstractComponent):
    _name = "base.test.generic.connector"
    _inherit = "base.connector"
    _collection = "test.generic.backend"
