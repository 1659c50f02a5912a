# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ConnectorExportWizard(models.TransientModel):
    _name = "connector.export.wizard"
    _description = "Export Records to a Connector Backend"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_ids = fields.Char(
        string="Record IDs", readonly=True, help="Comma-separated ids to export."
    )
    record_count = fields.Integer(string="Records", compute="_compute_record_count")
    available_backend_ids = fields.Many2many(
        comodel_name="connector.base.backend",
        string="Available Backends",
        compute="_compute_available_backend_ids",
    )
    backend_count = fields.Integer(
        string="Available Backend Count", compute="_compute_available_backend_ids"
    )
    backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Backend",
        domain="[('id', 'in', available_backend_ids)]",
    )

    @api.model
    def _supporting_backends(self, model_name):
        """Active backends whose connector implements the export of the model."""
        if not model_name:
            return self.env["connector.base.backend"]
        backends = self.env["connector.base.backend"].search([])
        return backends.filtered(lambda backend: backend.supports_export(model_name))

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ctx = self.env.context
        if ctx.get("active_model") and ctx.get("active_ids"):
            res["res_model"] = ctx["active_model"]
            res["res_ids"] = ",".join(str(res_id) for res_id in ctx["active_ids"])
            backends = self._supporting_backends(res["res_model"])
            if len(backends) == 1 and "backend_id" in fields_list:
                res["backend_id"] = backends.id
        return res

    def _get_record_ids(self):
        self.ensure_one()
        return [int(res_id) for res_id in (self.res_ids or "").split(",") if res_id]

    @api.depends("res_ids")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = len(wizard._get_record_ids())

    @api.depends("res_model")
    def _compute_available_backend_ids(self):
        for wizard in self:
            backends = self._supporting_backends(wizard.res_model)
            wizard.available_backend_ids = backends
            wizard.backend_count = len(backends)

    def action_export(self):
        self.ensure_one()
        record_ids = self._get_record_ids()
        if not record_ids:
            raise UserError(_("Select at least one record to export."))
        if not self.backend_count:
            raise UserError(
                _(
                    "No active connector backend can export %(model)s records. "
                    "Install a connector that supports them, or activate its "
                    "backend.",
                    model=self.env["ir.model"]._get(self.res_model).name
                    or self.res_model,
                )
            )
        if not self.backend_id:
            raise UserError(_("Choose the backend to export to."))
        if self.backend_id not in self.available_backend_ids:
            raise UserError(
                _(
                    "Backend %(backend)s cannot export these records.",
                    backend=self.backend_id.display_name,
                )
            )
        # The wizard is the permission: its ACL and its actions are limited to
        # Connector Users, who may not write bindings themselves. The export
        # (bindings and jobs) therefore runs as superuser.
        result = self.backend_id.sudo().export_records(self.res_model, record_ids)
        if isinstance(result, dict) and result.get("tag") == "display_notification":
            # close the dialog once the notification is shown
            result["params"].setdefault("next", {"type": "ir.actions.act_window_close"})
            return result
        return result or {"type": "ir.actions.act_window_close"}
