# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json
import time
from datetime import timedelta
from unittest import mock

from odoo import fields

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase, make_response

PARTNER = {"id": 42, "name": "Alice", "email": "alice@example.test"}


class TestWebhook(GenericConnectorCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Webhook = cls.env["generic.webhook"]

    def _deliver(self, payload, event="partner.updated", delivery="d-1", secret=None):
        body = json.dumps(payload).encode()
        secret = (secret or "hook-secret").encode()
        headers = {
            "X-Test-Signature": hmac.new(secret, body, hashlib.sha256).hexdigest(),
            "X-Test-Event": event,
            "X-Test-Delivery": delivery,
        }
        return self.backend._receive_webhook(headers, body)

    def _stored(self, payload, **kwargs):
        with trap_jobs():
            __, body = self._deliver(payload, **kwargs)
        return self.Webhook.browse(body["webhook_id"])

    def test_bad_signature_stores_nothing(self):
        status, body = self._deliver({"id": 42}, secret="wrong")
        self.assertEqual(status, 401)
        self.assertFalse(
            self.Webhook.search([("backend_id", "=", self.base_backend.id)])
        )

    def test_delivery_is_stored_once_and_queued(self):
        with trap_jobs() as trap:
            status, body = self._deliver({"id": 42})
            self.assertEqual((status, body["status"]), (200, "accepted"))
            webhook = self.Webhook.browse(body["webhook_id"])
            trap.assert_enqueued_job(webhook.process_webhook)
            status, body = self._deliver({"id": 42})
            self.assertEqual((status, body), (200, {"status": "duplicate"}))
            trap.assert_jobs_count(1)
        self.assertRecordValues(
            webhook,
            [
                {
                    "backend_id": self.base_backend.id,
                    "event_type": "partner.updated",
                    "external_event_id": "d-1",
                    "processing_status": "pending",
                }
            ],
        )
        self.assertEqual(webhook.get_payload(), {"id": 42})
        self.assertEqual(self.base_backend.webhook_pending_count, 1)

    def test_processing_runs_on_the_channel_of_the_backend(self):
        channel = self.env.ref("test_generic_connector.channel_test_generic_connector")
        with trap_jobs() as trap:
            self._deliver({"id": 42})
            self.assertEqual(trap.enqueued_jobs[0].channel, channel.complete_name)
        # by default, the channel of the job function
        self.assertIsNone(self.env["generic.backend"]._webhook_job_channel())
        default = self.env.ref("generic_connector.channel_generic_connector")
        with trap_jobs() as trap:
            with mock.patch.object(
                type(self.backend), "_webhook_job_channel", return_value=None
            ):
                self._deliver({"id": 43}, delivery="d-2")
            self.assertEqual(trap.enqueued_jobs[0].channel, default.complete_name)

    def test_processing_imports_the_record(self):
        webhook = self._stored({"id": 42})
        with self.mock_api({("GET", "/partners/42"): PARTNER}):
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertTrue(webhook.processed_date)
        binding = self.Binding.search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", "42")]
        )
        self.assertEqual(binding.name, "Alice")
        # a processed delivery is not processed twice
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertFalse(fake.calls)

    def test_unknown_event_is_ignored(self):
        webhook = self._stored({"id": 42}, event="app.uninstalled", delivery="d-2")
        webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "ignored")
        self.assertIn("app.uninstalled", webhook.error_message)

    def test_missing_key_fails(self):
        webhook = self._stored({"name": "no id"}, delivery="d-3")
        webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "failed")

    def test_failed_import_then_requeue(self):
        webhook = self._stored({"id": 400}, delivery="d-4")
        refused = make_response(400, {"error": "invalid record"})
        with self.mock_api({("GET", "/partners/400"): refused}):
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "failed")
        self.assertIn("400", webhook.error_message)
        self.assertEqual(self.base_backend.webhook_failed_count, 1)
        with trap_jobs() as trap:
            webhook.action_requeue()
            trap.assert_enqueued_job(webhook.process_webhook)
        self.assertEqual(webhook.processing_status, "pending")
        self.assertFalse(webhook.error_message)

    def test_retryable_error_keeps_the_delivery_pending(self):
        webhook = self._stored({"id": 42}, delivery="d-5")
        with self.mock_api({("GET", "/partners/42"): make_response(503, {})}):
            with self.assertRaises(RetryableJobError):
                webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "pending")

    def test_delivery_without_event_id_is_stored(self):
        with trap_jobs():
            status, body = self.backend._store_webhook(
                "partner.updated", None, b'{"id": 1}', None
            )
        self.assertEqual(status, 200)
        webhook = self.Webhook.browse(body["webhook_id"])
        self.assertFalse(webhook.external_event_id)

    def _count(self):
        return self.Webhook.search_count([("backend_id", "=", self.base_backend.id)])

    def test_replay_with_a_new_delivery_id_is_a_duplicate(self):
        # the delivery id is a header the signature does not cover: a signed
        # body sent again with another id is recognised by its digest
        with trap_jobs() as trap:
            __, first = self._deliver({"id": 42}, delivery="d-1")
            for delivery in ("d-2", "d-3", None):
                status, body = self._deliver({"id": 42}, delivery=delivery)
                self.assertEqual((status, body), (200, {"status": "duplicate"}))
            trap.assert_jobs_count(1)
        self.assertEqual(self._count(), 1)
        webhook = self.Webhook.browse(first["webhook_id"])
        raw_body = json.dumps({"id": 42}).encode()
        self.assertEqual(webhook.body_digest, hashlib.sha256(raw_body).hexdigest())

    def test_known_delivery_id_with_another_body_is_a_duplicate(self):
        # a platform that names its deliveries (X-Shopify-Webhook-Id) resends
        # one with the same id
        with trap_jobs():
            self._deliver({"id": 42}, delivery="d-1")
            status, body = self._deliver({"id": 42, "retry": 1}, delivery="d-1")
        self.assertEqual((status, body), (200, {"status": "duplicate"}))
        self.assertEqual(self._count(), 1)

    def test_delivery_without_id_is_deduplicated_on_its_body(self):
        with trap_jobs():
            for __ in range(2):
                status, body = self.backend._store_webhook(
                    "partner.updated", None, b'{"id": 7}', None
                )
            self.assertEqual(body, {"status": "duplicate"})
            status, body = self.backend._store_webhook(
                "partner.updated", None, b'{"id": 8}', None
            )
            self.assertEqual(body["status"], "accepted")
        self.assertEqual(self._count(), 2)

    def test_same_body_after_the_replay_window_is_a_new_delivery(self):
        webhook = self._stored({"id": 42}, delivery="d-1")
        window = self.backend._webhook_replay_window
        old = fields.Datetime.now() - timedelta(seconds=window + 60)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE generic_webhook SET create_date = %s WHERE id = %s",
            (old, webhook.id),
        )
        self.Webhook.invalidate_model(["create_date"])
        with trap_jobs():
            status, body = self._deliver({"id": 42}, delivery="d-2")
        self.assertEqual(body["status"], "accepted")
        self.assertEqual(self._count(), 2)

    def test_signed_timestamp_is_part_of_the_key_and_must_be_fresh(self):
        raw_body = b'{"id": 5}'
        now = int(time.time())

        def store(timestamp, delivery=None):
            return self.backend._store_webhook(
                "partner.updated", delivery, raw_body, "sig", signed_timestamp=timestamp
            )

        with trap_jobs() as trap:
            self.assertEqual(store(now)[1]["status"], "accepted")
            # the same signed timestamp and body: a replay, whatever its id
            self.assertEqual(store(now, "new-id")[1], {"status": "duplicate"})
            # the same body signed at another time: another delivery
            self.assertEqual(store(now - 10)[1]["status"], "accepted")
            trap.assert_jobs_count(2)
            tolerance = self.backend._webhook_timestamp_tolerance
            for stale in (now - tolerance - 5, now + tolerance + 5, "soon", ""):
                with self.subTest(timestamp=stale):
                    status, body = store(stale, "d-%s" % stale)
                    self.assertEqual(status, 400)
                    self.assertIn("error", body)
            trap.assert_jobs_count(2)
        self.assertEqual(self._count(), 2)
        digests = self.Webhook.search(
            [("backend_id", "=", self.base_backend.id)]
        ).mapped("body_digest")
        expected = hashlib.sha256(b"%d.%s" % (now, raw_body)).hexdigest()
        self.assertIn(expected, digests)
