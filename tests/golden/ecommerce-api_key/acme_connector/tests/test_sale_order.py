from lxml import etree
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.connector.exception import MappingError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "number": "Test Order",
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

    def test_import_without_customer_id(self):
        record = dict(RECORD)
        del record["customer_id"]
        routes = dict(ROUTES)
        routes[("GET", "/orders/1001")] = record
        model = self.env["acme.sale.order"]
        # neither a customer_id nor a Partner for Guest Orders
        with self.mock_api(routes), self.assertRaises(MappingError):
            model.import_record(self.backend, "1001")
        self.assertFalse(self._binding("1001"))
        default = self.env["res.partner"].create({"name": "Guest"})
        self.backend.guest_partner_id = default
        with self.mock_api(routes):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(binding.partner_id, default)

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
