import base64
import json

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, sign
from .test_res_partner import ANSWERS as CUSTOMER_ANSWERS
from .test_res_partner import CUSTOMER_ID
from .test_product_product import ANSWERS as PRODUCT_ANSWERS
from .test_product_product import PRODUCT_ID, VARIANT_ID

# webhook bodies are REST-shaped: numeric ids plus admin_graphql_api_id
PRODUCT_BODY = {
    "id": 1000,
    "admin_graphql_api_id": PRODUCT_ID,
    "title": "Test Product",
    "status": "active",
    "updated_at": "2026-12-01T10:00:00-05:00",
    "variants": [
        {
            "id": 1001,
            "product_id": 1000,
            "title": "Default Title",
            "price": "12.50",
            "sku": "TEST-SKU",
            "inventory_item_id": 1101,
            "admin_graphql_api_id": VARIANT_ID,
        }
    ],
}
CUSTOMER_BODY = {
    "id": 2001,
    "email": "test@example.com",
    "first_name": "Test",
    "last_name": "Customer",
    "updated_at": "2026-12-01T10:00:00-05:00",
    "admin_graphql_api_id": CUSTOMER_ID,
}
SHOP_BODY = {
    "id": 548380009,
    "name": "Test Shop",
    "domain": "shop.example.com",
    "myshopify_domain": "test-shop.myshopify.com",
}


def raw(payload):
    return json.dumps(payload).encode()


class TestWebhook(AcmeTestCase):
    """Routing, signature, de-duplication and processing of webhooks."""

    def _webhooks(self, webhook_id, backend=None):
        return self.env["generic.webhook"].search(
            [
                ("backend_id", "=", (backend or self.backend).base_backend_id.id),
                ("external_event_id", "=", webhook_id),
            ]
        )

    def _deliver(self, topic, payload, webhook_id):
        body = raw(payload)
        with trap_jobs():
            status, __ = self.backend._store_webhook(
                topic, webhook_id, body, sign(body)
            )
        self.assertEqual(status, 200)
        return self._webhooks(webhook_id)

    def test_signature_is_the_base64_hmac_of_the_raw_body(self):
        body = b'{"id": 1}'
        Backend = self.env["acme.backend"]
        domain = self.backend.shop_domain
        self.assertTrue(self.backend._verify_webhook_signature(body, sign(body)))
        self.assertEqual(
            Backend._find_webhook_backend(domain, body, sign(body)), self.backend
        )
        hex_digest = base64.b64decode(sign(body)).hex()
        for bad in (sign(body, "wrong-secret"), sign(b"{}"), hex_digest, "", "é"):
            self.assertFalse(self.backend._verify_webhook_signature(body, bad))
            self.assertFalse(Backend._find_webhook_backend(domain, body, bad))

    def test_shops_sharing_a_secret_are_routed_by_domain(self):
        Backend = self.env["acme.backend"]
        other = Backend.create(
            {
                "name": "Other shop",
                "shop_domain": "other-shop.myshopify.com",
                "webhook_secret": self.backend.webhook_secret,
            }
        )
        body = b'{"id": 1}'
        signature = sign(body)
        find = Backend._find_webhook_backend
        self.assertEqual(find("other-shop.myshopify.com", body, signature), other)
        self.assertEqual(find(self.backend.shop_domain, body, signature), self.backend)
        # no domain, or a domain no backend connects: nobody
        self.assertFalse(find(None, body, signature))
        self.assertFalse(find("nobody.myshopify.com", body, signature))

    def test_duplicate_webhook_id_is_ignored(self):
        body = raw(SHOP_BODY)
        with trap_jobs() as trap:
            for __ in range(2):
                status, reply = self.backend._store_webhook(
                    "shop/update", "wh-dup", body, sign(body)
                )
                self.assertEqual(status, 200)
            self.assertEqual(reply["status"], "duplicate")
            trap.assert_jobs_count(1)
        self.assertEqual(len(self._webhooks("wh-dup")), 1)

    def test_product_webhook_imports_the_product(self):
        webhook = self._deliver("products/update", PRODUCT_BODY, "wh-product")
        with self.mock_api(PRODUCT_ANSWERS) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        # one read of the product brings all its variants
        self.assertEqual(fake.operations(), ["GetProduct"])
        binding = self.env["acme.product.product"].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", VARIANT_ID)]
        )
        self.assertEqual(len(binding), 1)

    def test_product_deletion_archives_the_bound_template(self):
        template = self.env["product.template"].create({"name": "Deleted Product"})
        binding = (
            self.env["acme.product.template"]
            .with_context(connector_no_export=True)
            .create(
                {
                    "backend_id": self.backend.id,
                    "odoo_id": template.id,
                    "external_id": "gid://shopify/Product/1000",
                }
            )
        )
        # the body of a deletion holds the REST id only: the gid is built
        webhook = self._deliver("products/delete", {"id": 1000}, "wh-delete")
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertFalse(fake.calls)
        self.assertFalse(binding.exists())
        self.assertFalse(template.active)

    def test_customer_webhook_imports_by_graphql_id(self):
        webhook = self._deliver("customers/update", CUSTOMER_BODY, "wh-customer")
        with self.mock_api(CUSTOMER_ANSWERS) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertEqual(fake.variables("GetCustomer"), [{"id": CUSTOMER_ID}])

    def test_app_uninstalled_disables_the_backend(self):
        webhook = self._deliver("app/uninstalled", SHOP_BODY, "wh-uninstalled")
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertFalse(fake.calls)
        self.assertEqual(self.backend.state, "error")
        self.assertTrue(self.backend.app_uninstalled)
        self.assertIn("uninstalled", self.backend.last_error)

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

    def test_deleted_customer_is_archived_and_unbound(self):
        partner = self.env["res.partner"].create({"name": "Deleted Customer"})
        binding = (
            self.env["acme.res.partner"]
            .with_context(connector_no_export=True)
            .create(
                {
                    "backend_id": self.backend.id,
                    "odoo_id": partner.id,
                    "external_id": "gid://shopify/Customer/4242",
                }
            )
        )
        # a deletion's body: the record's id, nothing to read from the API
        body = b'{"id": 4242}'
        event = "customers/delete"
        with trap_jobs():
            self.backend._store_webhook(event, "evt-deleted", body, sign(body))
        webhook = self._webhooks("evt-deleted")
        webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertFalse(binding.exists())
        # archived (the backend's default), never deleted
        self.assertFalse(partner.active)
