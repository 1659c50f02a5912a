from odoo import fields, models


class AcmeProductProduct(models.Model):
    _name = "acme.product.product"
    _inherit = "acme.binding"
    _inherits = {"product.product": "odoo_id"}
    _description = "Acme Product Binding"

    odoo_id = fields.Many2one(
        comodel_name="product.product",
        string="Odoo Product",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This product is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme product is already bound to an Odoo record.",
        ),
    ]


class ProductProduct(models.Model):
    _inherit = "product.product"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.product.product",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )

    def unlink(self):
        # bindings of backends with "Delete on the Backend" go first (their
        # deletion on Acme is queued); the others still refuse it
        self.env["acme.product.product"].unbind_for_deletion(self)
        return super().unlink()
