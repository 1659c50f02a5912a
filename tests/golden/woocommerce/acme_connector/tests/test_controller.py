import json

from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from . import payloads
from .common import STORE_URL, sign

URL = "/acme/webhook"
SECRET = "shared-secret"
USER_AGENT = "WooCommerce/8.5.0 Hookshot (WordPress/6.4.2)"


@tagged("post_install", "-at_install")
class TestWebhookController(HttpCase):
    """The webhook endpoint over HTTP, with the requests WooCommerce sends."""

    def setUp(self):
        super().setUp()
        Backend = self.env["acme.backend"]
        # two stores sharing one webhook secret
        self.backend = Backend.create(
            {"name": "Store", "store_url": STORE_URL, "webhook_secret": SECRET}
        )
        self.other = Backend.create(
            {
                "name": "Other store",
                "store_url": "https://other.example.com",
                "webhook_secret": SECRET,
            }
        )

    def _deliver(self, body, source=STORE_URL + "/", secret=SECRET, delivery="d-1"):
        # the headers of WC_Webhook::deliver()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-WC-Webhook-Source": source,
            "X-WC-Webhook-Topic": "order.updated",
            "X-WC-Webhook-Resource": "order",
            "X-WC-Webhook-Event": "updated",
            "X-WC-Webhook-Signature": sign(body, secret),
            "X-WC-Webhook-ID": "12",
            "X-WC-Webhook-Delivery-ID": delivery,
        }
        return self.url_open(URL, data=body, headers=headers)

    def _webhooks(self, backend=None):
        return self.env["generic.webhook"].search(
            [("backend_id", "=", (backend or self.backend).base_backend_id.id)]
        )

    def test_ping_is_answered_and_nothing_is_queued(self):
        # WC_Webhook::deliver_ping(): unsigned, the body webhook_id=<id>, sent
        # as a form; the raw body is checked as well
        for headers in (
            {"User-Agent": USER_AGENT},
            {
                "User-Agent": USER_AGENT,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        ):
            with trap_jobs() as trap:
                response = self.url_open(URL, data=b"webhook_id=12", headers=headers)
                self.assertEqual(response.status_code, 200, response.text)
                trap.assert_jobs_count(0)
        self.assertFalse(self._webhooks() | self._webhooks(self.other))

    def test_unsigned_request_that_is_no_ping_is_rejected(self):
        response = self.url_open(URL, data=b'{"id": 1}', headers={})
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self._webhooks())

    def test_signed_delivery_is_stored_for_its_store(self):
        body = json.dumps(payloads.ORDER).encode()
        with trap_jobs() as trap:
            response = self._deliver(body, source="https://other.example.com/")
            self.assertEqual(response.status_code, 200, response.text)
            self.assertEqual(response.json()["status"], "accepted")
            trap.assert_jobs_count(1)
        self.assertFalse(self._webhooks())
        webhook = self._webhooks(self.other)
        self.assertEqual(webhook.event_type, "order.updated")
        self.assertTrue(webhook.external_event_id.startswith("d-1-"))

    def test_deliveries_sharing_a_delivery_id_are_kept_apart(self):
        # WooCommerce's delivery id is the webhook id and the current second
        first = json.dumps(payloads.ORDER).encode()
        second = json.dumps(payloads.GUEST_ORDER).encode()
        with trap_jobs() as trap:
            for body in (first, second, first):
                response = self._deliver(body, delivery="same-second")
                self.assertEqual(response.status_code, 200, response.text)
            trap.assert_jobs_count(2)
        self.assertEqual(len(self._webhooks()), 2)

    def test_bad_signature_is_rejected(self):
        response = self._deliver(b'{"id": 1}', secret="wrong-secret")
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self._webhooks())
