from contextlib import contextmanager
from unittest import mock

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase

MODEL = "acme.product.product"


class TestInventory(AcmeTestCase):
    """Stock export (generic_connector_stock): the free quantities that
    changed, clamped at 0, one adapter call per batch, on stock moves too.

    The adapter is replaced by a recorder: the payloads of each platform are
    tested with its product adapter.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.backend.warehouse_id or cls.env.ref("stock.warehouse0")
        cls.stock = cls.warehouse.lot_stock_id
        # a platform with a single stock (WooCommerce) has no location setting
        if "location_external_id" in cls.backend._fields:
            cls.location = cls.backend.location_external_id or None
        else:
            cls.location = None
        cls.quants = cls.env["stock.quant"]

    def _bound(self, external_id, on_hand=0.0, reserved=0.0):
        product = self.env["product.product"].create(
            {"name": "Stocked %s" % external_id, "detailed_type": "product"}
        )
        binding = (
            self.env[MODEL]
            .with_context(connector_no_export=True)
            .create(
                {
                    "backend_id": self.backend.id,
                    "odoo_id": product.id,
                    "external_id": external_id,
                }
            )
        )
        if on_hand:
            self.quants._update_available_quantity(product, self.stock, on_hand)
        if reserved:
            self.quants._update_reserved_quantity(product, self.stock, reserved)
        return binding

    @contextmanager
    def _recorded_levels(self):
        """Yield the list of the ``set_inventory_levels`` calls."""
        calls = []
        adapter = mock.Mock()
        adapter.set_inventory_levels.side_effect = calls.append
        backend_class = type(self.env["acme.backend"])
        with mock.patch.object(backend_class, "get_adapter", return_value=adapter):
            yield calls

    def _quantities(self, levels):
        return {level["product_id"]: level["quantity"] for level in levels}

    def test_export_sends_only_the_changed_free_quantities_in_one_call(self):
        reserved = self._bound("1001", on_hand=10.0, reserved=3.0)
        negative = self._bound("1002", on_hand=-4.0)
        fraction = self._bound("1003", on_hand=2.5)
        bindings = reserved | negative | fraction
        self.assertEqual(reserved.odoo_id.qty_available, 10.0)
        with self._recorded_levels() as calls:
            bindings.export_inventory()
        self.assertEqual(len(calls), 1, "one call for the batch")
        # free quantity (reserved stock is not for sale), clamped at 0, whole
        self.assertEqual(self._quantities(calls[0]), {"1001": 7, "1002": 0, "1003": 2})
        self.assertEqual({level["location_id"] for level in calls[0]}, {self.location})
        self.assertFalse(any(bindings.mapped("inventory_changed")))

        self.quants._update_available_quantity(reserved.odoo_id, self.stock, 5.0)
        with self._recorded_levels() as calls:
            bindings.export_inventory()
        self.assertEqual(
            calls,
            [[{"product_id": "1001", "location_id": self.location, "quantity": 12}]],
        )

        with self._recorded_levels() as calls:
            bindings.export_inventory()
        self.assertEqual(calls, [], "nothing changed: nothing sent")

    def test_failed_call_keeps_the_quantities_to_send(self):
        binding = self._bound("1001", on_hand=4.0)
        adapter = mock.Mock()
        adapter.set_inventory_levels.side_effect = RuntimeError("API down")
        backend_class = type(self.env["acme.backend"])
        with mock.patch.object(backend_class, "get_adapter", return_value=adapter):
            with self.assertRaises(RuntimeError):
                binding.export_inventory()
        self.assertFalse(binding.inventory_exported)

    def test_cron_queues_one_job_per_batch_of_changed_products(self):
        bindings = (
            self._bound("1001", on_hand=1.0)
            | self._bound("1002", on_hand=2.0)
            | self._bound("1003", on_hand=3.0)
        )
        model_class = type(self.env[MODEL])
        with mock.patch.object(model_class, "_inventory_batch_size", 2):
            with trap_jobs() as trap:
                self.backend.sync_inventory()
                trap.assert_jobs_count(2)
                batches = [job.recordset for job in trap.enqueued_jobs]
        self.assertEqual(sorted(len(batch) for batch in batches), [1, 2])
        self.assertEqual(batches[0] | batches[1], bindings)
        channels = {job.channel for job in trap.enqueued_jobs}
        self.assertEqual(channels, {"root.acme.export.inventory"})
        with self._recorded_levels():
            bindings.export_inventory()
        with trap_jobs() as trap:
            self.backend.sync_inventory()
            trap.assert_jobs_count(0)

    def test_done_stock_move_queues_a_debounced_export(self):
        moved = self._bound("1001", on_hand=5.0)
        still = self._bound("1002", on_hand=5.0)
        with self._recorded_levels():
            (moved | still).export_inventory()
        customers = self.env.ref("stock.stock_location_customers")
        move = self.env["stock.move"].create(
            {
                "name": "Shop delivery",
                "product_id": moved.odoo_id.id,
                "product_uom": moved.odoo_id.uom_id.id,
                "product_uom_qty": 2.0,
                "location_id": self.stock.id,
                "location_dest_id": customers.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity_done = 2.0
        with trap_jobs() as trap:
            move._action_done()
            self.assertEqual(move.state, "done")
            trap.assert_jobs_count(1, only=self.env[MODEL].export_inventory_changes)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.args, (self.backend,))
            self.assertTrue(job.eta, "debounced: the job waits for other moves")
            self.assertTrue(moved.inventory_changed)
            self.assertFalse(still.inventory_changed)
            trap.perform_enqueued_jobs()
            trap.assert_jobs_count(1, only=moved.export_inventory)
            with self._recorded_levels() as calls:
                trap.perform_enqueued_jobs()
        self.assertEqual(self._quantities(calls[0]), {"1001": 3})
        self.assertFalse(moved.inventory_changed)

    def test_each_mapped_warehouse_goes_to_its_location(self):
        second = self.env["stock.warehouse"].create({"name": "Second", "code": "WH2X"})
        self.env["generic.stock.location.map"].create(
            [
                {
                    "backend_id": self.backend.base_backend_id.id,
                    "warehouse_id": self.warehouse.id,
                    "location_external_id": "LOC-A",
                },
                {
                    "backend_id": self.backend.base_backend_id.id,
                    "warehouse_id": second.id,
                    "location_external_id": "LOC-B",
                },
            ]
        )
        binding = self._bound("1001", on_hand=4.0)
        self.quants._update_available_quantity(
            binding.odoo_id, second.lot_stock_id, 6.0
        )
        with self._recorded_levels() as calls:
            binding.export_inventory()
        levels = {level["location_id"]: level["quantity"] for level in calls[0]}
        self.assertEqual(levels, {"LOC-A": 4, "LOC-B": 6})
