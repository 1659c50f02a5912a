import hashlib
import hmac
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

URL = "/acme/webhook"


@tagged("post_install", "-at_install")
class TestWebhookController(HttpCase):
    """The webhook endpoint over HTTP: raw body, signature, status codes."""

    def setUp(self):
        super().setUp()
        self.backend = self.env["acme.backend"].create(
            {
                "name": "Webhook test",
                "api_url": "https://api.example.test/v1",
                "webhook_secret": "controller-secret",
            }
        )

    def _post(self, body, secret="controller-secret", delivery_id="evt-http-1"):
        signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers = {
            "Content-Type": "application/json",
            "X-Webhook-Event": "test/event",
            "X-Webhook-Id": delivery_id,
            "X-Webhook-Signature": signature,
        }
        return self.url_open(URL, data=body, headers=headers)

    def _webhooks(self):
        return self.env["generic.webhook"].search(
            [("backend_id", "=", self.backend.base_backend_id.id)]
        )

    def test_valid_signature_is_accepted(self):
        body = json.dumps({"id": 1}).encode()
        with trap_jobs() as trap:
            response = self._post(body)
            self.assertEqual(response.status_code, 200, response.text)
            self.assertEqual(response.json()["status"], "accepted")
            trap.assert_jobs_count(1)
        webhook = self._webhooks()
        self.assertEqual(webhook.event_type, "test/event")
        self.assertEqual(webhook.external_event_id, "evt-http-1")

    def test_replay_under_another_delivery_id_is_a_duplicate(self):
        body = json.dumps({"id": 2}).encode()
        with trap_jobs() as trap:
            self.assertEqual(self._post(body).json()["status"], "accepted")
            # the id header is not signed: the signed body gives the replay away
            replay = self._post(body, delivery_id="evt-http-2")
            self.assertEqual(replay.status_code, 200, replay.text)
            self.assertEqual(replay.json(), {"status": "duplicate"})
            trap.assert_jobs_count(1)
        self.assertEqual(len(self._webhooks()), 1)

    def test_bad_signature_is_rejected(self):
        response = self._post(b'{"id": 1}', secret="wrong-secret")
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self._webhooks())
