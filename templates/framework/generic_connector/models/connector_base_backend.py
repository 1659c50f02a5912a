# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ConnectorBaseBackend(models.Model):
    """Sync history, webhooks and checkpoints hang on the shared backend row.

    Concrete backends delegate to it, so these fields show on every concrete
    backend without a Many2one per connector.
    """

    _inherit = "connector.base.backend"

    sync_run_ids = fields.One2many(
        comodel_name="generic.sync.run",
        inverse_name="backend_id",
        string="Sync Runs",
        readonly=True,
    )
    webhook_ids = fields.One2many(
        comodel_name="generic.webhook",
        inverse_name="backend_id",
        string="Webhooks",
        readonly=True,
    )
    checkpoint_ids = fields.One2many(
        comodel_name="generic.sync.checkpoint",
        inverse_name="backend_id",
        string="Checkpoints",
    )
    sync_run_count = fields.Integer(
        string="Number of Sync Runs", compute="_compute_sync_statistics"
    )
    sync_run_failed_count = fields.Integer(
        string="Failed Sync Runs", compute="_compute_sync_statistics"
    )
    webhook_pending_count = fields.Integer(
        string="Webhooks Waiting", compute="_compute_sync_statistics"
    )
    webhook_failed_count = fields.Integer(
        string="Failed Webhooks", compute="_compute_sync_statistics"
    )

    def _compute_sync_statistics(self):
        SyncRun = self.env["generic.sync.run"]
        Webhook = self.env["generic.webhook"]
        for backend in self:
            # _origin: new records (backend creation form) have no history yet
            domain = [("backend_id", "=", backend._origin.id or 0)]
            backend.sync_run_count = SyncRun.search_count(domain)
            backend.sync_run_failed_count = SyncRun.search_count(
                domain + [("state", "=", "failed")]
            )
            backend.webhook_pending_count = Webhook.search_count(
                domain + [("processing_status", "=", "pending")]
            )
            backend.webhook_failed_count = Webhook.search_count(
                domain + [("processing_status", "=", "failed")]
            )

    def _action_for_backend(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("backend_id", "=", self.id)]
        action["context"] = {"default_backend_id": self.id}
        return action

    def action_view_sync_runs(self):
        return self._action_for_backend("generic_connector.generic_sync_run_action")

    def action_view_webhooks(self):
        return self._action_for_backend("generic_connector.generic_webhook_action")
