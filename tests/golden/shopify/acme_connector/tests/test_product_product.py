from odoo.exceptions import UserError

from odoo.addons.connector.exception import IDMissingInBackend
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import LOCATION_ID, AcmeTestCase, answer, connection

BINDING = "acme.product.product"
TEMPLATE_BINDING = "acme.product.template"
VARIANT_ID = "gid://shopify/ProductVariant/1001"
INVENTORY_ITEM_ID = "gid://shopify/InventoryItem/1101"
PRODUCT_ID = "gid://shopify/Product/1000"


def variant_node(number, size, price):
    """A ``ProductVariant`` as GetProduct reads it (shape of the Admin API)."""
    return {
        "id": "gid://shopify/ProductVariant/%s" % number,
        "sku": "TS-%s" % size,
        "barcode": "400638133393%s" % (number % 10),
        "price": price,
        "selectedOptions": [{"name": "Size", "value": size}],
        "inventoryItem": {
            "id": "gid://shopify/InventoryItem/%s" % (number + 100),
            "measurement": {"weight": {"unit": "GRAMS", "value": 250.0}},
        },
    }


# a Product as GetProduct reads it: one option, two variants
PRODUCT = {
    "id": PRODUCT_ID,
    "title": "Test Product",
    "description": "Organic cotton.",
    "status": "ACTIVE",
    "updatedAt": "2026-12-01T10:00:00Z",
    "options": [
        {
            "name": "Size",
            "optionValues": [
                {"name": "S", "hasVariants": True},
                {"name": "M", "hasVariants": True},
            ],
        }
    ],
    "variants": connection(
        [variant_node(1001, "S", "12.50"), variant_node(1002, "M", "14.00")]
    ),
}
# a ProductVariant as GetProductVariant reads it: its product's gid
VARIANT = {
    "id": VARIANT_ID,
    "title": "S",
    "sku": "TS-S",
    "barcode": None,
    "price": "12.50",
    "updatedAt": "2026-12-01T10:00:00Z",
    "product": {"id": PRODUCT_ID, "title": "Test Product"},
    "inventoryItem": {"id": INVENTORY_ITEM_ID},
}
ANSWERS = {
    "GetProductVariant": answer({"productVariant": VARIANT}),
    "GetProduct": answer({"product": PRODUCT}),
}
LINKS = {
    "productVariant": {
        "id": VARIANT_ID,
        "product": {"id": PRODUCT_ID},
        "inventoryItem": {"id": INVENTORY_ITEM_ID},
    }
}


