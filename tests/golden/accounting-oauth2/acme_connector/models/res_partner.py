from odoo import fields, models


class AcmeResPartner(models.Model):
    _name = "acme.res.partner"
    _inherit = "acme.binding"
    _inherits = {"res.partner": "odoo_id"}
    _description = "Acme Customer Binding"

    odoo_id = fields.Many2one(
        comodel_name="res.partner",
        string="Odoo Partner",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This customer is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme customer is already bound to an Odoo record.",
        ),
    ]


class ResPartner(models.Model):
    _inherit = "res.partner"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.res.partner",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )

    def unlink(self):
        # bindings of backends with "Delete on the Backend" go first (their
        # deletion on Acme is queued); the others still refuse it
        self.env["acme.res.partner"].unbind_for_deletion(self)
        return super().unlink()
