# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError

from odoo.addons.connector.database import pg_try_advisory_lock
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import identity_exact
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase, make_response

CHECKPOINT = "2024-01-01 00:00:00"


class TestSync(GenericConnectorCase):
    def _sync_and_catch(self, exception_class):
        """Run the sync and return the error it raises.

        Not ``assertRaises``: it rolls back a savepoint, and with it the
        failed run that the test wants to look at.
        """
        try:
            self.backend.sync_partners()
        except exception_class as err:
            return err
        self.fail("%s not raised" % exception_class.__name__)

    def test_sync_queues_imports_and_records_the_run(self):
        page = {"items": [{"id": 11}, {"id": 12}]}
        with self.mock_api({("GET", "/partners"): page}) as fake, trap_jobs() as trap:
            count = self.backend.sync_partners()
            trap.assert_jobs_count(2, only=self.Binding.import_record)
            trap.assert_enqueued_job(
                self.Binding.import_record,
                args=(self.backend, "11"),
                properties={"identity_key": identity_exact},
            )
        self.assertEqual(count, 2)
        self.assertEqual(fake.calls[0][2]["params"], {"limit": 50})
        run = self._sync_runs()
        self.assertRecordValues(
            run,
            [
                {
                    "entity": "partners",
                    "trigger": "manual",
                    "state": "done",
                    "processed_count": 2,
                    "checkpoint_key": "partners",
                    "checkpoint_before": False,
                    "error_message": False,
                }
            ],
        )
        self.assertEqual(run.checkpoint_after, self.backend._get_checkpoint("partners"))
        self.assertTrue(run.date_end)
        self.assertGreaterEqual(run.duration, 0)
        self.assertTrue(self.backend.last_sync_date)

    def test_incremental_sync_reads_from_checkpoint(self):
        self.backend._set_checkpoint("partners", CHECKPOINT)
        with self.mock_api({("GET", "/partners"): {"items": []}}) as fake:
            self.backend.sync_partners()
        self.assertEqual(fake.calls[0][2]["params"]["updated_since"], CHECKPOINT)
        run = self._sync_runs()
        self.assertEqual(run.checkpoint_before, CHECKPOINT)
        self.assertGreater(run.checkpoint_after, CHECKPOINT)
        self.assertEqual(self.backend._get_checkpoint("partners"), run.checkpoint_after)

    def test_failed_run_is_recorded_and_checkpoint_kept(self):
        self.backend._set_checkpoint("partners", CHECKPOINT)
        with self.mock_api({("GET", "/partners"): make_response(401, {})}):
            error = self._sync_and_catch(UserError)
        run = self._sync_runs()
        self.assertRecordValues(
            run,
            [
                {
                    "state": "failed",
                    "processed_count": 0,
                    "checkpoint_key": "partners",
                    "checkpoint_before": CHECKPOINT,
                    "checkpoint_after": CHECKPOINT,
                    "error_message": str(error),
                }
            ],
        )
        self.assertEqual(self.backend._get_checkpoint("partners"), CHECKPOINT)
        self.assertEqual(self.base_backend.sync_run_failed_count, 1)

    def test_retryable_failure_is_recorded_as_retry(self):
        with self.mock_api({("GET", "/partners"): make_response(503, {})}):
            self._sync_and_catch(RetryableJobError)
        self.assertEqual(self._sync_runs().state, "retry")
        self.assertFalse(self.backend._get_checkpoint("partners"))

    def test_concurrent_run_is_retried_later(self):
        backend = self._create_backend("Locked API")
        cr2 = self.registry.cursor()
        self.addCleanup(cr2.close)
        self.addCleanup(cr2.rollback)
        env2 = api.Environment(cr2, SUPERUSER_ID, {})
        self.assertTrue(pg_try_advisory_lock(env2, backend._sync_lock_name("partners")))
        with self.mock_api({}) as fake:
            with self.assertRaises(RetryableJobError) as ctx:
                backend.sync_partners()
        self.assertTrue(ctx.exception.ignore_retry)
        self.assertEqual(ctx.exception.seconds, 60)
        self.assertFalse(fake.calls)
        self.assertFalse(self._sync_runs(backend))

    def test_unknown_entity(self):
        with self.assertRaisesRegex(UserError, "_sync_invoices_implementation"):
            self.backend._run_sync("invoices")
        with self.assertRaisesRegex(UserError, "sync_invoices"):
            self.backend._delay_sync("invoices")

    def test_count_values(self):
        SyncRun = self.env["generic.sync.run"]
        self.assertEqual(SyncRun._count_values(4), {"processed_count": 4})
        self.assertEqual(SyncRun._count_values(None), {})
        self.assertEqual(SyncRun._count_values(True), {})
        self.assertEqual(
            SyncRun._count_values({"created": 2, "failed": 1, "other": 5}),
            {"created_count": 2, "failed_count": 1},
        )

    def test_retry_failed_run(self):
        run = (
            self.env["generic.sync.run"]
            .sudo()
            .create(
                {
                    "backend_id": self.base_backend.id,
                    "entity": "partners",
                    "state": "failed",
                    "error_message": "boom",
                }
            )
        )
        with trap_jobs() as trap:
            run.action_retry()
            trap.assert_enqueued_job(self.backend.sync_partners)

    def test_checkpoint_store(self):
        Checkpoint = self.env["generic.sync.checkpoint"]
        self.assertIsNone(Checkpoint.get_value(self.backend, "orders"))
        Checkpoint.set_value(self.backend, "orders", "a")
        Checkpoint.set_value(self.base_backend, "orders", "b")
        self.assertEqual(Checkpoint.get_value(self.base_backend, "orders"), "b")
        self.assertEqual(
            Checkpoint.search_count(
                [("backend_id", "=", self.base_backend.id), ("key", "=", "orders")]
            ),
            1,
        )