class TestAcmeProductProduct(AcmeTestCase):
    """Product variants: import and export of their binding."""

    def _create_odoo_record(self):
        return self.env["product.product"].create(
            {"name": "Test Product", "default_code": "TEST-1", "list_price": 10.0}
        )

    def _binding(self, external_id, model=BINDING):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def _adapter(self):
        return self.backend.get_adapter(model_name=BINDING)

    def _import_product(self, product=PRODUCT, answers=None):
        answers = answers or {"GetProduct": answer({"product": product})}
        with self.mock_api(answers) as fake:
            self.env[TEMPLATE_BINDING].import_record(self.backend, product["id"])
        return self._binding(product["id"], TEMPLATE_BINDING), fake

    def test_import_product_with_variants(self):
        binding, fake = self._import_product()
        self.assertEqual(fake.operations(), ["GetProduct"])
        self.assertEqual(fake.variables("GetProduct")[0]["id"], PRODUCT_ID)
        template = binding.odoo_id
        self.assertEqual(template.name, "Test Product")
        self.assertEqual(template.description_sale, "Organic cotton.")
        line = template.attribute_line_ids
        self.assertEqual(line.attribute_id.name, "Size")
        self.assertEqual(set(line.value_ids.mapped("name")), {"S", "M"})
        small = self._binding(VARIANT_ID)
        medium = self._binding("gid://shopify/ProductVariant/1002")
        self.assertEqual(small.product_tmpl_id, template)
        self.assertEqual(small.default_code, "TS-S")
        self.assertEqual(small.barcode, "4006381333931")
        self.assertAlmostEqual(small.weight, 0.25)
        self.assertAlmostEqual(small.lst_price, 12.5)
        self.assertAlmostEqual(medium.lst_price, 14.0)
        self.assertEqual(small.inventory_item_external_id, INVENTORY_ITEM_ID)
        # a second import creates nothing
        products = self.env["product.product"].search_count([])
        self._import_product()
        self.assertEqual(self.env["product.product"].search_count([]), products)
        self.assertEqual(len(self._binding(PRODUCT_ID, TEMPLATE_BINDING)), 1)

    def test_product_without_options_is_simple(self):
        default = {"name": "Default Title", "hasVariants": True}
        node = variant_node(1001, "S", "9.90")
        node["selectedOptions"] = [{"name": "Title", "value": "Default Title"}]
        product = dict(
            PRODUCT,
            status="ARCHIVED",
            options=[{"name": "Title", "optionValues": [default]}],
            variants=connection([node]),
        )
        template = self._import_product(product)[0].odoo_id
        self.assertFalse(template.attribute_line_ids)
        variant = self._binding(VARIANT_ID).odoo_id
        self.assertEqual(variant.product_tmpl_id, template)
        self.assertFalse(variant.product_template_attribute_value_ids)
        # an ARCHIVED product is archived in Odoo, with its variant
        self.assertFalse(template.active)
        self.assertFalse(variant.active)

    def test_every_page_of_variants_is_read(self):
        first = connection([variant_node(1001, "S", "12.50")], "cursor-1", True)
        last = connection([variant_node(1002, "M", "14.00")])
        answers = {
            "GetProduct": answer({"product": dict(PRODUCT, variants=first)}),
            "GetProductVariants": answer({"product": {"variants": last}}),
        }
        binding, fake = self._import_product(answers=answers)
        self.assertEqual(fake.operations(), ["GetProduct", "GetProductVariants"])
        self.assertEqual(fake.variables("GetProductVariants")[0]["after"], "cursor-1")
        self.assertEqual(len(binding.odoo_id.product_variant_ids), 2)

    def test_variant_import_imports_its_product(self):
        with self.mock_api(ANSWERS) as fake:
            self.env[BINDING].import_record(self.backend, VARIANT_ID)
        self.assertEqual(fake.operations(), ["GetProductVariant", "GetProduct"])
        self.assertEqual(self._binding(VARIANT_ID).default_code, "TS-S")
        self.assertTrue(self._binding(PRODUCT_ID, TEMPLATE_BINDING))

    def test_sync_reads_every_page_since_the_checkpoint(self):
        checkpoint, since = "products.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        ids = ["gid://shopify/Product/%s" % n for n in (1, 2, 3)]
        first = connection([{"id": ids[0]}, {"id": ids[1]}], "cursor-1", True)
        last = connection([{"id": ids[2]}], "cursor-2", False)
        pages = [
            answer({"products": first}),
            answer({"products": last}),
        ]
        with self.mock_api({"ListProducts": pages}) as fake:
            with trap_jobs() as trap:
                self.backend.sync_products()
                # one page per job: the last one moves the checkpoint
                self.assertEqual(self.backend._get_checkpoint(checkpoint), since)
                trap.assert_jobs_count(1, only=self.backend.import_page)
                trap._filtered_enqueued_jobs(self.backend.import_page)[0].perform()
                only = self.env[TEMPLATE_BINDING].import_record
                trap.assert_jobs_count(3, only=only)
        first_page, second_page = fake.variables("ListProducts")
        self.assertEqual(first_page["query"], "updated_at:>'2024-01-02T03:04:05Z'")
        self.assertEqual(first_page["first"], 250)
        self.assertIsNone(first_page["after"])
        self.assertEqual(second_page["after"], "cursor-1")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_first_sync_has_no_filter(self):
        page = answer({"products": connection([])})
        with self.mock_api({"ListProducts": page}) as fake:
            with trap_jobs():
                self.backend.sync_products()
        self.assertIsNone(fake.variables("ListProducts")[0]["query"])

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
        created = {
            "product": {
                "id": PRODUCT_ID,
                "variants": {
                    "nodes": [
                        {"id": VARIANT_ID, "inventoryItem": {"id": INVENTORY_ITEM_ID}}
                    ]
                },
            },
            "userErrors": [],
        }
        updated = {"productVariants": [{"id": VARIANT_ID}], "userErrors": []}
        answers = {
            "ProductCreate": answer({"productCreate": created}),
            "ProductVariantsBulkUpdate": answer({"productVariantsBulkUpdate": updated}),
        }
        with self.mock_api(answers) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, VARIANT_ID)
        self.assertFalse(binding.sync_error)
        self.assertEqual(
            fake.operations(), ["ProductCreate", "ProductVariantsBulkUpdate"]
        )
        self.assertEqual(
            fake.variables("ProductCreate")[0], {"product": {"title": "Test Product"}}
        )
        variables = fake.variables("ProductVariantsBulkUpdate")[0]
        self.assertEqual(variables["productId"], PRODUCT_ID)
        self.assertEqual(
            variables["variants"],
            [{"id": VARIANT_ID, "price": "10.0", "inventoryItem": {"sku": "TEST-1"}}],
        )
        answers.update(
            {
                "GetVariantProduct": answer(LINKS),
                "ProductUpdate": answer(
                    {"productUpdate": {"product": {"id": PRODUCT_ID}, "userErrors": []}}
                ),
            }
        )
        with self.mock_api(answers) as fake:
            binding._export_to_external()
        self.assertEqual(
            fake.operations(),
            ["GetVariantProduct", "ProductUpdate", "ProductVariantsBulkUpdate"],
        )

    def test_user_errors_are_recorded_on_the_binding(self):
        binding = self._create_binding()
        user_errors = [{"field": ["product", "title"], "message": "Title is too long"}]
        created = {"product": None, "userErrors": user_errors}
        with self.mock_api({"ProductCreate": answer({"productCreate": created})}):
            binding._export_to_external()
        self.assertFalse(binding.external_id)
        self.assertIn("product.title: Title is too long", binding.sync_error)

    def test_update_of_a_deleted_variant(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = VARIANT_ID
        adapter = self._adapter()
        answers = {"GetVariantProduct": answer({"productVariant": None})}
        with self.mock_api(answers), self.assertRaises(IDMissingInBackend):
            adapter.write(VARIANT_ID, {"price": 1.0})

    def _unbind_exported_variant(self):
        """Unlink an exported variant's binding; return the deletion job."""
        self.backend.delete_on_backend = True
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = VARIANT_ID
        with trap_jobs() as trap:
            binding.unlink()
            trap.assert_jobs_count(1, only=self.env[BINDING].export_delete_record)
        return trap

    @staticmethod
    def _variant_to_delete(variants_count):
        product = {"id": PRODUCT_ID, "variantsCount": {"count": variants_count}}
        return answer({"productVariant": {"id": VARIANT_ID, "product": product}})

    def test_unbinding_the_last_variant_deletes_its_product(self):
        trap = self._unbind_exported_variant()
        deleted = {"deletedProductId": PRODUCT_ID, "userErrors": []}
        answers = {
            "GetVariantForDelete": self._variant_to_delete(1),
            "ProductDelete": answer({"productDelete": deleted}),
        }
        with self.mock_api(answers) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual(fake.operations(), ["GetVariantForDelete", "ProductDelete"])
        self.assertEqual(fake.variables("GetVariantForDelete"), [{"id": VARIANT_ID}])
        self.assertEqual(
            fake.variables("ProductDelete"), [{"input": {"id": PRODUCT_ID}}]
        )

    def test_unbinding_one_variant_of_several_deletes_that_variant(self):
        trap = self._unbind_exported_variant()
        remaining = {"product": {"id": PRODUCT_ID}, "userErrors": []}
        answers = {
            "GetVariantForDelete": self._variant_to_delete(3),
            "ProductVariantsBulkDelete": answer(
                {"productVariantsBulkDelete": remaining}
            ),
        }
        with self.mock_api(answers) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual(
            fake.operations(), ["GetVariantForDelete", "ProductVariantsBulkDelete"]
        )
        self.assertEqual(
            fake.variables("ProductVariantsBulkDelete"),
            [{"productId": PRODUCT_ID, "variantsIds": [VARIANT_ID]}],
        )

    def test_delete_user_errors_name_the_field(self):
        user_errors = [{"field": ["id"], "message": "Product does not exist"}]
        answers = {
            "GetVariantForDelete": self._variant_to_delete(1),
            "ProductDelete": answer(
                {"productDelete": {"deletedProductId": None, "userErrors": user_errors}}
            ),
        }
        with self.mock_api(answers):
            with self.assertRaisesRegex(UserError, "id: Product does not exist"):
                self.env[BINDING].export_delete_record(self.backend, VARIANT_ID)

    def test_deleting_a_variant_already_gone(self):
        answers = {"GetVariantForDelete": answer({"productVariant": None})}
        with self.mock_api(answers) as fake:
            message = self.env[BINDING].export_delete_record(self.backend, VARIANT_ID)
        self.assertIn("already deleted", message)
        self.assertEqual(fake.operations(), ["GetVariantForDelete"])

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

    def _bound_variant(self, inventory_item=INVENTORY_ITEM_ID):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).write(
            {"external_id": VARIANT_ID, "inventory_item_external_id": inventory_item}
        )
        return binding

    def test_export_inventory(self):
        binding = self._bound_variant()
        binding.odoo_id.detailed_type = "product"
        stock = self.backend.warehouse_id.lot_stock_id
        quants = self.env["stock.quant"]
        quants._update_available_quantity(binding.odoo_id, stock, 8.0)
        # reserved for an order: not available for sale on Shopify any more
        quants._update_reserved_quantity(binding.odoo_id, stock, 3.0)
        group = {"id": "gid://shopify/InventoryAdjustmentGroup/1"}
        done = {"inventoryAdjustmentGroup": group, "userErrors": []}
        answers = {"InventorySetQuantities": answer({"inventorySetQuantities": done})}
        with self.mock_api(answers) as fake:
            binding.export_inventory()
        self.assertEqual(fake.operations(), ["InventorySetQuantities"])
        variables = fake.variables("InventorySetQuantities")[0]
        self.assertTrue(variables["idempotencyKey"])
        self.assertEqual(variables["input"]["name"], "available")
        self.assertEqual(variables["input"]["reason"], "correction")
        self.assertEqual(
            variables["input"]["quantities"],
            [
                {
                    "inventoryItemId": INVENTORY_ITEM_ID,
                    "locationId": LOCATION_ID,
                    "quantity": 5,
                    "changeFromQuantity": None,
                }
            ],
        )

    def test_export_inventory_finds_the_inventory_item_once(self):
        binding = self._bound_variant(inventory_item=False)
        done = {"inventoryAdjustmentGroup": None, "userErrors": []}
        answers = {
            "GetVariantProduct": answer(LINKS),
            "InventorySetQuantities": answer({"inventorySetQuantities": done}),
        }
        with self.mock_api(answers) as fake:
            binding.export_inventory()
        self.assertEqual(
            fake.operations(), ["GetVariantProduct", "InventorySetQuantities"]
        )
        self.assertEqual(binding.inventory_item_external_id, INVENTORY_ITEM_ID)

    def test_inventory_sync_queues_bound_products(self):
        binding = self._bound_variant()
        with trap_jobs() as trap:
            self.backend.sync_inventory()
            trap.assert_jobs_count(1, only=binding.export_inventory)
