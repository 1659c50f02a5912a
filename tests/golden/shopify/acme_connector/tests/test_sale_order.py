from odoo.addons.connector.exception import MappingError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, answer, connection, money

BINDING = "acme.sale.order"
ORDER_ID = "gid://shopify/Order/3001"
CUSTOMER_ID = "gid://shopify/Customer/2001"
VARIANT_ID = "gid://shopify/ProductVariant/1001"
# an Order as GetOrder reads it (shape of the Admin API)
ORDER = {
    "id": ORDER_ID,
    "name": "#1001",
    "currencyCode": "EUR",
    "displayFinancialStatus": "PAID",
    "displayFulfillmentStatus": "UNFULFILLED",
    "cancelledAt": None,
    "updatedAt": "2026-12-01T10:00:00Z",
    "customer": {"id": CUSTOMER_ID},
    "currentSubtotalPriceSet": money("25.00"),
    "currentTotalTaxSet": money("0.00"),
    "currentTotalPriceSet": money("25.00"),
    "lineItems": connection(
        [
            {
                "id": "gid://shopify/LineItem/4001",
                "name": "Test Product",
                "sku": "TEST-SKU",
                "quantity": 2,
                "variant": {"id": VARIANT_ID},
                "originalUnitPriceSet": money("12.50"),
            }
        ]
    ),
}
CUSTOMER = {
    "id": CUSTOMER_ID,
    "firstName": "Test",
    "lastName": "Customer",
    "displayName": "Test Customer",
    "defaultEmailAddress": {"emailAddress": "test@example.com"},
    "defaultPhoneNumber": None,
    "defaultAddress": None,
}
VARIANT = {
    "id": VARIANT_ID,
    "title": "Default Title",
    "sku": "TEST-SKU",
    "barcode": None,
    "price": "12.50",
    "product": {"id": "gid://shopify/Product/1000", "title": "Test Product"},
    "inventoryItem": {"id": "gid://shopify/InventoryItem/1101"},
}
ANSWERS = {
    "GetOrder": answer({"order": ORDER}),
    "GetCustomer": answer({"customer": CUSTOMER}),
    "GetProductVariant": answer({"productVariant": VARIANT}),
    # the variant's product, imported with its variants
    "GetProduct": answer(
        {
            "product": {
                "id": "gid://shopify/Product/1000",
                "title": "Test Product",
                "status": "ACTIVE",
                "options": [],
                "variants": connection([dict(VARIANT, selectedOptions=[])]),
            }
        }
    ),
}


class TestAcmeSaleOrder(AcmeTestCase):
    """Orders: import of ``acme.sale.order``."""

    def _binding(self, external_id, model=BINDING):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def _adapter(self):
        return self.backend.get_adapter(model_name=BINDING)

    def _answers(self, order):
        return dict(ANSWERS, GetOrder=answer({"order": order}))

    def test_import_creates_then_updates(self):
        model = self.env["acme.sale.order"]
        with self.mock_api(ANSWERS):
            model.import_record(self.backend, ORDER_ID)
        binding = self._binding(ORDER_ID)
        self.assertEqual(len(binding), 1)
        self.assertEqual(binding.client_order_ref, "#1001")
        customer = self._binding(CUSTOMER_ID, "acme.res.partner")
        self.assertEqual(binding.partner_id, customer.odoo_id)
        line = binding.order_line
        self.assertEqual(len(line), 1)
        variant = self._binding(VARIANT_ID, "acme.product.product")
        self.assertEqual(line.product_id, variant.odoo_id)
        self.assertAlmostEqual(line.product_uom_qty, 2.0)
        self.assertAlmostEqual(line.price_unit, 12.5)
        with self.mock_api(ANSWERS):
            model.import_record(self.backend, ORDER_ID)
        self.assertEqual(self._binding(ORDER_ID), binding)
        self.assertEqual(len(binding.order_line), 1)

    def test_line_items_over_several_pages(self):
        nodes = ORDER["lineItems"]["nodes"]
        first = dict(ORDER, lineItems=connection(nodes, "c1", True))
        second_line = dict(nodes[0], id="gid://shopify/LineItem/4002", quantity=1)
        second = dict(ORDER, lineItems=connection([second_line], "c2", False))
        pages = [answer({"order": first}), answer({"order": second})]
        answers = dict(ANSWERS, GetOrder=pages)
        model = self.env["acme.sale.order"]
        with self.mock_api(answers) as fake:
            model.import_record(self.backend, ORDER_ID)
        self.assertEqual([v["after"] for v in fake.variables("GetOrder")], [None, "c1"])
        lines = self._binding(ORDER_ID).order_line
        self.assertEqual(sorted(lines.mapped("product_uom_qty")), [1.0, 2.0])

    def test_normalise_keeps_statuses_and_totals(self):
        adapter = self._adapter()
        values = adapter.normalise(ORDER)
        self.assertEqual(values["currency"], "EUR")
        self.assertEqual(values["financial_status"], "PAID")
        self.assertEqual(values["fulfillment_status"], "UNFULFILLED")
        self.assertAlmostEqual(values["total"], 25.0)
        self.assertEqual(values["line_items"][0]["product_id"], VARIANT_ID)

    def test_guest_order(self):
        answers = self._answers(dict(ORDER, customer=None))
        model = self.env["acme.sale.order"]
        with self.mock_api(answers), self.assertRaises(MappingError):
            model.import_record(self.backend, ORDER_ID)
        guest = self.env["res.partner"].create({"name": "Guest"})
        self.backend.guest_partner_id = guest
        with self.mock_api(answers):
            model.import_record(self.backend, ORDER_ID)
        self.assertEqual(self._binding(ORDER_ID).partner_id, guest)

    def test_sync_filters_by_update_date(self):
        checkpoint, since = "orders.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = answer({"orders": connection([{"id": ORDER_ID}])})
        with self.mock_api({"ListOrders": page}) as fake, trap_jobs() as trap:
            self.backend.sync_orders()
            only = self.env["acme.sale.order"].import_record
            trap.assert_jobs_count(1, only=only)
        variables = fake.variables("ListOrders")[0]
        self.assertEqual(variables["query"], "updated_at:>'2024-01-02T03:04:05Z'")
