# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest import mock

from odoo.tests.common import new_test_user

from odoo.addons.generic_connector.components.importer import GenericImporter
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase

PARTNER = {"id": 42, "name": "Alice", "email": "alice@example.test", "company_id": 7}
COMPANY = {"id": 7, "name": "ACME", "email": "info@acme.test", "company_id": None}
ROUTES = {("GET", "/partners/42"): PARTNER, ("GET", "/partners/7"): COMPANY}


class TestMultiCompany(GenericConnectorCase):
    """Each backend works in its own company; two backends share no record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Shop B Company"})
        cls.backend_b = cls._create_backend("Shop B", company_id=cls.company_b.id)
        both = cls.company_a | cls.company_b
        cls.user_a = new_test_user(
            cls.env,
            login="connector-user-a",
            groups="base.group_user,base.group_partner_manager,"
            "connector.group_connector_manager",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, both.ids)],
        )
        cls.env_a = cls.env(user=cls.user_a, context={"allowed_company_ids": both.ids})

    def _binding(self, backend, external_id):
        return self.Binding.search(
            [("backend_id", "=", backend.id), ("external_id", "=", external_id)]
        )

    def _import_seeing_companies(self, backend, external_id):
        """Import as ``backend`` is; return the current companies it ran in."""
        seen = []

        def after_import(importer, binding):
            seen.append(importer.env.company)

        with mock.patch.object(
            GenericImporter,
            "_after_import",
            autospec=True,
            side_effect=after_import,
        ), self.mock_api(ROUTES):
            self.Binding.with_env(backend.env).import_record(backend, external_id)
        return seen

    def test_two_backends_share_no_record(self):
        with self.mock_api(ROUTES):
            self.Binding.import_record(self.backend, "7")
            self.Binding.import_record(self.backend_b, "42")
        company_of_a = self._binding(self.backend, "7")
        contact_of_b = self._binding(self.backend_b, "42")
        company_of_b = self._binding(self.backend_b, "7")
        # B's contact points to B's own copy of the company, not to A's
        self.assertTrue(company_of_b)
        self.assertNotEqual(company_of_b, company_of_a)
        self.assertNotEqual(company_of_b.odoo_id, company_of_a.odoo_id)
        self.assertEqual(contact_of_b.parent_id, company_of_b.odoo_id)
        self.assertFalse(self._binding(self.backend, "42"))
        # a binding belongs to its backend's company
        self.assertEqual(company_of_a.company_id, self.company_a)
        self.assertEqual((contact_of_b | company_of_b).company_id, self.company_b)

    def test_components_work_in_the_backend_company(self):
        seen = self._import_seeing_companies(self.backend_b.with_env(self.env_a), "7")
        self.assertEqual(seen, [self.company_b])
        with self.backend_b.with_env(self.env_a).work_on(self.Binding._name) as work:
            self.assertEqual(work.env.company, self.company_b)
            self.assertEqual(work.model.env.company, self.company_b)

    def test_job_queued_in_company_a_runs_in_company_b(self):
        backend_b = self.backend_b.with_env(self.env_a)
        self.assertEqual(backend_b.env.company, self.company_a)
        seen = []

        def after_import(importer, binding):
            seen.append(importer.env.company)

        with trap_jobs() as trap:
            self.Binding.with_env(self.env_a).with_delay().import_record(backend_b, "7")
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].company_id, self.company_a.id)
            with mock.patch.object(
                GenericImporter,
                "_after_import",
                autospec=True,
                side_effect=after_import,
            ), self.mock_api(ROUTES):
                trap.perform_enqueued_jobs()
        self.assertEqual(seen, [self.company_b])
        self.assertEqual(self._binding(self.backend_b, "7").company_id, self.company_b)

    def test_sync_runs_in_the_backend_company(self):
        seen = []

        def implementation(backend):
            seen.append(backend.env.company)
            return 0

        backend_b = self.backend_b.with_env(self.env_a)
        with mock.patch.object(
            type(self.backend), "_sync_partners_implementation", implementation
        ):
            backend_b._run_sync("partners")
        self.assertEqual(seen, [self.company_b])

    def test_runs_and_deliveries_follow_the_backend_company(self):
        with mock.patch.object(
            type(self.backend), "_sync_partners_implementation", lambda backend: 0
        ):
            self.backend_b._run_sync("partners")
        run = self._sync_runs(self.backend_b)
        self.assertEqual(run.company_id, self.company_b)
        webhook = self.env["generic.webhook"].create(
            {
                "backend_id": self.backend_b.base_backend_id.id,
                "event_type": "partner/update",
                "payload": "{}",
            }
        )
        self.assertEqual(webhook.company_id, self.company_b)
        # a user of company A only sees neither
        user = new_test_user(
            self.env,
            login="connector-user-only-a",
            groups="base.group_user,connector.group_connector_manager",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        SyncRun = self.env["generic.sync.run"].with_user(user)
        self.assertFalse(SyncRun.search([("id", "=", run.id)]))
        Webhook = self.env["generic.webhook"].with_user(user)
        self.assertFalse(Webhook.search([("id", "=", webhook.id)]))
