import hashlib
import hmac
import json

from odoo.addons.queue_job.tests.common import trap_jobs

from . import payloads
from .common import (
    STORE_URL,
    WEBHOOK_SECRET,
    AcmeTestCase,
    wc_page,
    sign,
)

OTHER_STORE = "https://other.example.com"


class TestWebhook(AcmeTestCase):
    """Signatures, store routing, storage and processing of WooCommerce webhooks."""

    def _webhooks(self, event_id):
        return self.env["generic.webhook"].search(
            [
                ("backend_id", "=", self.backend.base_backend_id.id),
                ("external_event_id", "=", event_id),
            ]
        )

    def _store(self, topic, event_id, payload):
        body = json.dumps(payload).encode()
        return self.backend._store_webhook(topic, event_id, body, sign(body))

    def test_signature_is_the_base64_hmac_of_the_raw_body(self):
        body = json.dumps(payloads.CUSTOMER).encode()
        self.assertTrue(self.backend._verify_webhook_signature(body, sign(body)))
        hex_digest = hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
        for bad_signature in (
            sign(body, "wrong-secret"),
            sign(body + b" "),
            hex_digest,
            "",
            "é",
        ):
            self.assertFalse(
                self.backend._verify_webhook_signature(body, bad_signature)
            )

    def test_stores_sharing_a_secret_are_routed_by_source(self):
        Backend = self.env["acme.backend"]
        other = Backend.create(
            {
                "name": "Other store",
                "store_url": OTHER_STORE,
                "webhook_secret": WEBHOOK_SECRET,
            }
        )
        body = json.dumps(payloads.ORDER).encode()
        find = Backend._find_store_webhook_backend
        self.assertEqual(find(body, sign(body), OTHER_STORE + "/"), other)
        self.assertEqual(find(body, sign(body), STORE_URL + "/"), self.backend)
        # URLs are compared without case nor trailing slash
        upper_case = "HTTPS://Shop.Example.com"
        self.assertEqual(find(body, sign(body), upper_case), self.backend)
        # a store no backend names is not given to the backend of another store
        self.assertFalse(find(body, sign(body), "https://unknown.example.com/"))
        # unless a backend without a Store URL has its secret
        legacy = Backend.create({"name": "Legacy", "webhook_secret": "legacy-secret"})
        unknown = "https://unknown.example.com/"
        self.assertEqual(find(body, sign(body, "legacy-secret"), unknown), legacy)
        self.assertFalse(find(body, sign(body, "wrong-secret"), OTHER_STORE + "/"))

    def test_duplicate_delivery_is_stored_once(self):
        with trap_jobs() as trap:
            status, __ = self._store("customer.updated", "d-1", payloads.CUSTOMER)
            self.assertEqual(status, 200)
            status, body = self._store("customer.updated", "d-1", payloads.CUSTOMER)
            self.assertEqual((status, body["status"]), (200, "duplicate"))
            webhook = self._webhooks("d-1")
            self.assertEqual(len(webhook), 1)
            trap.assert_jobs_count(1, only=webhook.process_webhook)

    def test_deleted_order_is_ignored(self):
        # an order's history stays in Odoo
        with trap_jobs():
            self._store("order.deleted", "d-2", {"id": 727})
        webhook = self._webhooks("d-2")
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "ignored")
        self.assertFalse(fake.calls)

    def test_processing_runs_on_the_connector_channel(self):
        # the channel record of data/queue_job_data.xml
        module = "acme_connector"
        channel = self.env.ref(module + ".channel_acme")
        with trap_jobs() as trap:
            self._store("order.updated", "d-3", {"id": 727})
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].channel, channel.complete_name)

    def test_deleted_product_archives_the_bound_template(self):
        template = self.env["product.template"].create({"name": "Deleted Product"})
        binding = (
            self.env["acme.product.template"]
            .with_context(connector_no_export=True)
            .create(
                {
                    "backend_id": self.backend.id,
                    "odoo_id": template.id,
                    "external_id": "93",
                }
            )
        )
        # a deletion carries the id only: nothing is read
        with trap_jobs():
            self._store("product.deleted", "d-6", {"id": 93})
        webhook = self._webhooks("d-6")
        with self.mock_api({}) as fake:
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        self.assertFalse(fake.calls)
        self.assertFalse(binding.exists())
        self.assertFalse(template.active)

    def test_product_updated_imports_the_product(self):
        with trap_jobs():
            self._store("product.updated", "d-4", payloads.SIMPLE)
        webhook = self._webhooks("d-4")
        with self.mock_api({("GET", "/products/93"): payloads.SIMPLE}):
            webhook.process_webhook()
        self.assertEqual(webhook.processing_status, "processed")
        binding = self._binding("acme.product.product", 93)
        self.assertEqual(binding.name, "Woo Single")

    def test_variable_product_updated_imports_its_variations(self):
        with trap_jobs():
            self._store("product.updated", "d-5", payloads.VARIABLE)
        routes = {
            ("GET", "/products/22"): payloads.VARIABLE,
            ("GET", "/products/22/variations"): wc_page(payloads.VARIATIONS),
        }
        with self.mock_api(routes):
            self._webhooks("d-5").process_webhook()
        products = "acme.product.product"
        self.assertTrue(self._binding(products, 23))
        self.assertTrue(self._binding(products, 24))
        self.assertFalse(self._binding(products, 22))
