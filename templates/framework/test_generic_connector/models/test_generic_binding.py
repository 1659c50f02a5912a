# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TestGenericBinding(models.AbstractModel):
    _name = "test.generic.binding"
    _inherit = "generic.binding"
    _description = "Generic Connector Test Binding (abstract)"

    backend_id = fields.Many2one(
        comodel_name="test.generic.backend",
        string="Test Backend",
        required=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        related="backend_id.company_id",
        store=True,
        index=True,
        help="Company of the backend: the multi-company record rule reads it.",
    )


class TestGenericResPartner(models.Model):
    _name = "test.generic.res.partner"
    _inherit = "test.generic.binding"
    _inherits = {"res.partner": "odoo_id"}
    _description = "Generic Connector Test Partner Binding"

    odoo_id = fields.Many2one(
        comodel_name="res.partner",
        string="Odoo Partner",
        required=True,
        ondelete="restrict",
        index=True,
    )
