# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models


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
    remote_delete_action = fields.Selection(
        [
            ("archive", "Archive the Odoo record"),
            ("unbind", "Unbind it, keep it active"),
        ],
        string="Deleted on the Backend",
        default="archive",
        required=True,
        help="What an import does with a bound record the backend deleted (a "
        "delete webhook, or 404 when it is read): its binding is removed and the "
        "Odoo record archived, or only unbound. The Odoo record is never deleted; "
        "a record that cannot be archived is unbound.",
    )
    delete_on_backend = fields.Boolean(
        string="Delete on the Backend",
        default=False,
        help="When a binding of an exported record is deleted in Odoo (its "
        "Connectors page, the binding list, or the deletion of the Odoo "
        "record itself, which removes its bindings first), a job deletes the "
        "record on the backend. Off: deleting a bound Odoo record is refused "
        "and deleting a binding leaves the external record as it is. Records "
        "archived in Odoo are never deleted on the backend.",
    )
    sync_run_retention_days = fields.Integer(
        string="Keep Sync Runs (days)",
        default=30,
        help="Finished synchronization runs older than this are deleted by a "
        "daily scheduled action. 0 keeps them forever.",
    )
    webhook_retention_days = fields.Integer(
        string="Keep Webhook Deliveries (days)",
        default=30,
        help="Processed, ignored and failed webhook deliveries (customer data) "
        "older than this are deleted by a daily scheduled action; pending ones "
        "and those of the replay window are kept. 0 keeps them forever.",
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

    _sql_constraints = [
        (
            "retention_days_positive",
            "CHECK(sync_run_retention_days >= 0 AND webhook_retention_days >= 0)",
            "Retention days cannot be negative (0 keeps the history forever).",
        ),
    ]

    @api.model
    def _cron_purge_history(self):
        """Scheduled action: apply each backend's retention."""
        self.with_context(active_test=False).search([])._purge_history()

    def _purge_history(self, now=None):
        """Delete the runs and deliveries older than the retention days."""
        now = now or fields.Datetime.now()
        for backend in self:
            if backend.sync_run_retention_days:
                self.env["generic.sync.run"]._purge_before(
                    backend, now - timedelta(days=backend.sync_run_retention_days)
                )
            if backend.webhook_retention_days:
                self.env["generic.webhook"]._purge_before(
                    backend, now - backend._webhook_retention()
                )

    def _webhook_retention(self):
        """Retention of the deliveries, never shorter than the replay window:
        the duplicate check of a backend reads the deliveries it received."""
        self.ensure_one()
        retention = timedelta(days=self.webhook_retention_days)
        concrete = self._get_concrete_backend()
        if concrete is not None:
            window = max(
                concrete._webhook_replay_window,
                concrete._webhook_timestamp_tolerance,
            )
            retention = max(retention, timedelta(seconds=window))
        return retention

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
