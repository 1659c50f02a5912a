from lxml import etree
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, make_response

# GET products/1001: a canonical product, here a simple one
RECORD = {
    "id": 1001,
    "name": "Test Product",
    "options": [],
    "variants": [{"id": 1001, "sku": "TEST-1", "price": 12.5}],
}
ROUTES = {
    ("GET", "/products/1001"): RECORD,
}


class TestAcmeProductProduct(AcmeTestCase):
    """Products: import and export of ``acme.product.product``."""

    def _create_odoo_record(self):
        return self.env["product.product"].create(
            {"name": "Test Product", "default_code": "TEST-1", "list_price": 10.0}
        )

    def _binding(self, external_id, model="acme.product.product"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def _product(self, **values):
        """A canonical product with two options, as ``GET products/<id>`` gives it."""
        product = {
            "id": 1001,
            "name": "Organic T-Shirt",
            "description": "Organic cotton.",
            "active": True,
            "type": "product",
            "options": [
                {"name": "Size", "values": ["S", "M"]},
                {"name": "Color", "values": ["Blue"]},
            ],
            "variants": [
                {
                    "id": 2001,
                    "sku": "TS-S-BLUE",
                    "barcode": "4006381333931",
                    "price": 20.0,
                    "weight": 0.2,
                    "options": {"Size": "S", "Color": "Blue"},
                    "inventory_item_id": None,
                },
                {
                    "id": 2002,
                    "sku": "TS-M-BLUE",
                    "barcode": "4006381333948",
                    "price": 22.5,
                    "weight": 0.25,
                    "options": {"Size": "M", "Color": "Blue"},
                    "inventory_item_id": None,
                },
            ],
        }
        product.update(values)
        return product

    def _import_product(self, product):
        routes = {("GET", "/products/%s" % product["id"]): product}
        model = self.env["acme.product.template"]
        with self.mock_api(routes):
            model.import_record(self.backend, str(product["id"]))
        binding_model = "acme.product.template"
        return self._binding(str(product["id"]), binding_model)

    def test_import_product_with_options(self):
        template_binding = self._import_product(self._product())
        self.assertEqual(len(template_binding), 1)
        template = template_binding.odoo_id
        self.assertEqual(template.name, "Organic T-Shirt")
        self.assertEqual(template.description_sale, "Organic cotton.")
        lines = {
            line.attribute_id.name: set(line.value_ids.mapped("name"))
            for line in template.attribute_line_ids
        }
        self.assertEqual(lines, {"Size": {"S", "M"}, "Color": {"Blue"}})
        self.assertEqual(
            set(template.attribute_line_ids.attribute_id.mapped("create_variant")),
            {"always"},
        )
        self.assertEqual(len(template.product_variant_ids), 2)
        small, medium = self._binding("2001"), self._binding("2002")
        self.assertEqual(small.product_tmpl_id, template)
        self.assertEqual(small.default_code, "TS-S-BLUE")
        self.assertEqual(small.barcode, "4006381333931")
        self.assertAlmostEqual(small.weight, 0.2)
        values = small.product_template_attribute_value_ids.mapped("name")
        self.assertEqual(set(values), {"S", "Blue"})
        self.assertEqual(medium.default_code, "TS-M-BLUE")
        # lowest price on the template, the difference as the value's extra
        self.assertAlmostEqual(template.list_price, 20.0)
        self.assertAlmostEqual(small.lst_price, 20.0)
        self.assertAlmostEqual(medium.lst_price, 22.5)
        self.assertFalse(template_binding.price_issue)

    def test_reimport_creates_nothing(self):
        self._import_product(self._product())

        def counts():
            return [
                self.env[model].with_context(active_test=False).search_count([])
                for model in (
                    "product.template",
                    "product.product",
                    "product.attribute",
                    "product.attribute.value",
                    "product.template.attribute.line",
                    "acme.product.product",
                    "acme.product.template",
                )
            ]

        before = counts()
        template_binding = self._import_product(self._product(name="Renamed"))
        self.assertEqual(counts(), before)
        self.assertEqual(template_binding.name, "Renamed")

    def test_removed_variant_is_archived(self):
        product = self._product()
        template = self._import_product(product).odoo_id
        medium = self._binding("2002").odoo_id
        product["options"][0]["values"] = ["S"]
        product["variants"] = product["variants"][:1]
        self._import_product(product)
        self.assertFalse(medium.active)
        self.assertEqual(template.product_variant_ids, self._binding("2001").odoo_id)

    def test_prices_per_combination_are_flagged(self):
        prices = [("S", "Blue", 10.0), ("M", "Blue", 12.0), ("S", "Red", 13.0)]
        # not base + extra per value: M/Red would be 10 + 2 + 3 = 15
        prices.append(("M", "Red", 20.0))
        variants = [
            {
                "id": 3000 + number,
                "sku": "TS-%s-%s" % (size, color),
                "price": price,
                "options": {"Size": size, "Color": color},
            }
            for number, (size, color, price) in enumerate(prices)
        ]
        options = [
            {"name": "Size", "values": ["S", "M"]},
            {"name": "Color", "values": ["Blue", "Red"]},
        ]
        product = self._product(options=options, variants=variants)
        binding = self._import_product(product)
        # flagged, no extras
        self.assertTrue(binding.price_issue)
        self.assertAlmostEqual(binding.odoo_id.list_price, 10.0)
        # additive prices get their extras
        variants[-1]["price"] = 15.0
        binding = self._import_product(product)
        self.assertFalse(binding.price_issue)
        for variant in variants:
            odoo_variant = self._binding(str(variant["id"])).odoo_id
            self.assertAlmostEqual(odoo_variant.lst_price, variant["price"])

    def test_simple_product_has_one_variant(self):
        product = self._product(
            id=1002,
            options=[],
            variants=[{"id": 2003, "sku": "MUG", "price": 9.5, "options": {}}],
        )
        template = self._import_product(product).odoo_id
        self.assertFalse(template.attribute_line_ids)
        self.assertEqual(template.product_variant_ids, self._binding("2003").odoo_id)
        self.assertAlmostEqual(template.list_price, 9.5)

    def test_first_import_binds_the_product_with_the_same_sku(self):
        existing = self.env["product.product"].create(
            {"name": "Mug (Odoo)", "default_code": "MUG"}
        )
        product = self._product(
            id=1002,
            name="Mug",
            options=[],
            variants=[{"id": 2003, "sku": "MUG", "price": 9.5, "options": {}}],
        )
        binding = self._import_product(product)
        self.assertEqual(binding.odoo_id, existing.product_tmpl_id)
        self.assertEqual(self._binding("2003").odoo_id, existing)
        self.assertEqual(existing.name, "Mug")
        self.assertEqual(
            self.env["product.product"].search_count([("default_code", "=", "MUG")]), 1
        )

    def test_matching_by_barcode_and_switched_off(self):
        existing = self.env["product.product"].create(
            {"name": "Mug (Odoo)", "barcode": "4006381333955"}
        )
        variant = {"id": 2003, "sku": "", "barcode": "4006381333955", "options": {}}
        product = self._product(id=1002, options=[], variants=[variant])
        binding = self._import_product(product)
        self.assertEqual(binding.odoo_id, existing.product_tmpl_id)
        self.backend.product_match_existing = False
        other = self._product(id=1003, options=[], variants=[dict(variant, id=2004)])
        binding = self._import_product(other)
        self.assertNotEqual(binding.odoo_id, existing.product_tmpl_id)
        # barcodes are unique in Odoo: the duplicate is not written
        self.assertFalse(self._binding("2004").barcode)

    def test_variant_import_imports_its_product(self):
        routes = {
            ("GET", "/variants/2002"): {
                "id": 2002,
                "product_id": 1001,
            },
            ("GET", "/products/1001"): self._product(),
        }
        model = self.env["acme.product.product"]
        with self.mock_api(routes):
            model.import_record(self.backend, "2002")
        binding = self._binding("2002")
        self.assertEqual(binding.default_code, "TS-M-BLUE")
        self.assertTrue(self._binding("1001", "acme.product.template"))

    def test_bound_template_is_kept_until_unbound(self):
        binding = self._import_product(self._product())
        template = binding.odoo_id
        # odoo_id is ondelete="restrict": deleting a bound template is refused
        with self.assertRaises(IntegrityError), mute_logger(
            "odoo.sql_db"
        ), self.env.cr.savepoint():
            template.unlink()
        variant_bindings = template.acme_variant_bind_ids
        self.assertEqual(len(variant_bindings), 2)
        variant_bindings.unlink()
        binding.unlink()
        self.assertTrue(template.exists())

    def test_sync_queues_the_changed_products(self):
        checkpoint, since = "products.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/products"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_products()
            only = self.env["acme.product.template"].import_record
            trap.assert_jobs_count(1, only=only)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")

    def test_template_edit_exports_its_variants(self):
        template = self._import_product(self._product()).odoo_id
        bindings = template.acme_variant_bind_ids
        with trap_jobs() as trap:
            # what the product form writes: the template's name and price
            template.write({"name": "Changed in the product form"})
            trap.assert_jobs_count(2)
            for binding in bindings:
                trap.assert_jobs_count(1, only=binding._export_to_external)
        with trap_jobs() as trap:
            # a field no export mapper reads exports nothing
            template.write({"description_sale": "Not exported"})
            trap.assert_jobs_count(0)

    def test_export_wizard_on_templates(self):
        template = self.env["product.template"].create({"name": "Lamp"})
        with trap_jobs() as trap:
            base_backend = self.backend.base_backend_id
            base_backend.export_records("product.template", template.ids)
            binding = template.product_variant_ids.acme_bind_ids
            self.assertEqual(len(binding), 1)
            trap.assert_jobs_count(1, only=binding._export_to_external)

    def test_template_form_lists_the_bindings(self):
        view = self.env.ref("product.product_template_form_view")
        arch = self.env["product.template"].get_view(view.id, "form")["arch"]
        pages = etree.fromstring(arch).xpath("//page[@name='connector']")
        self.assertEqual(len(pages), 1, "one Connectors page, shared")
        fields = [field.get("name") for field in pages[0].iter("field")]
        self.assertIn("acme_template_bind_ids", fields)
        self.assertIn("acme_variant_bind_ids", fields)
        self.assertIn("sync_state", fields)
        self.assertIn("sync_error", fields)
        self.assertNotIn('"invisible": true', pages[0].get("modifiers", ""))

    def _create_binding(self):
        record = self._create_odoo_record()
        binding = (
            self.env["acme.product.product"]
            .with_context(connector_no_export=True)
            .create({"backend_id": self.backend.id, "odoo_id": record.id})
        )
        # drop connector_no_export, which would stick to the recordset
        return binding.with_env(self.env)

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        routes = {
            ("POST", "/variants"): {"id": 1001},
        }
        with self.mock_api(routes) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, "1001")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual(method, "POST")
        self.assertLessEqual(
            {
                "title",
                "sku",
                "price",
            },
            set(kwargs["json"]),
        )
        update_route = ("PUT", "/variants/1001")
        with self.mock_api({update_route: {"id": 1001}}) as fake:
            binding._export_to_external()
        self.assertEqual([call[0] for call in fake.calls], ["PUT"])

    def test_no_export_flag(self):
        binding = self._create_binding()
        binding.no_export = True
        with self.mock_api({}) as fake:
            binding._export_to_external()
        self.assertFalse(fake.calls)
        self.assertFalse(binding.external_id)

    def test_write_queues_an_export(self):
        binding = self._create_binding()
        with trap_jobs() as trap:
            binding.odoo_id.write({"name": "Changed by a test"})
            trap.assert_jobs_count(1, only=binding._export_to_external)
        with trap_jobs() as trap:
            binding.odoo_id.with_context(connector_no_export=True).write(
                {"name": "Changed by an import"}
            )
            trap.assert_jobs_count(0)

    def test_export_wizard_entry_point(self):
        record = self._create_odoo_record()
        with trap_jobs() as trap:
            base_backend = self.backend.base_backend_id
            base_backend.export_records("product.product", record.ids)
            binding = record.acme_bind_ids
            self.assertEqual(len(binding), 1)
            trap.assert_jobs_count(1, only=binding._export_to_external)

    def test_deleting_the_record_deletes_it_on_the_backend(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        model = self.env["acme.product.product"]
        # off by default: odoo_id (restrict) refuses the deletion
        self.backend.delete_on_backend = True
        record = binding.odoo_id
        with trap_jobs() as trap:
            record.unlink()
            trap.assert_jobs_count(1, only=model.export_delete_record)
        self.assertFalse(binding.exists())
        route = ("DELETE", "/products/1001")
        with self.mock_api({route: {}}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual([call[0] for call in fake.calls], ["DELETE"])

    def test_export_inventory(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        with self.mock_api({("POST", "/inventory_levels/batch"): {}}) as fake:
            binding.export_inventory()
        level = {"product_id": "1001", "location_id": "LOC-1"}
        body = fake.calls[-1][2]["json"]
        self.assertEqual(body, {"levels": [dict(level, quantity=0)]})

    def test_inventory_sync_queues_bound_products(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        with trap_jobs() as trap:
            self.backend.sync_inventory()
            trap.assert_jobs_count(1, only=binding.export_inventory)
