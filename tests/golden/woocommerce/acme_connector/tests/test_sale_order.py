from odoo.addons.connector.exception import MappingError
from odoo.addons.queue_job.tests.common import trap_jobs

from ..components.sale_order import order_values
from . import payloads
from .common import AcmeTestCase, wc_page

MODEL = "acme.sale.order"
ROUTES = {
    ("GET", "/orders/727"): payloads.ORDER,
    ("GET", "/orders/728"): payloads.GUEST_ORDER,
    ("GET", "/customers/25"): payloads.CUSTOMER,
    ("GET", "/products/93"): payloads.SIMPLE,
    ("GET", "/products/22"): payloads.VARIABLE,
    ("GET", "/products/22/variations"): wc_page(payloads.VARIATIONS),
}


class TestAcmeSaleOrder(AcmeTestCase):
    """Orders: lines by product or variation, guest orders."""

    def _product(self, external_id):
        binding = self._binding("acme.product.product", external_id)
        return binding.odoo_id

    def test_import_with_a_variation_line(self):
        with self.mock_api(ROUTES):
            self.env[MODEL].import_record(self.backend, "727")
        binding = self._binding(MODEL, 727)
        self.assertEqual(len(binding), 1)
        self.assertEqual(binding.client_order_ref, "727")
        customer = self._binding("acme.res.partner", 25)
        self.assertEqual(binding.partner_id, customer.odoo_id)
        lines = binding.order_line.sorted("price_unit")
        self.assertEqual(lines.product_id, self._product(93) | self._product(23))
        simple, variation = lines
        self.assertEqual(simple.product_id, self._product(93))
        self.assertAlmostEqual(simple.product_uom_qty, 2)
        self.assertAlmostEqual(simple.price_unit, 3.0)
        # the line of variation 23 is the variation's product, not product 22's
        self.assertEqual(variation.product_id, self._product(23))
        self.assertAlmostEqual(variation.product_uom_qty, 1)
        self.assertAlmostEqual(variation.price_unit, 12.0)
        # a second import updates the order and keeps its lines
        with self.mock_api(ROUTES):
            self.env[MODEL].import_record(self.backend, "727")
        self.assertEqual(self._binding(MODEL, 727), binding)
        self.assertEqual(len(binding.order_line), 2)

    def test_guest_order(self):
        # customer_id 0: a guest checkout
        with self.mock_api(ROUTES), self.assertRaises(MappingError):
            self.env[MODEL].import_record(self.backend, "728")
        self.assertFalse(self._binding(MODEL, 728))
        guest = self.env["res.partner"].create({"name": "WooCommerce guests"})
        self.backend.guest_partner_id = guest
        with self.mock_api(ROUTES) as fake:
            self.env[MODEL].import_record(self.backend, "728")
        self.assertEqual(self._binding(MODEL, 728).partner_id, guest)
        self.assertNotIn("/wp-json/wc/v3/customers/0", fake.paths())

    def test_order_values_keep_the_other_lines(self):
        values = order_values(payloads.ORDER)
        self.assertEqual(values["currency"], "USD")
        self.assertFalse(values["prices_include_tax"])
        self.assertEqual(values["status"], "processing")
        self.assertEqual(values["line_items"][1]["product_ref"], 23)
        self.assertEqual(values["line_items"][0]["product_ref"], 93)
        self.assertEqual(values["shipping_lines"][0]["method_id"], "flat_rate")
        self.assertEqual(values["fee_lines"][0]["total"], "2.00")
        self.assertEqual(values["coupon_lines"][0]["code"], "spring")
        self.assertEqual(values["tax_lines"][0]["rate_id"], 75)
        self.assertFalse(order_values(payloads.GUEST_ORDER)["customer_id"])

    def test_sync_reads_every_page_since_the_checkpoint(self):
        checkpoint, since = "orders.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        routes = {
            ("GET", "/orders"): [
                wc_page([payloads.ORDER], total_pages=2, total=2),
                wc_page([payloads.GUEST_ORDER], total_pages=2, total=2),
            ],
        }
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_orders()
            # one page per job: the last one moves the checkpoint
            self.assertEqual(self.backend._get_checkpoint(checkpoint), since)
            trap.assert_jobs_count(1, only=self.backend.import_page)
            trap._filtered_enqueued_jobs(self.backend.import_page)[0].perform()
            trap.assert_jobs_count(2, only=self.env[MODEL].import_record)
        params = [kwargs["params"] for __, __, kwargs in fake.calls]
        self.assertEqual([page.get("page", 1) for page in params], [1, 2])
        self.assertEqual(params[1]["modified_after"], "2024-01-02T03:04:05")
        self.assertEqual(params[1]["dates_are_gmt"], "true")
