from odoo import fields, models


class AcmeCrmLead(models.Model):
    _name = "acme.crm.lead"
    _inherit = "acme.binding"
    _inherits = {"crm.lead": "odoo_id"}
    _description = "Acme Lead Binding"

    odoo_id = fields.Many2one(
        comodel_name="crm.lead",
        string="Odoo Lead",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This lead is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme lead is already bound to an Odoo record.",
        ),
    ]


class CrmLead(models.Model):
    _inherit = "crm.lead"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.crm.lead",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )
