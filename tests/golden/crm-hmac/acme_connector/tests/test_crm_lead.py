from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "title": "Test Lead",
    "email": "test@example.com",
    "phone": "+1 555 0100",
    "company": "Test company",
    "contact_name": "Test contact name",
}
ROUTES = {
    ("GET", "/leads/1001"): RECORD,
}


class TestAcmeCrmLead(AcmeTestCase):
    """Leads: import of ``acme.crm.lead``."""

    def _binding(self, external_id, model="acme.crm.lead"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_then_updates(self):
        model = self.env["acme.crm.lead"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.name, "Test Lead")
        self.assertEqual(binding.email_from, "test@example.com")
        self.assertEqual(binding.phone, "+1 555 0100")
        self.assertEqual(binding.partner_name, "Test company")
        self.assertEqual(binding.contact_name, "Test contact name")
        # a second import updates the same binding
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        self.assertEqual(self._binding("1001"), binding)

    def test_bound_record_is_kept_until_unbound(self):
        model = self.env["acme.crm.lead"]
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
        checkpoint, since = "leads.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/leads"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_leads()
            only = self.env["acme.crm.lead"].import_record
            trap.assert_jobs_count(1, only=only)
            self.assertTrue(trap.enqueued_jobs[0].identity_key)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_sync_reads_one_page_per_job_and_passes_the_listed_records(self):
        checkpoint = "leads.updated_since"
        next_url = "%s/leads-page-2" % API_URL
        link = {"Link": '<%s>; rel="next"' % next_url}
        first = make_response(200, [{"id": 1001}], headers=link)
        last = make_response(200, [{"id": 1001}])
        routes = {
            ("GET", "/leads"): first,
            ("GET", "/leads-page-2"): last,
        }
        model = self.env["acme.crm.lead"]
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_leads()
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
