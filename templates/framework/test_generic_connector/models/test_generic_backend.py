# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TestGenericBackend(models.Model):
    """Backend of a dummy REST API serving partners, as a generated one."""

    _name = "test.generic.backend"
    _inherit = "generic.backend"
    _description = "Generic Connector Test Backend"

    webhook_secret = fields.Char(groups="connector.group_connector_manager")

    def _get_sync_entities(self):
        return ["partners"]

    def sync_partners(self):
        return self._run_sync("partners")

    def _sync_partners_implementation(self):
        return self._import_since("test.generic.res.partner", "partners")

    def export_res_partner(self, record_ids):
        partners = self.env["res.partner"].browse(record_ids)
        return self._export_bindings("test.generic.res.partner", partners)

    def _webhook_job_channel(self):
        return "root.test_generic_connector"

    def _webhook_handlers(self):
        return {
            "partner.updated": ("test.generic.res.partner", "id"),
            "partner.deleted": ("test.generic.res.partner", "id", "delete"),
        }

    def _receive_webhook(self, headers, raw_body):
        """What the controller of a connector calls with the request."""
        self.ensure_one()
        signature = headers.get("X-Test-Signature")
        if not self._hmac_digest_matches(
            self.sudo().webhook_secret, raw_body, signature, encoding="hex"
        ):
            return 401, {"error": "invalid signature"}
        return self._store_webhook(
            headers.get("X-Test-Event"),
            headers.get("X-Test-Delivery"),
            raw_body,
            signature,
        )
