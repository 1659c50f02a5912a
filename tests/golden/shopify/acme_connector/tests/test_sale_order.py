from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, answer, connection, money

FULFILLMENT_ORDER_ID = "gid://shopify/FulfillmentOrder/5001"
FULFILLMENT_LINE_ID = "gid://shopify/FulfillmentOrderLineItem/6001"
LINE_ID = "gid://shopify/LineItem/4001"

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
    "email": "test@example.com",
    "note": None,
    "createdAt": "2026-12-01T09:59:00Z",
    "processedAt": "2026-12-01T10:00:00Z",
    "taxesIncluded": False,
    "discountCodes": [],
    "billingAddress": None,
    "shippingAddress": None,
    "shippingLines": {"nodes": []},
    "lineItems": connection(
        [
            {
                "id": "gid://shopify/LineItem/4001",
                "name": "Test Product",
                "sku": "TEST-SKU",
                "quantity": 2,
                "currentQuantity": 2,
                "variant": {"id": VARIANT_ID},
                "originalUnitPriceSet": money("12.50"),
                "taxLines": [],
                "discountAllocations": [],
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
        second_line = dict(
            nodes[0], id="gid://shopify/LineItem/4002", quantity=1, currentQuantity=1
        )
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
        self.assertEqual(values["financial_status"], "paid")
        self.assertEqual(values["fulfillment_status"], "unfulfilled")
        self.assertFalse(values["cancelled"])
        self.assertEqual(values["date"], "2026-12-01T10:00:00Z")
        self.assertAlmostEqual(values["total"], 25.0)
        self.assertEqual(values["line_items"][0]["product_id"], VARIANT_ID)

    def test_guest_order(self):
        address = {
            "name": "Guest Buyer",
            "company": None,
            "address1": "1 Main Street",
            "address2": None,
            "city": "Ottawa",
            "zip": "K1P 1J1",
            "provinceCode": "ON",
            "province": "Ontario",
            "countryCodeV2": "CA",
            "phone": None,
        }
        shipping = dict(address, name="Gift Receiver", address1="9 Elm Street")
        order = dict(
            ORDER,
            customer=None,
            email="guest@example.com",
            billingAddress=address,
            shippingAddress=shipping,
        )
        model = self.env["acme.sale.order"]
        with self.mock_api(self._answers(order)):
            model.import_record(self.backend, ORDER_ID)
        binding = self._binding(ORDER_ID)
        # a partner of its own, with the billing address; the shipping
        # address is its delivery contact
        guest = binding.partner_id
        self.assertEqual(guest.name, "Guest Buyer")
        self.assertEqual(guest.email, "guest@example.com")
        self.assertEqual(guest.state_id, self.env.ref("base.state_ca_on"))
        delivery = binding.partner_shipping_id
        self.assertEqual((delivery.parent_id, delivery.type), (guest, "delivery"))
        self.assertEqual(delivery.street, "9 Elm Street")

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

    def _taxed_order(self, included=True, **values):
        """An order of the shop's currency with 20% VAT: two items at 12.00
        (10.00 tax excluded) with a 10% discount, shipping 6.00 (5.00)."""
        code = self.currency.name

        def bag(amount):
            # the customer paid in another currency: only shopMoney counts
            presented = {"amount": "999.99", "currencyCode": "JPY"}
            return dict(money(amount, code), presentmentMoney=presented)

        def vat(amount):
            return [
                {
                    "title": "VAT",
                    "rate": 0.2,
                    "ratePercentage": 20.0,
                    "priceSet": bag(amount),
                }
            ]

        if included:
            price, discount, shipping = "12.00", "2.40", "6.00"
        else:
            price, discount, shipping = "10.00", "2.00", "5.00"
        # 24.00 - 2.40 + 6.00 with VAT included; 20.00 - 2.00 + 5.00 + 4.60 without
        total = "27.60"
        line = dict(
            ORDER["lineItems"]["nodes"][0],
            originalUnitPriceSet=bag(price),
            taxLines=vat("3.60"),
            discountAllocations=[{"allocatedAmountSet": bag(discount)}],
        )
        order = dict(
            ORDER,
            currencyCode=code,
            taxesIncluded=included,
            displayFinancialStatus="PENDING",
            discountCodes=["SUMMER10"],
            currentTotalTaxSet=bag("4.60"),
            currentTotalPriceSet=bag(total),
            lineItems=connection([line]),
            shippingLines={
                "nodes": [
                    {
                        "id": "gid://shopify/ShippingLine/7001",
                        "title": "Standard",
                        "originalPriceSet": bag(shipping),
                        "taxLines": vat("1.00"),
                        "discountAllocations": [],
                    }
                ]
            },
        )
        order.update(values)
        return order

    def _import(self, order, answers=None):
        with self.mock_api(dict(self._answers(order), **(answers or {}))):
            self.env[BINDING].import_record(self.backend, ORDER_ID)
        return self._binding(ORDER_ID)

    def test_tax_included_order_with_shipping_and_discount(self):
        self._order_settings()
        binding = self._import(self._taxed_order())
        self.assertEqual(binding.currency_id, self.currency)
        self.assertAlmostEqual(binding.amount_total, 27.6)
        self.assertAlmostEqual(binding.amount_tax, 4.6)
        self.assertFalse(binding.review_needed, binding.review_reason)
        item = binding.order_line.filtered("product_id.acme_bind_ids")
        variant = self._binding(VARIANT_ID, "acme.product.product")
        self.assertEqual(item.product_id, variant.odoo_id)
        self.assertAlmostEqual(item.price_unit, 12.0)
        self.assertEqual(item.tax_id, self.tax_20_included)
        shipping = binding.order_line.filtered("is_delivery")
        self.assertEqual(shipping.name, "Standard")
        self.assertAlmostEqual(shipping.price_unit, 6.0)
        discount = binding.order_line - item - shipping
        self.assertAlmostEqual(discount.price_unit, -2.4)
        self.assertEqual(discount.tax_id, self.tax_20_included)

    def test_tax_excluded_order(self):
        self._order_settings()
        binding = self._import(self._taxed_order(included=False))
        self.assertAlmostEqual(binding.amount_untaxed, 23.0)
        self.assertAlmostEqual(binding.amount_tax, 4.6)
        self.assertAlmostEqual(binding.amount_total, 27.6)
        self.assertEqual(binding.order_line.mapped("tax_id"), self.tax_20)
        self.assertFalse(binding.review_needed, binding.review_reason)

    def test_order_in_another_currency(self):
        self._order_settings()
        other = self._other_currency()
        binding = self._import(self._taxed_order(currencyCode=other.name))
        self.assertEqual(binding.currency_id, other)
        self.assertAlmostEqual(binding.amount_total, 27.6)

    def test_unmatched_tax_flags_the_order(self):
        self._order_settings()
        order = self._taxed_order()
        line = order["lineItems"]["nodes"][0]
        line["taxLines"] = [dict(line["taxLines"][0], ratePercentage=21.0, rate=0.21)]
        binding = self._import(order)
        self.assertTrue(binding.review_needed)
        self.assertIn("21.0%", binding.review_reason)

    def test_paid_confirms_and_cancelled_cancels(self):
        self._order_settings()
        binding = self._import(self._taxed_order(displayFinancialStatus="PAID"))
        self.assertEqual(binding.state, "sale")
        cancelled = self._taxed_order(
            displayFinancialStatus="REFUNDED", cancelledAt="2026-12-02T08:00:00Z"
        )
        self._import(cancelled)
        self.assertEqual(binding.state, "cancel")

    def test_update_changes_a_line_quantity(self):
        self._order_settings()
        binding = self._import(self._taxed_order())
        order = self._taxed_order(
            currentTotalPriceSet=money("39.60", self.currency.name)
        )
        order["lineItems"]["nodes"][0]["currentQuantity"] = 3
        self._import(order)
        item = binding.order_line.filtered("product_id.acme_bind_ids")
        self.assertEqual(item.product_uom_qty, 3)
        self.assertAlmostEqual(binding.amount_total, 39.6)
        self.assertFalse(binding.review_needed, binding.review_reason)

    def test_fulfilment_is_created_with_the_tracking(self):
        self._order_settings()
        binding = self._import(self._taxed_order(displayFinancialStatus="PAID"))
        fulfillment_orders = {
            "order": {
                "fulfillmentOrders": {
                    "nodes": [
                        {
                            "id": FULFILLMENT_ORDER_ID,
                            "status": "OPEN",
                            "lineItems": {
                                "nodes": [
                                    {
                                        "id": FULFILLMENT_LINE_ID,
                                        "remainingQuantity": 2,
                                        "lineItem": {"id": LINE_ID},
                                    }
                                ]
                            },
                        }
                    ]
                }
            }
        }
        created = {
            "fulfillmentCreate": {
                "fulfillment": {
                    "id": "gid://shopify/Fulfillment/1",
                    "status": "SUCCESS",
                },
                "userErrors": [],
            }
        }
        answers = {
            "GetFulfillmentOrders": answer(fulfillment_orders),
            "CreateFulfillment": answer(created),
        }
        with trap_jobs() as trap:
            self._deliver(binding.odoo_id)
            trap.assert_jobs_count(1, only=binding.export_fulfillment)
            with self.mock_api(answers) as fake:
                trap.perform_enqueued_jobs()
        fulfillment = fake.variables("CreateFulfillment")[0]["fulfillment"]
        self.assertEqual(fulfillment["trackingInfo"]["number"], "TRACK-123")
        self.assertEqual(fulfillment["trackingInfo"]["company"], "Test Carrier")
        by_order = fulfillment["lineItemsByFulfillmentOrder"]
        self.assertEqual(by_order[0]["fulfillmentOrderId"], FULFILLMENT_ORDER_ID)
        self.assertEqual(
            by_order[0]["fulfillmentOrderLineItems"],
            [{"id": FULFILLMENT_LINE_ID, "quantity": 2}],
        )
