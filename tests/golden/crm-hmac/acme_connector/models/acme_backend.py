from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AcmeBackend(models.Model):
    """Connection to one Acme account.

    Authentication: HMAC-SHA256 request signing with a key id and a secret.

    The shared fields (name, company, sync history, webhooks) live on the
    delegated ``connector.base.backend`` row; the synchronization machinery
    comes from ``generic.backend``.
    """

    _name = "acme.backend"
    _inherit = "generic.backend"
    _description = "Acme Backend"

    #: how the webhook signature (header ``SIGNATURE_HEADER`` of
    #: controllers/main.py) encodes the HMAC-SHA256 of the raw body:
    #: ``"hex"`` or ``"base64"``
    _webhook_signature_encoding = "hex"

    api_url = fields.Char(
        required=True,
        help="Base address of the API, such as https://api.example.com/v1; "
        "endpoints are relative to it.",
    )
    hmac_key_id = fields.Char(
        string="HMAC Key ID", help="Identifies the key that signs the requests."
    )
    api_secret = fields.Char(
        string="API Secret",
        groups="connector.group_connector_manager",
        copy=False,
        help="Shared secret signing the requests (HMAC-SHA256).",
    )
    webhook_secret = fields.Char(
        groups="connector.group_connector_manager",
        copy=False,
        help="Shared secret of the HMAC-SHA256 signature of the webhooks.",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_webhook_url",
        help="Address to register on Acme for the webhooks.",
    )

    def _compute_webhook_url(self):
        for backend in self:
            base_url = backend.get_base_url()
            backend.webhook_url = "%s/acme/webhook" % base_url

    def _get_sync_entities(self):
        return [
            "leads",
            "contacts",
        ]

    def _test_connection_implementation(self):
        self.get_adapter().test_connection()

    def action_sync(self):
        """Queue one synchronization: ``sync_entity`` of the button context."""
        self.ensure_one()
        entity = self.env.context.get("sync_entity")
        if entity not in self._get_sync_entities():
            raise UserError(_("Unknown synchronization: %s", entity))
        self._check_can_sync()
        self._delay_sync(entity)
        return self._build_notification(
            _("Synchronization"),
            _(
                "%s: synchronization started in the background. Follow it in "
                "Sync Runs.",
                self._sync_entity_label(entity),
            ),
            "success",
        )

    def _webhook_handlers(self):
        return {
            "leads/create": ("acme.crm.lead", "id"),
            "leads/update": ("acme.crm.lead", "id"),
            "contacts/create": ("acme.res.partner", "id"),
            "contacts/update": ("acme.res.partner", "id"),
        }

    def _webhook_job_channel(self):
        # the imports the webhooks trigger share the channel of the connector
        # (data/queue_job_data.xml)
        return "root.acme"

    def _verify_webhook_signature(self, raw_body, signature):
        """Tell whether ``signature`` is the HMAC-SHA256 of ``raw_body``.

        The digest is encoded as ``_webhook_signature_encoding`` says, and
        compared in constant time by ``generic.backend``.
        """
        self.ensure_one()
        return self._hmac_digest_matches(
            self.sudo().webhook_secret,
            raw_body,
            signature,
            encoding=self._webhook_signature_encoding,
        )

    @api.model
    def _find_webhook_backend(self, raw_body, signature):
        """Return the active backend whose webhook secret signed ``raw_body``."""
        for backend in self.sudo().search([("webhook_secret", "!=", False)]):
            if backend._verify_webhook_signature(raw_body, signature):
                return backend
        return self.browse()

    def sync_leads(self):
        return self._run_sync("leads")

    def _sync_leads_implementation(self):
        return self._import_since(
            "acme.crm.lead",
            "leads.updated_since",
        )

    def sync_contacts(self):
        return self._run_sync("contacts")

    def _sync_contacts_implementation(self):
        return self._import_since(
            "acme.res.partner",
            "contacts.updated_since",
        )

    def export_res_partner(self, record_ids):
        """Entry point of the "Export to Connectors" wizard for these records."""
        records = self.env["res.partner"].browse(record_ids)
        return self._export_bindings("acme.res.partner", records)
