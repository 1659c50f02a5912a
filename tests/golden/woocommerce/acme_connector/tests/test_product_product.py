from odoo.exceptions import UserError

from odoo.addons.queue_job.tests.common import trap_jobs

from ..components.product_product import product_values
from . import payloads
from .common import AcmeTestCase, wc_page

MODEL = "acme.product.product"
TEMPLATE_MODEL = "acme.product.template"
VARIATION_PATH = "/wp-json/wc/v3/products/22/variations/23"
ROUTES = {
    ("GET", "/products/93"): payloads.SIMPLE,
    ("GET", "/products/22"): payloads.VARIABLE,
    ("GET", "/products/22/variations"): wc_page(payloads.VARIATIONS),
    ("GET", "/products/50"): payloads.GROUPED,
}


class TestAcmeProductProduct(AcmeTestCase):
    """Products: templates with their variants (simple products, variations)."""

    def _create_binding(self, external_id=False, parent_id=False):
        product = self.env["product.product"].create(
            {"name": "Odoo Product", "default_code": "ODOO-1", "list_price": 10.0}
        )
        binding = (
            self.env[MODEL]
            .with_context(connector_no_export=True)
            .create(
                {
                    "backend_id": self.backend.id,
                    "odoo_id": product.id,
                    "external_id": external_id,
                    "external_parent_id": parent_id,
                }
            )
        )
        # drop connector_no_export, which would stick to the recordset
        return binding.with_env(self.env)

    def test_import_simple_product(self):
        with self.mock_api(ROUTES):
            self.env[TEMPLATE_MODEL].import_record(self.backend, "93")
        template = self._binding(TEMPLATE_MODEL, 93).odoo_id
        binding = self._binding(MODEL, 93)
        self.assertEqual(len(binding), 1)
        self.assertEqual(binding.product_tmpl_id, template)
        self.assertFalse(template.attribute_line_ids)
        self.assertEqual(binding.name, "Woo Single")
        self.assertEqual(binding.default_code, "WOO-1")
        self.assertAlmostEqual(binding.lst_price, 3.0)
        self.assertFalse(binding.external_parent_id)
        self.assertEqual(binding.detailed_type, "product")
        # a second import updates the same bindings
        with self.mock_api(ROUTES):
            self.env[TEMPLATE_MODEL].import_record(self.backend, "93")
        self.assertEqual(self._binding(MODEL, 93), binding)
        self.assertEqual(len(template.product_variant_ids), 1)

    def test_import_variable_product_binds_its_variations(self):
        variations = {
            ("GET", "/products/22"): payloads.VARIABLE,
            # two pages of one variation each
            ("GET", "/products/22/variations"): [
                wc_page(payloads.VARIATIONS[:1], total_pages=2, total=2),
                wc_page(payloads.VARIATIONS[1:], total_pages=2, total=2),
            ],
        }
        with self.mock_api(variations) as fake:
            self.env[TEMPLATE_MODEL].import_record(self.backend, "22")
        pages = [kwargs["params"].get("page", 1) for __, __, kwargs in fake.calls[1:]]
        self.assertEqual(pages, [1, 2])
        template_binding = self._binding(TEMPLATE_MODEL, 22)
        template = template_binding.odoo_id
        self.assertEqual(template.name, "Ship Your Idea")
        line = template.attribute_line_ids
        self.assertEqual(line.attribute_id.name, "Color")
        self.assertEqual(set(line.value_ids.mapped("name")), {"Black", "Green"})
        black, green = self._binding(MODEL, 23), self._binding(MODEL, 24)
        self.assertEqual(black.product_tmpl_id, template)
        self.assertEqual(black.default_code, "SYI-BLACK")
        self.assertAlmostEqual(black.lst_price, 12.0)
        self.assertEqual(black.external_parent_id, "22")
        self.assertEqual(green.default_code, "SYI-GREEN")
        self.assertAlmostEqual(green.lst_price, 9.0)
        # the lowest price on the template, Black's difference as its extra
        self.assertAlmostEqual(template.list_price, 9.0)
        self.assertFalse(template_binding.price_issue)

    def test_webhook_of_a_variation_imports_its_product(self):
        # a product.updated webhook of a variation names the variation's id
        routes = {
            ("GET", "/products/23"): payloads.variation_alone(
                23, 22, "Black", "SYI-BLACK", "12.00"
            ),
            ("GET", "/products/22"): payloads.VARIABLE,
            ("GET", "/products/22/variations"): wc_page(payloads.VARIATIONS),
        }
        with self.mock_api(routes):
            self.env[TEMPLATE_MODEL].import_record(self.backend, "23")
        self.assertFalse(self._binding(TEMPLATE_MODEL, 23))
        self.assertTrue(self._binding(TEMPLATE_MODEL, 22))
        self.assertEqual(self._binding(MODEL, 23).external_parent_id, "22")

    def test_variant_import_imports_its_product(self):
        # an order line names the variation
        routes = {
            ("GET", "/products/24"): payloads.variation_alone(
                24, 22, "Green", "SYI-GREEN", "9.00"
            ),
            ("GET", "/products/22"): payloads.VARIABLE,
            ("GET", "/products/22/variations"): wc_page(payloads.VARIATIONS),
        }
        with self.mock_api(routes):
            self.env[MODEL].import_record(self.backend, "24")
        self.assertEqual(self._binding(MODEL, 24).default_code, "SYI-GREEN")
        self.assertTrue(self._binding(TEMPLATE_MODEL, 22))

    def test_grouped_product_is_skipped(self):
        with self.mock_api(ROUTES):
            result = self.env[TEMPLATE_MODEL].import_record(self.backend, "50")
        self.assertIn("grouped", result)
        self.assertFalse(self._binding(TEMPLATE_MODEL, 50))

    def test_product_values(self):
        values = product_values(payloads.VARIABLE, payloads.VARIATIONS)
        options = [{"name": "Color", "values": ["Black", "Green"]}]
        self.assertEqual(values["options"], options)
        variant = values["variants"][0]
        self.assertEqual(variant["options"], {"Color": "Black"})
        self.assertEqual(variant["price"], 12.0)
        self.assertEqual(product_values(payloads.SIMPLE)["variants"][0]["id"], 93)

    def test_sync_reads_every_page_since_the_checkpoint(self):
        checkpoint, since = "products.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        routes = {
            ("GET", "/products"): [
                wc_page([payloads.SIMPLE, payloads.VARIABLE], total_pages=2, total=3),
                wc_page([payloads.GROUPED], total_pages=2, total=3),
            ],
        }
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_products()
            # one page per job: the last one moves the checkpoint
            self.assertEqual(self.backend._get_checkpoint(checkpoint), since)
            trap.assert_jobs_count(1, only=self.backend.import_page)
            trap._filtered_enqueued_jobs(self.backend.import_page)[0].perform()
            trap.assert_jobs_count(3, only=self.env[TEMPLATE_MODEL].import_record)
        params = [kwargs["params"] for __, __, kwargs in fake.calls]
        self.assertEqual([page.get("page", 1) for page in params], [1, 2])
        self.assertEqual(params[0]["modified_after"], "2024-01-02T03:04:05")
        self.assertEqual(params[0]["dates_are_gmt"], "true")
        self.assertEqual(params[0]["per_page"], 100)
        self.assertEqual((params[0]["orderby"], params[0]["order"]), ("id", "asc"))
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_first_sync_has_no_date_filter(self):
        routes = {("GET", "/products"): wc_page([])}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_products()
            trap.assert_jobs_count(0)
        self.assertNotIn("modified_after", fake.calls[0][2]["params"])

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        created = {("POST", "/products"): dict(payloads.SIMPLE, id=1001)}
        with self.mock_api(created) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, "1001")
        body = fake.calls[-1][2]["json"]
        self.assertEqual(body["name"], "Odoo Product")
        self.assertEqual(body["sku"], "ODOO-1")
        # WooCommerce prices are strings
        self.assertEqual(body["regular_price"], "10.0")
        update = ("PUT", "/products/1001")
        with self.mock_api({update: payloads.SIMPLE}) as fake:
            binding._export_to_external()
        self.assertEqual(fake.paths("PUT"), ["/wp-json/wc/v3/products/1001"])

    def test_export_of_a_variation_goes_to_its_variable_product(self):
        binding = self._create_binding("23", "22")
        route = ("PUT", "/products/22/variations/23")
        with self.mock_api({route: payloads.VARIATIONS[0]}) as fake:
            binding._export_to_external()
        self.assertEqual(fake.paths("PUT"), [VARIATION_PATH])
        body = fake.calls[-1][2]["json"]
        self.assertNotIn("name", body)
        self.assertEqual(body["sku"], "ODOO-1")

    def test_write_queues_an_export(self):
        binding = self._create_binding("93")
        with trap_jobs() as trap:
            binding.odoo_id.write({"name": "Changed by a test"})
            trap.assert_jobs_count(1, only=binding._export_to_external)
        with trap_jobs() as trap:
            binding.odoo_id.with_context(connector_no_export=True).write(
                {"name": "Changed by an import"}
            )
            trap.assert_jobs_count(0)

    def _unbind(self, binding):
        """Unlink an exported binding; perform its deletion job on ``routes``."""
        self.backend.delete_on_backend = True
        with trap_jobs() as trap:
            binding.unlink()
            trap.assert_jobs_count(1, only=self.env[MODEL].export_delete_record)
        return trap

    def test_unbinding_deletes_the_product_for_good(self):
        trap = self._unbind(self._create_binding("93"))
        deleted = dict(payloads.SIMPLE, status="trash")
        with self.mock_api({("DELETE", "/products/93"): deleted}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual(fake.paths("DELETE"), ["/wp-json/wc/v3/products/93"])
        # without force=true WooCommerce only moves it to the trash
        self.assertEqual(fake.calls[-1][2]["params"], {"force": "true"})

    def test_unbinding_a_variation_deletes_it_under_its_product(self):
        trap = self._unbind(self._create_binding("23", "22"))
        route = ("DELETE", "/products/22/variations/23")
        with self.mock_api({route: payloads.VARIATIONS[0]}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual(fake.paths("DELETE"), [VARIATION_PATH])
        self.assertEqual(fake.calls[-1][2]["params"], {"force": "true"})

    def test_deleting_a_product_already_gone(self):
        with self.mock_api({}) as fake:
            message = self.env[MODEL].export_delete_record(self.backend, "93")
        self.assertIn("already deleted", message)
        self.assertEqual(fake.paths("DELETE"), ["/wp-json/wc/v3/products/93"])

    def test_export_inventory_of_a_simple_product(self):
        binding = self._create_binding("93")
        binding.odoo_id.detailed_type = "product"
        location = self.backend.warehouse_id.lot_stock_id
        quants = self.env["stock.quant"]
        quants._update_available_quantity(binding.odoo_id, location, 7.5)
        # reserved for an order: not for sale on the shop any more
        quants._update_reserved_quantity(binding.odoo_id, location, 2.0)
        route = ("POST", "/products/batch")
        with self.mock_api({route: {"update": [payloads.SIMPLE]}}) as fake:
            binding.export_inventory()
        self.assertEqual(fake.paths("POST"), ["/wp-json/wc/v3/products/batch"])
        body = fake.calls[-1][2]["json"]
        update = {"id": 93, "manage_stock": True, "stock_quantity": 5}
        self.assertEqual(body, {"update": [update]})

    def test_export_inventory_of_a_variation(self):
        binding = self._create_binding("23", "22")
        route = ("POST", "/products/22/variations/batch")
        with self.mock_api({route: {"update": payloads.VARIATIONS}}) as fake:
            binding.export_inventory()
        self.assertEqual(fake.paths("POST"), [VARIATION_PATH.replace("23", "batch")])
        update = fake.calls[-1][2]["json"]["update"]
        self.assertEqual(
            update, [{"id": 23, "manage_stock": True, "stock_quantity": 0}]
        )

    def test_inventory_sync_queues_bound_products(self):
        binding = self._create_binding("93")
        with trap_jobs() as trap:
            self.backend.sync_inventory()
            trap.assert_jobs_count(1, only=binding.export_inventory)

    def test_inventory_sync_queues_one_job_per_collection(self):
        simple = self._create_binding("93")
        black = self._create_binding("23", "22")
        green = self._create_binding("24", "22")
        with trap_jobs() as trap:
            self.backend.sync_inventory()
            trap.assert_jobs_count(2)
            batches = {frozenset(job.recordset.ids) for job in trap.enqueued_jobs}
        expected = {frozenset(simple.ids), frozenset((black | green).ids)}
        self.assertEqual(batches, expected)

    def test_export_inventory_in_batches(self):
        bindings = (
            self._create_binding("23", "22")
            | self._create_binding("24", "22")
            | self._create_binding("93")
        )
        routes = {
            ("POST", "/products/22/variations/batch"): {"update": payloads.VARIATIONS},
            ("POST", "/products/batch"): {"update": [payloads.SIMPLE]},
        }
        with self.mock_api(routes) as fake:
            bindings.export_inventory()
        self.assertEqual(
            fake.paths("POST"),
            [
                "/wp-json/wc/v3/products/22/variations/batch",
                "/wp-json/wc/v3/products/batch",
            ],
        )
        level = {"manage_stock": True, "stock_quantity": 0}
        updates = [kwargs["json"]["update"] for __, __, kwargs in fake.calls]
        self.assertEqual(
            updates,
            [[dict(level, id=23), dict(level, id=24)], [dict(level, id=93)]],
        )

    def test_export_inventory_names_the_records_woocommerce_refused(self):
        bindings = self._create_binding("23", "22") | self._create_binding("24", "22")
        refused = {
            "id": 24,
            "error": {
                "code": "woocommerce_rest_product_variation_invalid_id",
                "message": "Invalid ID.",
                "data": {"status": 400},
            },
        }
        answer = {"update": [payloads.VARIATIONS[0], refused]}
        routes = {("POST", "/products/22/variations/batch"): answer}
        with self.mock_api(routes):
            with self.assertRaises(UserError) as error:
                bindings.export_inventory()
        self.assertIn("24: Invalid ID.", str(error.exception))
