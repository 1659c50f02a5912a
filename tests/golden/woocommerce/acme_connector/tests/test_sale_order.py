import copy

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
    """Orders: lines by product or variation, taxes, shipping, fees and
    coupons as WooCommerce charged them; statuses; guest orders."""

    def setUp(self):
        super().setUp()
        self._order_settings()
        # the orders of the payloads are in USD
        self.usd = self.env.ref("base.USD")
        self.usd.active = True

    def _product(self, external_id):
        binding = self._binding("acme.product.product", external_id)
        return binding.odoo_id

    def _import(self, order_id, order=None):
        routes = dict(ROUTES)
        if order is not None:
            routes[("GET", "/orders/%s" % order_id)] = order
        with self.mock_api(routes) as fake:
            self.env[MODEL].import_record(self.backend, str(order_id))
        self.fake = fake
        return self._binding(MODEL, order_id)

    def _items(self, binding):
        return binding.order_line.filtered(
            lambda line: line.connector_line_ref.startswith("line:")
        ).sorted("connector_line_ref")

    def test_import_with_a_variation_line(self):
        binding = self._import(727)
        self.assertEqual(len(binding), 1)
        self.assertEqual(binding.client_order_ref, "727")
        customer = self._binding("acme.res.partner", 25)
        self.assertEqual(binding.partner_id, customer.odoo_id)
        simple, variation = self._items(binding)
        self.assertEqual(simple.product_id, self._product(93))
        self.assertAlmostEqual(simple.product_uom_qty, 2)
        self.assertAlmostEqual(simple.price_unit, 3.0)
        # the line of variation 23 is the variation's product, not product 22's
        self.assertEqual(variation.product_id, self._product(23))
        self.assertAlmostEqual(variation.product_uom_qty, 1)
        self.assertAlmostEqual(variation.price_unit, 12.0)
        # a second import updates the order and keeps its lines
        lines = binding.order_line
        self._import(727)
        self.assertEqual(self._binding(MODEL, 727), binding)
        self.assertEqual(binding.order_line, lines)

    def test_tax_excluded_order_with_shipping_fee_and_coupon(self):
        binding = self._import(727)
        self.assertEqual(binding.currency_id, self.usd)
        self.assertEqual(binding.pricelist_id.currency_id, self.usd)
        self.assertAlmostEqual(binding.amount_untaxed, 28.0)
        self.assertAlmostEqual(binding.amount_tax, 1.2)
        self.assertAlmostEqual(binding.amount_total, 29.2)
        self.assertFalse(binding.review_needed, binding.review_reason)
        self.assertEqual(self._items(binding).tax_id, self.tax_7_5)
        refs = sorted(binding.order_line.mapped("connector_line_ref"))
        self.assertEqual(
            refs,
            [
                "discount:%s" % self.tax_7_5.id,
                "fee:319",
                "line:315",
                "line:316",
                "shipping:317",
            ],
        )
        discount = binding.order_line.filtered(
            lambda line: line.product_id == self.backend.discount_product_id
        )
        self.assertAlmostEqual(discount.price_unit, -2.0)
        self.assertIn("spring", discount.name)

    def test_tax_included_order(self):
        binding = self._import(729, payloads.tax_included_order())
        self.assertAlmostEqual(binding.amount_total, 30.0)
        self.assertAlmostEqual(binding.amount_tax, 4.67)
        self.assertFalse(binding.review_needed, binding.review_reason)
        self.assertEqual(self._items(binding).tax_id, self.tax_20_included)
        self.assertAlmostEqual(self._items(binding)[1].price_unit, 12.0)

    def test_unmatched_tax_flags_the_order(self):
        order = copy.deepcopy(payloads.ORDER)
        order["tax_lines"][0]["rate_percent"] = 8.25
        binding = self._import(727, order)
        self.assertTrue(binding.review_needed)
        self.assertIn("8.25%", binding.review_reason)

    def test_statuses(self):
        self.assertEqual(self._import(727).state, "sale")
        on_hold = dict(payloads.order(730), status="on-hold", date_paid_gmt=None)
        binding = self._import(730, on_hold)
        self.assertEqual(binding.state, "draft")
        self._import(730, dict(on_hold, status="cancelled"))
        self.assertEqual(binding.state, "cancel")

    def test_update_changes_a_line_quantity(self):
        on_hold = dict(payloads.order(730), status="on-hold", date_paid_gmt=None)
        binding = self._import(730, on_hold)
        simple = self._items(binding)[0]
        changed = copy.deepcopy(on_hold)
        changed["line_items"][0].update(
            quantity=3, subtotal="9.00", subtotal_tax="0.68", total="8.33"
        )
        self._import(730, changed)
        self.assertEqual(self._items(binding)[0], simple)
        self.assertEqual(simple.product_uom_qty, 3)
        self.assertAlmostEqual(simple.price_unit, 3.0)
        self.assertEqual(simple.tax_id, self.tax_7_5)

    def test_fulfilment_completes_the_order_with_a_note(self):
        binding = self._import(727)
        self.assertEqual(binding.state, "sale")
        routes = {
            ("PUT", "/orders/727"): {"id": 727},
            ("POST", "/orders/727/notes"): {},
        }
        with trap_jobs() as trap:
            self._deliver(binding.odoo_id)
            trap.assert_jobs_count(1, only=binding.export_fulfillment)
            with self.mock_api(routes) as fake:
                trap.perform_enqueued_jobs()
        (put,) = [call for call in fake.calls if call[0] == "PUT"]
        self.assertEqual(put[2]["json"], {"status": "completed"})
        (note,) = [call for call in fake.calls if call[0] == "POST"]
        self.assertIn("TRACK-123", note[2]["json"]["note"])
        self.assertTrue(note[2]["json"]["customer_note"])

    def test_guest_order(self):
        # customer_id 0: a guest checkout, with a partner of its own
        binding = self._import(728)
        self.assertNotIn("/wp-json/wc/v3/customers/0", self.fake.paths())
        guest = binding.partner_id
        self.assertEqual(guest.name, "John Doe")
        self.assertEqual(guest.email, "john.doe@example.com")
        self.assertEqual(guest.state_id, self.env.ref("base.state_us_5"))
        # the shipping address is the billing one: no delivery contact
        self.assertEqual(binding.partner_shipping_id, guest)
        # the backend's Partner for Guest Orders, when set, takes every guest
        shared = self.env["res.partner"].create({"name": "WooCommerce guests"})
        self.backend.guest_partner_id = shared
        binding.unlink()
        self.assertEqual(self._import(728).partner_id, shared)

    def test_order_values_are_canonical(self):
        values = order_values(payloads.ORDER)
        self.assertEqual(values["currency"], "USD")
        self.assertFalse(values["prices_include_tax"])
        self.assertEqual(values["financial_status"], "paid")
        self.assertEqual(values["date"], "2024-03-02T15:28:02Z")
        simple, variation = values["line_items"]
        self.assertEqual(simple["product_id"], 93)
        self.assertEqual(variation["product_id"], 23)
        self.assertEqual(variation["parent_product_id"], 22)
        self.assertAlmostEqual(variation["discount"], 1.33)
        self.assertEqual(
            simple["taxes"], [{"name": "State Tax", "rate": 7.5, "amount": 0.4}]
        )
        self.assertEqual(values["shipping_lines"][0]["name"], "Flat Rate")
        self.assertAlmostEqual(values["fee_lines"][0]["price"], 2.0)
        self.assertEqual(values["discount_codes"], ["spring"])
        self.assertAlmostEqual(values["total"], 29.2)
        self.assertEqual(values["billing_address"]["country_code"], "US")
        self.assertIsNone(order_values(payloads.GUEST_ORDER)["customer_id"])
        included = order_values(payloads.tax_included_order())
        self.assertAlmostEqual(included["line_items"][1]["price"], 12.0)
        self.assertAlmostEqual(included["line_items"][1]["discount"], 2.0)
        self.assertAlmostEqual(included["shipping_lines"][0]["price"], 12.0)

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

    def _order_settings(self):
        """Sale taxes of 20% (price included or not) and 7.5% (excluded) of the
        backend's company, and the backend's service products."""
        company = self.backend.company_id or self.env.company
        Tax = self.env["account.tax"].with_company(company)
        # a tax needs a country; a company without a chart of accounts has none
        country = company.account_fiscal_country_id or self.env.ref("base.us")

        def tax(name, rate, include):
            return Tax.create(
                {
                    "name": name,
                    "amount": rate,
                    "amount_type": "percent",
                    "type_tax_use": "sale",
                    "price_include": include,
                    "company_id": company.id,
                    "country_id": country.id,
                }
            )

        self.tax_20_included = tax("VAT 20% (included)", 20.0, True)
        self.tax_20 = tax("VAT 20%", 20.0, False)
        self.tax_7_5 = tax("State Tax 7.5%", 7.5, False)
        Product = self.env["product.product"]

        def service(name):
            values = {"name": name, "detailed_type": "service", "taxes_id": False}
            return Product.create(values)

        self.backend.write(
            {
                "shipping_product_id": service("Shipping").id,
                "discount_product_id": service("Discount").id,
                "fee_product_id": service("Fee").id,
            }
        )
        self.currency = company.currency_id

    def _other_currency(self):
        """An active currency other than the company's."""
        code = "USD" if self.currency.name != "USD" else "EUR"
        currency = self.env.ref("base.%s" % code)
        currency.active = True
        return currency

    def _deliver(self, order, tracking="TRACK-123"):
        """Validate the delivery of ``order`` with a carrier and tracking."""
        carrier_product = self.env["product.product"].create(
            {"name": "Carrier", "detailed_type": "service"}
        )
        carrier = self.env["delivery.carrier"].create(
            {"name": "Test Carrier", "product_id": carrier_product.id}
        )
        picking = order.picking_ids
        picking.write({"carrier_id": carrier.id, "carrier_tracking_ref": tracking})
        for move in picking.move_ids:
            move.quantity_done = move.product_uom_qty
        picking._action_done()
        return picking
