from unittest import mock

from odoo.tests.common import new_test_user

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase


class TestMultiCompany(AcmeTestCase):
    """The backend's company drives its jobs, whoever queued them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Shop B Company"})
        both = cls.company_a | cls.company_b
        cls.user_a = new_test_user(
            cls.env,
            login="acme-user-a",
            groups="base.group_user,connector.group_connector_manager",
            company_id=cls.company_a.id,
            company_ids=[(6, 0, both.ids)],
        )
        cls.env_a = cls.env(user=cls.user_a, context={"allowed_company_ids": both.ids})
        cls.backend.company_id = cls.company_b

    def test_components_work_in_the_backend_company(self):
        backend = self.backend.with_env(self.env_a)
        self.assertEqual(backend.env.company, self.company_a)
        with backend.work_on("acme.backend") as work:
            self.assertEqual(work.env.company, self.company_b)

    def test_a_sync_queued_in_company_a_runs_in_company_b(self):
        seen = []

        def spy(backend):
            # the company the job runs in, not what it reads from the API
            seen.append(backend.env.company)
            return 0

        with trap_jobs() as trap:
            self.backend.with_env(self.env_a)._delay_sync("customers")
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].company_id, self.company_a.id)
            with mock.patch.object(
                type(self.backend), "_sync_customers_implementation", spy
            ):
                trap.perform_enqueued_jobs()
        self.assertEqual(seen, [self.company_b])
        run = self.env["generic.sync.run"].search(
            [("backend_id", "=", self.backend.base_backend_id.id)]
        )
        self.assertEqual(run.state, "done")
        self.assertEqual(run.company_id, self.company_b)

    def test_runs_of_another_company_are_hidden(self):
        run = self.env["generic.sync.run"].create(
            {
                "backend_id": self.backend.base_backend_id.id,
                "entity": "customers",
            }
        )
        only_a = new_test_user(
            self.env,
            login="acme-user-only-a",
            groups="base.group_user,connector.group_connector_manager",
            company_id=self.company_a.id,
            company_ids=[(6, 0, self.company_a.ids)],
        )
        SyncRun = self.env["generic.sync.run"].with_user(only_a)
        self.assertFalse(SyncRun.search([("id", "=", run.id)]))
        self.assertTrue(SyncRun.with_user(self.user_a).search([("id", "=", run.id)]))
