from odoo import fields, models


class AcmeAccountMove(models.Model):
    _name = "acme.account.move"
    _inherit = "acme.binding"
    _inherits = {"account.move": "odoo_id"}
    _description = "Acme Invoice Binding"

    odoo_id = fields.Many2one(
        comodel_name="account.move",
        string="Odoo Journal Entry",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This invoice is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme invoice is already bound to an Odoo record.",
        ),
    ]


class AccountMove(models.Model):
    _inherit = "account.move"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.account.move",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )

    def unlink(self):
        # bindings of backends with "Delete on the Backend" go first (their
        # deletion on Acme is queued); the others still refuse it
        self.env["acme.account.move"].unbind_for_deletion(self)
        return super().unlink()
