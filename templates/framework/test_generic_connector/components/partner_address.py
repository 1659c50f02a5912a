# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component


class TestGenericPartnerAddress(Component):
    _name = "test.generic.partner.address"
    _inherit = ["generic.partner.address", "base.test.generic.connector"]
