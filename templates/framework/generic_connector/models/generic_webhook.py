# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import _, api, fields, models


class GenericWebhook(models.Model):
    """A webhook delivery, stored before processing so none is lost.

    The controller of each connector verifies the signature, then calls
    ``generic.backend._store_webhook``, which creates this record and delays
    :meth:`process_webhook`.
    """

    _name = "generic.webhook"
    _description = "Connector Webhook Delivery"
    _order = "id desc"
    _rec_name = "event_type"

    backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Backend",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="backend_id.company_id",
        store=True,
        index=True,
        help="Company of the backend: the multi-company record rule reads it.",
    )
    event_type = fields.Char(required=True, index=True, readonly=True)
    external_event_id = fields.Char(
        string="Event ID",
        index=True,
        copy=False,
        readonly=True,
        help="Delivery id sent by the external system, used to drop duplicates "
        "with the body digest (the id is usually not signed).",
    )
    body_digest = fields.Char(
        index=True,
        copy=False,
        readonly=True,
        help="SHA-256 of the signed content of the delivery (raw body, and signed "
        "timestamp if any): a replay carries the same, used to drop duplicates.",
    )
    payload = fields.Text(readonly=True)
    signature = fields.Char(readonly=True)
    processing_status = fields.Selection(
        [
            ("pending", "Pending"),
            ("processed", "Processed"),
            ("failed", "Failed"),
            ("ignored", "Ignored"),
        ],
        default="pending",
        required=True,
        index=True,
        readonly=True,
    )
    error_message = fields.Text(string="Error", readonly=True)
    processed_date = fields.Datetime(string="Processed On", readonly=True)

    _sql_constraints = [
        (
            "external_event_uniq",
            "unique(backend_id, external_event_id)",
            "This webhook delivery was already received.",
        ),
    ]

    def get_payload(self):
        """Return the payload decoded from JSON (an empty dict if there is none)."""
        self.ensure_one()
        return json.loads(self.payload or "{}")

    def process_webhook(self):
        """Hand each delivery to the ``process_webhook`` of its concrete backend.

        Processed deliveries are skipped, so a replayed job does nothing.
        """
        for webhook in self:
            if webhook.processing_status == "processed":
                continue
            backend = webhook.backend_id._get_concrete_backend()
            if backend is None:
                webhook.mark_as_failed(_("No connector backend found."))
                continue
            backend._in_backend_company().process_webhook(webhook)
        return True

    @api.model
    def _purge_before(self, base_backend, cutoff):
        """Delete the deliveries of ``base_backend`` received before ``cutoff``.

        Pending deliveries are kept: their job has not processed them yet.
        """
        webhooks = self.search(
            [
                ("backend_id", "=", base_backend.id),
                ("create_date", "<", cutoff),
                ("processing_status", "!=", "pending"),
            ]
        )
        webhooks.unlink()
        return len(webhooks)

    def _mark(self, status, message=None):
        self.write(
            {
                "processing_status": status,
                "processed_date": fields.Datetime.now(),
                "error_message": message or False,
            }
        )
        return True

    def mark_as_processed(self):
        return self._mark("processed")

    def mark_as_failed(self, message=None):
        return self._mark("failed", message)

    def mark_as_ignored(self, message=None):
        return self._mark("ignored", message)

    def action_requeue(self):
        """Set the deliveries back to pending and queue their processing again."""
        self.write(
            {
                "processing_status": "pending",
                "processed_date": False,
                "error_message": False,
            }
        )
        for webhook in self:
            webhook.with_delay(
                description=_("Process webhook %s", webhook.event_type)
            ).process_webhook()
        return True
