# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from .common import GenericConnectorCase


class TestRemoteDelete(GenericConnectorCase):
    """A record deleted on the backend is archived or unbound, never deleted."""

    def _bound_partner(self):
        binding = self._create_binding(external_id="42")
        return binding, binding.odoo_id

    def test_404_on_read_archives_the_bound_record(self):
        binding, partner = self._bound_partner()
        self.assertEqual(self.backend.remote_delete_action, "archive")
        with self.mock_api({}):
            message = self.Binding.import_record(self.backend, "42")
        self.assertIn("archived", message)
        self.assertFalse(binding.exists())
        self.assertTrue(partner.exists())
        self.assertFalse(partner.active)

    def test_unbind_setting_keeps_the_record_active(self):
        self.backend.remote_delete_action = "unbind"
        binding, partner = self._bound_partner()
        with self.mock_api({}):
            message = self.Binding.import_record(self.backend, "42")
        self.assertIn("unbound", message)
        self.assertFalse(binding.exists())
        self.assertTrue(partner.active)

    def test_404_of_an_unknown_record_is_skipped(self):
        count = self.env["res.partner"].search_count([])
        with self.mock_api({}):
            message = self.Binding.import_record(self.backend, "404")
        self.assertIn("skipped", message)
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_delete_webhook_archives(self):
        binding, partner = self._bound_partner()
        webhook = self.env["generic.webhook"].create(
            {
                "backend_id": self.base_backend.id,
                "event_type": "partner.deleted",
                "payload": json.dumps({"id": 42}),
            }
        )
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertFalse(fake.calls, "a delete event reads nothing")
        self.assertFalse(binding.exists())
        self.assertFalse(partner.active)

    def test_delete_webhook_of_an_unknown_record_does_nothing(self):
        webhook = self.env["generic.webhook"].create(
            {
                "backend_id": self.base_backend.id,
                "event_type": "partner.deleted",
                "payload": json.dumps({"id": 7}),
            }
        )
        webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
