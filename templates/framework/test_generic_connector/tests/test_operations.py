# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest import mock

from odoo import fields

from odoo.addons.queue_job.job import Job

from .common import GenericConnectorCase, make_response

PARTNER = {"id": 11, "name": "Alice", "email": "alice@example.test", "company_id": None}


class TestOperations(GenericConnectorCase):
    def _run_job(self, job_record):
        """Run a stored job as queue_job's runner does: done, or failed."""
        job = Job.load(self.env, job_record.uuid)
        job.set_started()
        try:
            with self.env.cr.savepoint():
                job.perform()
        except Exception as err:
            job.set_failed(exc_name=type(err).__name__, exc_message=str(err))
        else:
            job.set_done()
        job.store()

    def test_failed_records_roll_up_into_their_run(self):
        page = {"items": [{"id": 11}, {"id": 12}]}
        # jobs stored for real (no trap_jobs): they are linked to the run
        with self.mock_api({("GET", "/partners"): page}):
            self.backend.sync_partners()
        run = self._sync_runs()
        self.assertEqual(len(run.job_ids), 2)
        self.assertEqual(run.job_pending_count, 2)
        self.assertEqual(run.job_failed_count, 0)
        # the run is over; its jobs run later, one fails (12 is refused)
        routes = {
            ("GET", "/partners/11"): PARTNER,
            ("GET", "/partners/12"): make_response(400, {"error": "invalid"}),
        }
        with self.mock_api(routes):
            for job in run.job_ids.sorted("id"):
                self._run_job(job)
        run.invalidate_recordset()
        self.assertEqual(run.state, "done")
        self.assertEqual(run.job_count, 2)
        self.assertEqual(run.job_done_count, 1)
        self.assertEqual(run.job_failed_count, 1)
        self.assertEqual(run.job_pending_count, 0)
        self.assertIn("12", run.job_errors)
        action = run.action_view_jobs()
        self.assertEqual(action["domain"], [("generic_sync_run_id", "=", run.id)])

    def test_jobs_outside_a_run_are_not_linked(self):
        binding = self._create_binding(external_id="11")
        job = binding.with_delay().import_record(self.backend, "11")
        self.assertFalse(job.db_record().generic_sync_run_id)

    def _old(self, record, days):
        date = fields.Datetime.now() - timedelta(days=days)
        self.env.cr.execute(
            "UPDATE %s SET create_date = %%s WHERE id = %%s" % record._table,
            (date, record.id),
        )
        record.invalidate_recordset()
        return date

    def _webhook(self, status, days):
        webhook = self.env["generic.webhook"].create(
            {
                "backend_id": self.base_backend.id,
                "event_type": "partner.updated",
                "payload": "{}",
                "processing_status": status,
            }
        )
        self._old(webhook, days)
        return webhook

    def _run(self, state, days):
        return self.env["generic.sync.run"].create(
            {
                "backend_id": self.base_backend.id,
                "entity": "partners",
                "state": state,
                "date_start": fields.Datetime.now() - timedelta(days=days),
            }
        )

    def test_retention_defaults(self):
        self.assertEqual(self.backend.sync_run_retention_days, 30)
        self.assertEqual(self.backend.webhook_retention_days, 30)

    def test_purge_keeps_recent_running_and_pending(self):
        old_run, recent_run = self._run("done", 31), self._run("failed", 29)
        running = self._run("running", 40)
        old_hook, pending = self._webhook("processed", 31), self._webhook("pending", 40)
        recent_hook = self._webhook("failed", 29)
        self.env["connector.base.backend"]._cron_purge_history()
        self.assertFalse(old_run.exists())
        self.assertFalse(old_hook.exists())
        self.assertTrue(recent_run.exists() and running.exists())
        self.assertTrue(pending.exists() and recent_hook.exists())

    def test_zero_days_keeps_forever(self):
        self.backend.write({"sync_run_retention_days": 0, "webhook_retention_days": 0})
        run, webhook = self._run("done", 400), self._webhook("processed", 400)
        self.env["connector.base.backend"]._cron_purge_history()
        self.assertTrue(run.exists() and webhook.exists())

    def test_deliveries_are_kept_for_the_replay_window(self):
        # the duplicate check reads the deliveries of the replay window
        self.backend.webhook_retention_days = 1
        within, beyond = self._webhook("processed", 2), self._webhook("processed", 4)
        with mock.patch.object(
            type(self.backend), "_webhook_replay_window", 3 * 24 * 3600
        ):
            self.env["connector.base.backend"]._cron_purge_history()
        self.assertTrue(within.exists())
        self.assertFalse(beyond.exists())

    def test_purge_cron_is_active(self):
        cron = self.env.ref("generic_connector.ir_cron_purge_connector_history")
        self.assertTrue(cron.active)
