from lxml import etree
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "name": "Test Contact",
    "email": "test@example.com",
    "phone": "+1 555 0100",
}
ROUTES = {
    ("GET", "/contacts/1001"): RECORD,
}


class TestAcmeResPartner(AcmeTestCase):
    """Contacts: import and export of ``acme.res.partner``."""

    def _create_odoo_record(self):
        return self.env["res.partner"].create(
            {"name": "Test Partner", "email": "partner@example.com"}
        )

    def _binding(self, external_id, model="acme.res.partner"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_then_updates(self):
        model = self.env["acme.res.partner"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.name, "Test Contact")
        self.assertEqual(binding.email, "test@example.com")
        self.assertEqual(binding.phone, "+1 555 0100")
        # a second import updates the same binding
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        self.assertEqual(self._binding("1001"), binding)

    def test_bound_record_is_kept_until_unbound(self):
        model = self.env["acme.res.partner"]
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
        checkpoint, since = "contacts.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/contacts"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_contacts()
            only = self.env["acme.res.partner"].import_record
            trap.assert_jobs_count(1, only=only)
            self.assertTrue(trap.enqueued_jobs[0].identity_key)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_sync_reads_one_page_per_job_and_passes_the_listed_records(self):
        checkpoint = "contacts.updated_since"
        next_url = "%s/contacts-page-2" % API_URL
        link = {"Link": '<%s>; rel="next"' % next_url}
        first = make_response(200, [{"id": 1001}], headers=link)
        last = make_response(200, [{"id": 1001}])
        routes = {
            ("GET", "/contacts"): first,
            ("GET", "/contacts-page-2"): last,
        }
        model = self.env["acme.res.partner"]
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_contacts()
            self.assertEqual(len(fake.calls), 1, "the first page only")
            trap.assert_jobs_count(1, only=model.import_record)
            trap.assert_jobs_count(1, only=self.backend.import_page)
            self.assertFalse(self.backend._get_checkpoint(checkpoint))
            page_job = trap._filtered_enqueued_jobs(self.backend.import_page)[0]
            self.assertEqual(page_job.channel, "root.acme")
            import_job = trap._filtered_enqueued_jobs(model.import_record)[0]
            self.assertEqual(import_job.channel, "root.acme.import")
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

    def _create_binding(self):
        record = self._create_odoo_record()
        binding = (
            self.env["acme.res.partner"]
            .with_context(connector_no_export=True)
            .create({"backend_id": self.backend.id, "odoo_id": record.id})
        )
        # drop connector_no_export, which would stick to the recordset
        return binding.with_env(self.env)

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        routes = {
            ("POST", "/contacts"): {"id": 1001},
        }
        with self.mock_api(routes) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, "1001")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual(method, "POST")
        self.assertLessEqual(
            {
                "name",
                "email",
                "phone",
            },
            set(kwargs["json"]),
        )
        update_route = ("PUT", "/contacts/1001")
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
            base_backend.export_records("res.partner", record.ids)
            binding = record.acme_bind_ids
            self.assertEqual(len(binding), 1)
            trap.assert_jobs_count(1, only=binding._export_to_external)

    def test_deleting_the_record_deletes_it_on_the_backend(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        model = self.env["acme.res.partner"]
        # off by default: odoo_id (restrict) refuses the deletion
        self.backend.delete_on_backend = True
        record = binding.odoo_id
        with trap_jobs() as trap:
            record.unlink()
            trap.assert_jobs_count(1, only=model.export_delete_record)
        self.assertFalse(binding.exists())
        route = ("DELETE", "/contacts/1001")
        with self.mock_api({route: {}}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual([call[0] for call in fake.calls], ["DELETE"])

    def test_connectors_page_lists_the_bindings(self):
        view = self.env.ref("base.view_partner_form")
        arch = self.env["res.partner"].get_view(view.id, "form")["arch"]
        pages = etree.fromstring(arch).xpath("//page[@name='connector']")
        self.assertEqual(len(pages), 1, "one Connectors page, shared")
        fields = [field.get("name") for field in pages[0].iter("field")]
        self.assertIn("acme_bind_ids", fields)
        self.assertNotIn('"invisible": true', pages[0].get("modifiers", ""))
