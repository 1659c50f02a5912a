# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    test_generic_bind_ids = fields.One2many(
        comodel_name="test.generic.res.partner",
        inverse_name="odoo_id",
        string="Test Generic Bindings",
        copy=False,
    )

    def unlink(self):
        self.env["test.generic.res.partner"].unbind_for_deletion(self)
        return super().unlink()
