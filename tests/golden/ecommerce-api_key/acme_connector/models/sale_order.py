from odoo import fields, models


class AcmeSaleOrder(models.Model):
    _name = "acme.sale.order"
    # review flag and fulfilment export: generic_connector_sale
    _inherit = [
        "acme.binding",
        "generic.sale.order.binding.mixin",
    ]
    _inherits = {"sale.order": "odoo_id"}
    _description = "Acme Order Binding"
    #: imported first, on their own channel: customers wait for them
    _import_priority = 5

    odoo_id = fields.Many2one(
        comodel_name="sale.order",
        string="Odoo Sale Order",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This order is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme order is already bound to an Odoo record.",
        ),
    ]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.sale.order",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )


class AcmeBackend(models.Model):
    """The order settings of the backend (generic_connector_sale)."""

    _name = "acme.backend"
    _inherit = [
        "acme.backend",
        "generic.sale.backend.mixin",
    ]
