from odoo import fields, models


class AcmeStockPicking(models.Model):
    _name = "acme.stock.picking"
    _inherit = "acme.binding"
    _inherits = {"stock.picking": "odoo_id"}
    _description = "Acme Shipment Binding"

    odoo_id = fields.Many2one(
        comodel_name="stock.picking",
        string="Odoo Transfer",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This shipment is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme shipment is already bound to an Odoo record.",
        ),
    ]


class StockPicking(models.Model):
    _inherit = "stock.picking"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.stock.picking",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )

    def unlink(self):
        # bindings of backends with "Delete on the Backend" go first (their
        # deletion on Acme is queued); the others still refuse it
        self.env["acme.stock.picking"].unbind_for_deletion(self)
        return super().unlink()
