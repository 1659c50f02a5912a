from odoo import _, fields, models

from odoo.addons.queue_job.job import identity_exact


class AcmeBinding(models.AbstractModel):
    """Base of the Acme bindings.

    A binding links an Odoo record to its counterpart on Acme.
    Each concrete binding adds ``_inherits`` and ``odoo_id``; the unique
    constraints on (backend, Odoo record) and (backend, external id) come
    from ``generic.binding``.
    """

    _name = "acme.binding"
    _inherit = "generic.binding"
    _description = "Acme Binding (abstract)"

    backend_id = fields.Many2one(
        comodel_name="acme.backend",
        string="Acme Backend",
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

    def action_import(self):
        """Queue a new import of the selected bindings."""
        bindings = self.filtered("external_id")
        for binding in bindings:
            binding.with_delay(identity_key=identity_exact).import_record(
                binding.backend_id, binding.external_id, force=True
            )
        return self.env["acme.backend"]._build_notification(
            _("Import"),
            _("%s import(s) queued.", len(bindings)),
            "success" if bindings else "warning",
        )
