import hashlib
import hmac
import json

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase
from .test_crm_lead import RECORD, ROUTES


def sign(body, secret="test-webhook-secret"):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class TestWebhook(AcmeTestCase):
    """Signature check, storage, deduplication and processing of webhooks."""

    def _webhooks(self, event_id):
        return self.env["generic.webhook"].search(
            [
                ("backend_id", "=", self.backend.base_backend_id.id),
                ("external_event_id", "=", event_id),
            ]
        )

    def test_signature(self):
        body = b'{"id": 1}'
        Backend = self.env["acme.backend"]
        self.assertTrue(self.backend._verify_webhook_signature(body, sign(body)))
        self.assertEqual(Backend._find_webhook_backend(body, sign(body)), self.backend)
        for bad_signature in (sign(body, "wrong-secret"), sign(b"{}"), "", "é"):
            self.assertFalse(
                self.backend._verify_webhook_signature(body, bad_signature)
            )
            self.assertFalse(Backend._find_webhook_backend(body, bad_signature))

    def test_store_deduplicate_and_process(self):
        body = json.dumps(RECORD).encode()
        event = "leads/create"
        with trap_jobs() as trap:
            status, __ = self.backend._store_webhook(event, "evt-1", body, sign(body))
            self.assertEqual(status, 200)
            webhook = self._webhooks("evt-1")
            self.assertEqual(len(webhook), 1)
            trap.assert_jobs_count(1, only=webhook.process_webhook)
            # a second delivery of the same event is acknowledged, not stored
            status, __ = self.backend._store_webhook(event, "evt-1", body, sign(body))
            self.assertEqual(status, 200)
            self.assertEqual(len(self._webhooks("evt-1")), 1)
        with self.mock_api(ROUTES):
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        binding = self.env["acme.crm.lead"].search(
            [
                ("backend_id", "=", self.backend.id),
                ("external_id", "=", "1001"),
            ]
        )
        self.assertEqual(len(binding), 1)

    def test_replayed_body_under_a_new_delivery_id_is_a_duplicate(self):
        body = b'{"id": 1}'
        with trap_jobs() as trap:
            self.backend._store_webhook("unknown/event", "evt-4", body, sign(body))
            # the delivery id is not signed: a replay is found by its body digest
            status, answer = self.backend._store_webhook(
                "unknown/event", "evt-5", body, sign(body)
            )
            trap.assert_jobs_count(1)
        self.assertEqual((status, answer), (200, {"status": "duplicate"}))
        self.assertFalse(self._webhooks("evt-5"))

    def test_processing_runs_on_the_connector_channel(self):
        body = b'{"id": 1}'
        # the channel record of data/queue_job_data.xml
        module = "acme_connector"
        channel = self.env.ref(module + ".channel_acme")
        with trap_jobs() as trap:
            self.backend._store_webhook("unknown/event", "evt-3", body, sign(body))
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].channel, channel.complete_name)

    def test_unknown_event_is_ignored(self):
        body = b'{"id": 1}'
        with trap_jobs():
            self.backend._store_webhook("unknown/event", "evt-2", body, sign(body))
        webhook = self._webhooks("evt-2")
        webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "ignored")
