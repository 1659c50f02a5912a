# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api

from odoo.addons.connector.database import pg_try_advisory_lock
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase

PARTNER = {"id": 42, "name": "Alice", "email": "alice@example.test", "company_id": None}
COMPANY = {"id": 7, "name": "ACME", "email": "info@acme.test", "company_id": None}


class TestImport(GenericConnectorCase):
    def _bindings(self, external_id):
        return self.Binding.search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_binding_without_export(self):
        with self.mock_api({("GET", "/partners/42"): PARTNER}), trap_jobs() as trap:
            binding = self.Binding.import_record(self.backend, "42")
            trap.assert_jobs_count(0)
        self.assertRecordValues(
            binding,
            [
                {
                    "backend_id": self.backend.id,
                    "external_id": "42",
                    "name": "Alice",
                    "email": "alice@example.test",
                    "retry_count": 0,
                }
            ],
        )
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.odoo_id.test_generic_bind_ids, binding)
        self.assertFalse(binding.env.context.get("connector_no_export"))

    def test_reimport_updates_the_same_binding(self):
        with self.mock_api({("GET", "/partners/42"): PARTNER}):
            binding = self.Binding.import_record(self.backend, "42")
        renamed = dict(PARTNER, name="Alice Liddell")
        with self.mock_api({("GET", "/partners/42"): renamed}), trap_jobs() as trap:
            self.Binding.import_record(self.backend, 42)
            trap.assert_jobs_count(0)
        self.assertEqual(self._bindings("42"), binding)
        self.assertEqual(binding.name, "Alice Liddell")

    def test_dependency_is_imported_first(self):
        contact = dict(PARTNER, company_id=7)
        routes = {("GET", "/partners/42"): contact, ("GET", "/partners/7"): COMPANY}
        with self.mock_api(routes) as fake:
            binding = self.Binding.import_record(self.backend, "42")
        company = self._bindings("7")
        self.assertTrue(company)
        self.assertEqual(binding.parent_id, company.odoo_id)
        self.assertEqual(
            [call[1].rsplit("/", 1)[1] for call in fake.calls], ["42", "7"]
        )
        # once bound, the dependency is not read again
        with self.mock_api({("GET", "/partners/42"): contact}) as fake:
            self.Binding.import_record(self.backend, "42")
        self.assertEqual(len(fake.calls), 1)

    def test_import_dependency_helper(self):
        with self.mock_api({("GET", "/partners/7"): COMPANY}):
            with self.backend.work_on("test.generic.res.partner") as work:
                importer = work.component(usage="record.importer")
                company = importer.import_dependency(7, "test.generic.res.partner")
                self.assertEqual(company.external_id, "7")
                self.assertFalse(
                    importer.import_dependency(None, "test.generic.res.partner")
                )

    def test_missing_record(self):
        # 404 on read: skipped (see test_remote_delete for bound records)
        with self.mock_api({}):
            result = self.Binding.import_record(self.backend, "404")
        self.assertIn("does not exist", result)
        self.assertFalse(self._bindings("404"))

    def test_import_given_data_reads_nothing(self):
        with self.backend.work_on("test.generic.res.partner") as work:
            importer = work.component(usage="record.importer")
            with self.mock_api({}) as fake:
                binding = importer.run("42", external_data=PARTNER)
        self.assertFalse(fake.calls)
        self.assertEqual(binding.name, "Alice")

    def test_concurrent_import_of_a_record_is_retried(self):
        with self.backend.work_on("test.generic.res.partner") as work:
            importer = work.component(usage="record.importer")
            importer.external_id = "4242"
            lock_name = importer._lock_name()
        cr2 = self.registry.cursor()
        self.addCleanup(cr2.close)
        self.addCleanup(cr2.rollback)
        self.assertTrue(
            pg_try_advisory_lock(api.Environment(cr2, SUPERUSER_ID, {}), lock_name)
        )
        with self.mock_api({("GET", "/partners/4242"): PARTNER}) as fake:
            with self.assertRaises(RetryableJobError) as ctx:
                self.Binding.import_record(self.backend, "4242")
        self.assertTrue(ctx.exception.ignore_retry)
        self.assertFalse(fake.calls)
