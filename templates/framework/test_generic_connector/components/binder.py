# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component


class TestGenericBinder(Component):
    _name = "test.generic.binder"
    _inherit = ["generic.binder", "base.test.generic.connector"]
