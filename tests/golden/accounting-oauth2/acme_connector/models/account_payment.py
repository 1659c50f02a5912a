from odoo import fields, models


class AcmeAccountPayment(models.Model):
    _name = "acme.account.payment"
    _inherit = "acme.binding"
    _inherits = {"account.payment": "odoo_id"}
    _description = "Acme Payment Binding"

    odoo_id = fields.Many2one(
        comodel_name="account.payment",
        string="Odoo Payment",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This payment is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme payment is already bound to an Odoo record.",
        ),
    ]


class AccountPayment(models.Model):
    _inherit = "account.payment"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.account.payment",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )
