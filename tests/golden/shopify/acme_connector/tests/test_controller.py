import json

from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import sign

URL = "/acme/webhook"
SECRET = "shared-app-secret"


@tagged("post_install", "-at_install")
class TestWebhookController(HttpCase):
    """The webhook endpoint over HTTP: shop routing, signature, status codes."""

    def setUp(self):
        super().setUp()
        Backend = self.env["acme.backend"]
        # two shops of one app: one client secret
        self.backend = Backend.create(
            {
                "name": "Shop A",
                "shop_domain": "shop-a.myshopify.com",
                "webhook_secret": SECRET,
            }
        )
        self.other = Backend.create(
            {
                "name": "Shop B",
                "shop_domain": "shop-b.myshopify.com",
                "webhook_secret": SECRET,
            }
        )

    def _post(self, body, shop, secret=SECRET, webhook_id="wh-http-1"):
        headers = {
            "Content-Type": "application/json",
            "X-Shopify-Topic": "customers/update",
            "X-Shopify-Shop-Domain": shop,
            "X-Shopify-Webhook-Id": webhook_id,
            "X-Shopify-Hmac-Sha256": sign(body, secret),
            "X-Shopify-API-Version": "2026-10",
        }
        return self.url_open(URL, data=body, headers=headers)

    def _webhooks(self, backend):
        return self.env["generic.webhook"].search(
            [("backend_id", "=", backend.base_backend_id.id)]
        )

    def test_routed_by_shop_domain(self):
        body = json.dumps({"id": 1, "email": "b@example.com"}).encode()
        with trap_jobs() as trap:
            response = self._post(body, "shop-b.myshopify.com")
            self.assertEqual(response.status_code, 200, response.text)
            self.assertEqual(response.json()["status"], "accepted")
            trap.assert_jobs_count(1)
        self.assertFalse(self._webhooks(self.backend))
        webhook = self._webhooks(self.other)
        self.assertEqual(webhook.event_type, "customers/update")
        self.assertEqual(webhook.external_event_id, "wh-http-1")

    def test_replay_under_another_webhook_id_is_a_duplicate(self):
        body = json.dumps({"id": 2}).encode()
        shop = "shop-a.myshopify.com"
        with trap_jobs() as trap:
            self.assertEqual(self._post(body, shop).json()["status"], "accepted")
            # the webhook id header is not signed: the signed body gives it away
            replay = self._post(body, shop, webhook_id="wh-http-2")
            self.assertEqual(replay.status_code, 200, replay.text)
            self.assertEqual(replay.json(), {"status": "duplicate"})
            trap.assert_jobs_count(1)
        self.assertEqual(len(self._webhooks(self.backend)), 1)

    def test_bad_signature_is_rejected(self):
        body = b'{"id": 1}'
        response = self._post(body, "shop-a.myshopify.com", secret="wrong-secret")
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self._webhooks(self.backend))

    def test_unknown_shop_is_rejected(self):
        response = self._post(b'{"id": 1}', "unknown.myshopify.com")
        self.assertEqual(response.status_code, 401)
