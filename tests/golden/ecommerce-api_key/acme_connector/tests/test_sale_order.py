from lxml import etree
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.connector.exception import MappingError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "name": "Test Order",
    "customer_id": 2001,
    "line_items": [
        {
            "product_id": 3001,
            "quantity": "12.50",
            "price": "12.50",
        }
    ],
}
ROUTES = {
    ("GET", "/orders/1001"): RECORD,
    ("GET", "/customers/2001"): {
        "id": 2001,
        "name": "Test Customer",
    },
    # the line's variant, then its product (a canonical product)
    ("GET", "/variants/3001"): {
        "id": 3001,
        "product_id": 4001,
    },
    ("GET", "/products/4001"): {
        "id": 4001,
        "name": "Test Product",
        "options": [],
        "variants": [{"id": 3001, "sku": "TEST-1", "price": 9.5}],
    },
}


class TestAcmeSaleOrder(AcmeTestCase):
    """Orders: import of ``acme.sale.order``."""

    def _binding(self, external_id, model="acme.sale.order"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_then_updates(self):
        model = self.env["acme.sale.order"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.client_order_ref, "Test Order")
        related = self._binding("2001", "acme.res.partner")
        self.assertEqual(binding.partner_id, related.odoo_id)
        line = binding.order_line
        self.assertEqual(len(line), 1)
        self.assertTrue(line.product_id)
        self.assertAlmostEqual(line.product_uom_qty, 12.5)
        self.assertAlmostEqual(line.price_unit, 12.5)
        # a second import updates the same binding
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        self.assertEqual(self._binding("1001"), binding)
        self.assertEqual(len(binding.order_line), 1)

    def test_import_without_line_items(self):
        record = dict(RECORD)
        del record["line_items"]
        routes = dict(ROUTES)
        routes[("GET", "/orders/1001")] = record
        model = self.env["acme.sale.order"]
        with self.mock_api(routes):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertFalse(binding.order_line)

    def test_bound_record_is_kept_until_unbound(self):
        model = self.env["acme.sale.order"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        record = binding.odoo_id
        # odoo_id is ondelete="restrict": deleting a bound record is refused
        with self.assertRaises(IntegrityError) as refused, mute_logger(
            "odoo.sql_db"
        ), self.env.cr.savepoint():
            record.unlink()
        self.assertEqual(
            refused.exception.diag.constraint_name,
            "%s_odoo_id_fkey" % binding._table,
        )
        # unbinding first keeps the Odoo record
        binding.unlink()
        self.assertTrue(record.exists())

    def test_sync_queues_the_changed_records(self):
        checkpoint, since = "orders.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/orders"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_orders()
            only = self.env["acme.sale.order"].import_record
            trap.assert_jobs_count(1, only=only)
            self.assertTrue(trap.enqueued_jobs[0].identity_key)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_sync_reads_one_page_per_job_and_passes_the_listed_records(self):
        checkpoint = "orders.updated_since"
        next_url = "%s/orders-page-2" % API_URL
        link = {"Link": '<%s>; rel="next"' % next_url}
        first = make_response(200, [{"id": 1001}], headers=link)
        last = make_response(200, [{"id": 1001}])
        routes = {
            ("GET", "/orders"): first,
            ("GET", "/orders-page-2"): last,
        }
        model = self.env["acme.sale.order"]
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_orders()
            self.assertEqual(len(fake.calls), 1, "the first page only")
            trap.assert_jobs_count(1, only=model.import_record)
            trap.assert_jobs_count(1, only=self.backend.import_page)
            self.assertFalse(self.backend._get_checkpoint(checkpoint))
            page_job = trap._filtered_enqueued_jobs(self.backend.import_page)[0]
            self.assertEqual(page_job.channel, "root.acme")
            import_job = trap._filtered_enqueued_jobs(model.import_record)[0]
            channel = "root.acme.import.orders"
            self.assertEqual(import_job.channel, channel)
            self.assertLess(import_job.priority, 10)
            listed = import_job.kwargs["listed_data"]
            self.assertEqual(str(listed["id"]), "1001")
            # the next page, as its job runs it: the last one moves the checkpoint
            self.backend.import_page(*page_job.args)
        self.assertEqual(fake.calls[-1][1], next_url)
        self.assertTrue(self.backend._get_checkpoint(checkpoint))
        # its import job reads the listed record, not the API
        with self.backend.work_on(model._name) as work:
            adapter = work.component(usage="backend.adapter")
            adapter.remember_listed("1001", listed)
            with self.mock_api({}) as fake:
                self.assertEqual(adapter.read("1001"), listed)
        self.assertFalse(fake.calls)

    def test_connectors_page_lists_the_bindings(self):
        view = self.env.ref("sale.view_order_form")
        arch = self.env["sale.order"].get_view(view.id, "form")["arch"]
        pages = etree.fromstring(arch).xpath("//page[@name='connector']")
        self.assertEqual(len(pages), 1, "one Connectors page, shared")
        fields = [field.get("name") for field in pages[0].iter("field")]
        self.assertIn("acme_bind_ids", fields)
        self.assertNotIn('"invisible": true', pages[0].get("modifiers", ""))

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

    def _order(self, **values):
        """A canonical order (the documented payload), 20% VAT included: two
        items at 12.00 with a 10% discount, shipping 6.00; total 27.60."""
        order = {
            "id": 1001,
            "name": "#1001",
            "date": "2026-11-30T09:15:00Z",
            "currency": self.currency.name,
            "prices_include_tax": True,
            "financial_status": "pending",
            "cancelled": False,
            "fulfillment_status": "unfulfilled",
            "customer_id": RECORD["customer_id"],
            "email": "test@example.com",
            "billing_address": None,
            "shipping_address": None,
            "note": None,
            "line_items": [
                {
                    "id": 11,
                    "product_id": 3001,
                    "sku": "TEST-SKU",
                    "name": "Test Product",
                    "quantity": 2,
                    "price": 12.0,
                    "discount": 2.4,
                    "taxes": [{"name": "VAT 20%", "rate": 20.0, "amount": 3.6}],
                }
            ],
            "shipping_lines": [
                {
                    "id": 21,
                    "name": "Standard",
                    "price": 6.0,
                    "discount": 0.0,
                    "taxes": [{"name": "VAT 20%", "rate": 20.0, "amount": 1.0}],
                }
            ],
            "fee_lines": [],
            "discount_codes": ["SUMMER10"],
            "subtotal": 21.6,
            "total_tax": 4.6,
            "total": 27.6,
        }
        order.update(values)
        return order

    def _import_order(self, order):
        routes = dict(ROUTES)
        routes[("GET", "/orders/1001")] = order
        model = self.env["acme.sale.order"]
        with self.mock_api(routes) as fake:
            model.import_record(self.backend, "1001")
        self.fake = fake
        return self._binding("1001")

    def test_order_tax_included_with_shipping_and_discount(self):
        self._order_settings()
        binding = self._import_order(self._order())
        self.assertEqual(binding.client_order_ref, "#1001")
        self.assertEqual(binding.currency_id, self.currency)
        self.assertEqual(str(binding.date_order), "2026-11-30 09:15:00")
        self.assertAlmostEqual(binding.amount_total, 27.6)
        self.assertAlmostEqual(binding.amount_tax, 4.6)
        self.assertFalse(binding.review_needed, binding.review_reason)
        discount, item, shipping = binding.order_line.sorted("connector_line_ref")
        self.assertEqual(item.connector_line_ref, "line:11")
        self.assertAlmostEqual(item.price_unit, 12.0)
        self.assertEqual(item.tax_id, self.tax_20_included)
        self.assertEqual(shipping.product_id, self.backend.shipping_product_id)
        self.assertEqual(shipping.tax_id, self.tax_20_included)
        self.assertEqual(discount.product_id, self.backend.discount_product_id)
        self.assertAlmostEqual(discount.price_unit, -2.4)
        self.assertIn("SUMMER10", discount.name)
        self.assertEqual(binding.state, "draft")

    def test_order_tax_excluded_with_a_fee(self):
        self._order_settings()
        order = self._order(prices_include_tax=False, total=29.1, total_tax=4.6)
        order["line_items"][0].update(price=10.0, discount=2.0)
        order["shipping_lines"][0]["price"] = 5.0
        order["fee_lines"] = [
            {"id": 31, "name": "Gift wrap", "price": 1.5, "discount": 0.0, "taxes": []}
        ]
        binding = self._import_order(order)
        self.assertAlmostEqual(binding.amount_untaxed, 24.5)
        self.assertAlmostEqual(binding.amount_tax, 4.6)
        self.assertAlmostEqual(binding.amount_total, 29.1)
        self.assertFalse(binding.review_needed, binding.review_reason)
        item = binding.order_line.filtered(
            lambda line: line.connector_line_ref == "line:11"
        )
        self.assertEqual(item.tax_id, self.tax_20)
        fee = binding.order_line.filtered(
            lambda line: line.connector_line_ref == "fee:31"
        )
        self.assertEqual(fee.product_id, self.backend.fee_product_id)
        self.assertFalse(fee.tax_id)

    def test_new_backend_charges_go_to_the_default_products(self):
        # the backend of these tests was created without them: a first order
        # with charges imports without setup
        products = {}
        for kind in ("shipping", "discount", "fee"):
            product = self.env.ref("generic_connector_sale.product_product_%s" % kind)
            self.assertEqual(self.backend["%s_product_id" % kind], product)
            self.assertEqual(product.detailed_type, "service")
            products[kind] = product
        # no taxes set up yet: the order is flagged To Review, and imported
        self.currency = (self.backend.company_id or self.env.company).currency_id
        binding = self._import_order(self._order())
        self.assertTrue(binding.review_needed)
        shipping = binding.order_line.filtered(
            lambda line: line.connector_line_ref == "shipping:21"
        )
        self.assertEqual(shipping.product_id, products["shipping"])
        self.assertIn(products["discount"], binding.order_line.product_id)
        self._order_settings()
        # emptied, the setting stops the import naming it
        self.backend.shipping_product_id = False
        with self.assertRaisesRegex(MappingError, "Shipping Product"):
            self._import_order(self._order())

    def test_order_in_another_currency(self):
        self._order_settings()
        # an inactive currency is refused, naming it
        inactive = self.env.ref("base.JPY")
        inactive.active = False
        with self.assertRaisesRegex(MappingError, "JPY"):
            self._import_order(self._order(currency="JPY"))
        other = self._other_currency()
        binding = self._import_order(self._order(currency=other.name))
        self.assertEqual(binding.currency_id, other)
        self.assertEqual(binding.pricelist_id.currency_id, other)
        self.assertIn(self.backend.name, binding.pricelist_id.name)
        self.assertAlmostEqual(binding.amount_total, 27.6)
        self.assertFalse(binding.review_needed, binding.review_reason)

    def test_unmatched_tax_flags_the_order(self):
        self._order_settings()
        order = self._order()
        order["line_items"][0]["taxes"] = [
            {"name": "VAT 19%", "rate": 19.0, "amount": 3.45}
        ]
        binding = self._import_order(order)
        self.assertTrue(binding.review_needed)
        self.assertIn("19.0%", binding.review_reason)
        messages = binding.odoo_id.message_ids.mapped("body")
        self.assertTrue(any("flagged for review" in body for body in messages))
        Binding = self.env["acme.sale.order"]
        self.assertIn(binding, Binding.search([("review_needed", "=", True)]))

    def test_paid_confirms_then_cancelled_cancels(self):
        self._order_settings()
        self.backend.order_confirm_rule = "never"
        binding = self._import_order(self._order(financial_status="paid"))
        self.assertEqual(binding.state, "draft")
        self.backend.order_confirm_rule = "paid"
        self._import_order(self._order(financial_status="authorized"))
        self.assertEqual(binding.state, "draft")
        self._import_order(self._order(financial_status="paid"))
        self.assertEqual(binding.state, "sale")
        # the shop's date, not the confirmation's
        self.assertEqual(str(binding.date_order), "2026-11-30 09:15:00")
        self._import_order(self._order(financial_status="paid", cancelled=True))
        self.assertEqual(binding.state, "cancel")

    def test_update_changes_a_line_quantity(self):
        self._order_settings()
        binding = self._import_order(self._order())
        item = binding.order_line.filtered(
            lambda line: line.connector_line_ref == "line:11"
        )
        # 3 items at 12.00, the same discount, no shipping: 33.60
        order = self._order(total=33.6, shipping_lines=[])
        order["line_items"][0]["quantity"] = 3
        self._import_order(order)
        self.assertTrue(item.exists())
        self.assertEqual(item.product_uom_qty, 3)
        self.assertAlmostEqual(item.price_unit, 12.0)
        self.assertEqual(item.tax_id, self.tax_20_included)
        # the shipping line the shop removed is removed from the quotation
        refs = sorted(binding.order_line.mapped("connector_line_ref"))
        self.assertEqual(refs, ["discount:%s" % self.tax_20_included.id, "line:11"])
        self.assertAlmostEqual(binding.amount_total, 33.6)
        self.assertFalse(binding.review_needed, binding.review_reason)

    def test_fulfilment_export_sends_the_tracking(self):
        self._order_settings()
        binding = self._import_order(self._order(financial_status="paid"))
        self.assertEqual(binding.state, "sale")
        with trap_jobs() as trap:
            picking = self._deliver(binding.odoo_id)
            trap.assert_jobs_count(1, only=binding.export_fulfillment)
            route = ("POST", "/orders/1001/fulfillments")
            with self.mock_api({route: {"id": 1}}) as fake:
                trap.perform_enqueued_jobs()
        self.assertEqual(picking.state, "done")
        body = fake.calls[-1][2]["json"]
        self.assertEqual(body["tracking_number"], "TRACK-123")
        self.assertEqual(body["carrier"], "Test Carrier")
        self.assertEqual(body["lines"], [{"line_id": "11", "quantity": 2.0}])

    def test_guest_order_gets_its_own_partner_and_addresses(self):
        self._order_settings()
        billing = {
            "name": "Guest Buyer",
            "company": None,
            "street": "1 Main Street",
            "street2": None,
            "city": "Springfield",
            "zip": "12345",
            "state_code": None,
            "state_name": None,
            "country_code": "US",
            "phone": None,
            "email": "guest@example.com",
        }
        shipping = dict(billing, name="Gift Receiver", street="9 Elm Street")
        order = self._order(
            customer_id=None,
            email="guest@example.com",
            billing_address=billing,
            shipping_address=shipping,
        )
        binding = self._import_order(order)
        guest = binding.partner_id
        self.assertEqual(guest.name, "Guest Buyer")
        self.assertEqual(guest.email, "guest@example.com")
        self.assertEqual(guest.country_id, self.env.ref("base.us"))
        self.assertEqual(binding.partner_invoice_id, guest)
        delivery = binding.partner_shipping_id
        self.assertEqual((delivery.parent_id, delivery.type), (guest, "delivery"))
        self.assertEqual(delivery.street, "9 Elm Street")
        # the backend's Partner for Guest Orders, when set, takes every guest
        shared = self.env["res.partner"].create({"name": "Guests"})
        self.backend.guest_partner_id = shared
        binding.unlink()
        self.assertEqual(self._import_order(order).partner_id, shared)
