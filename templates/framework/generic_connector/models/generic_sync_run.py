# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config

from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)

COUNT_KEYS = ("processed", "created", "updated", "skipped", "failed")


class GenericSyncRun(models.Model):
    """One synchronization run of one entity on one backend (sync history)."""

    _name = "generic.sync.run"
    _description = "Connector Synchronization Run"
    _order = "date_start desc, id desc"
    _rec_name = "name"

    backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Backend",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="backend_id.company_id",
        store=True,
        index=True,
        help="Company of the backend: the multi-company record rule reads it.",
    )
    entity = fields.Char(
        string="Entity Key",
        required=True,
        index=True,
        readonly=True,
        help="Technical key of the synchronization (sync_<key> on the backend).",
    )
    name = fields.Char(
        string="Synchronization",
        compute="_compute_name",
        store=True,
        help="What was synchronized, as the backend's buttons name it.",
    )
    trigger = fields.Selection(
        [("manual", "Manual"), ("cron", "Scheduled"), ("webhook", "Webhook")],
        required=True,
        default="manual",
        readonly=True,
    )
    state = fields.Selection(
        [
            ("running", "Running"),
            ("done", "Done"),
            ("retry", "To Retry"),
            ("failed", "Failed"),
        ],
        string="Status",
        required=True,
        default="running",
        index=True,
        readonly=True,
    )
    date_start = fields.Datetime(
        string="Started", required=True, default=fields.Datetime.now, readonly=True
    )
    date_end = fields.Datetime(string="Finished", readonly=True)
    duration = fields.Float(string="Duration (s)", digits=(16, 2), readonly=True)
    processed_count = fields.Integer(string="Processed", readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    skipped_count = fields.Integer(string="Skipped", readonly=True)
    failed_count = fields.Integer(string="Failed Records", readonly=True)
    checkpoint_key = fields.Char(readonly=True)
    checkpoint_before = fields.Char(
        string="Changes Since (Before)",
        readonly=True,
        help="Checkpoint read by this run: records changed since then were imported.",
    )
    checkpoint_after = fields.Char(
        string="Changes Since (After)",
        readonly=True,
        help="Checkpoint written by this run, read by the next one.",
    )
    error_message = fields.Text(string="Error", readonly=True)
    job_uuid = fields.Char(string="Job UUID", index=True, readonly=True)
    job_ids = fields.One2many(
        comodel_name="queue.job",
        inverse_name="generic_sync_run_id",
        string="Jobs",
        readonly=True,
    )
    job_count = fields.Integer(string="Record Jobs", compute="_compute_job_counts")
    job_done_count = fields.Integer(
        string="Records Done", compute="_compute_job_counts"
    )
    job_failed_count = fields.Integer(
        string="Records Failed", compute="_compute_job_counts"
    )
    job_pending_count = fields.Integer(
        string="Records Pending", compute="_compute_job_counts"
    )
    job_errors = fields.Text(
        string="Last Record Errors",
        compute="_compute_job_counts",
        help="Errors of the last failed jobs this run queued.",
    )

    #: failed jobs whose error is shown on the run
    _job_errors_shown = 5

    def _compute_job_counts(self):
        """Count the jobs each run queued (one per record), by state.

        Read when shown, never stored: a job ending writes nothing on its
        run, so the jobs of a run never wait for each other on its row.
        Done jobs leave these counts when queue_job deletes them (channel
        ``removal_interval``, 30 days by default).
        """
        Job = self.env["queue.job"].sudo()
        counts = defaultdict(lambda: defaultdict(int))
        run_ids = [run_id for run_id in self._origin.ids if run_id]
        if run_ids:
            groups = Job.read_group(
                [("generic_sync_run_id", "in", run_ids)],
                ["generic_sync_run_id", "state"],
                ["generic_sync_run_id", "state"],
                lazy=False,
            )
            for group in groups:
                run_id = group["generic_sync_run_id"][0]
                counts[run_id][group["state"]] += group["__count"]
        for run in self:
            by_state = counts[run._origin.id]
            run.job_count = sum(by_state.values())
            run.job_done_count = by_state["done"]
            run.job_failed_count = by_state["failed"]
            run.job_pending_count = (
                run.job_count - by_state["done"] - by_state["failed"]
            ) - by_state["cancelled"]
            failed = (
                Job.search(
                    [
                        ("generic_sync_run_id", "=", run._origin.id),
                        ("state", "=", "failed"),
                    ],
                    order="id desc",
                    limit=self._job_errors_shown,
                )
                if by_state["failed"]
                else Job
            )
            run.job_errors = (
                "\n".join(
                    "%s: %s" % (job.name, job.exc_message or job.exc_name)
                    for job in failed
                )
                or False
            )

    def action_view_jobs(self):
        """Open the jobs of this run (queue_job's job list)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "queue_job.action_queue_job"
        )
        action["domain"] = [("generic_sync_run_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.model
    def _purge_before(self, base_backend, cutoff):
        """Delete the finished runs of ``base_backend`` started before ``cutoff``."""
        runs = self.search(
            [
                ("backend_id", "=", base_backend.id),
                ("date_start", "<", cutoff),
                ("state", "!=", "running"),
            ]
        )
        runs.unlink()
        return len(runs)

    @api.depends("entity", "backend_id")
    def _compute_name(self):
        for run in self:
            concrete = run.backend_id and run.backend_id._get_concrete_backend()
            if concrete and run.entity:
                run.name = concrete._sync_entity_label(run.entity)
            else:
                run.name = run.entity

    @api.model
    def _count_values(self, result):
        """Turn what a ``_sync_<entity>_implementation`` returns into counts."""
        if isinstance(result, bool) or result is None:
            return {}
        if isinstance(result, int):
            return {"processed_count": result}
        if isinstance(result, dict):
            return {
                "%s_count" % key: int(result[key] or 0)
                for key in COUNT_KEYS
                if key in result
            }
        return {}

    def _record_done(self, result, duration):
        self.ensure_one()
        values = {
            "state": "done",
            "date_end": fields.Datetime.now(),
            "duration": duration,
            "error_message": False,
        }
        values.update(self._count_values(result))
        self.write(values)

    def _failure_values(self, error, duration):
        """Values of the failed run, copied from this (doomed) row.

        The jobs and checkpoints the run wrote are rolled back with it: the
        counts are reset and the checkpoint is reported as not advanced.
        """
        values = {
            "backend_id": self.backend_id.id,
            "entity": self.entity,
            "trigger": self.trigger,
            "date_start": self.date_start,
            "job_uuid": self.job_uuid,
            "checkpoint_key": self.checkpoint_key,
            "checkpoint_before": self.checkpoint_before,
            "checkpoint_after": self.checkpoint_before,
            "state": "retry" if isinstance(error, RetryableJobError) else "failed",
            "date_end": fields.Datetime.now(),
            "duration": duration,
            "error_message": str(error) or type(error).__name__,
        }
        values.update({"%s_count" % key: 0 for key in COUNT_KEYS})
        return values

    def _record_failure(self, error, duration):
        """Record the failure of this run so that it survives the job.

        ``_run_sync`` re-raises the error so that queue_job fails or postpones
        the job, which rolls the job transaction back: this row, and anything
        else written through ``self.env``, disappears with it. The failed run
        is therefore written from its own cursor, committed at once. Its
        insert only takes a key-share lock on the backend row, which the
        updates of the job transaction do not block; the lock timeout guards
        the rare update of a run row the implementation committed and wrote
        again.

        Under tests, the backend is not committed and a second cursor could
        not reference it: the row is updated in place, in the test
        transaction, as OCA's ``generic.exporter`` skips its commit there.
        """
        self.ensure_one()
        try:
            values = self._failure_values(error, duration)
        except psycopg2.Error:
            # aborted transaction and values no longer in cache
            _logger.exception("Could not read sync run %s to record its failure", self)
            return
        if config["test_enable"]:
            self.write(values)
            return
        try:
            with self.env.registry.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '10s'")
                SyncRun = api.Environment(cr, SUPERUSER_ID, {})[self._name]
                # the row exists if the implementation committed on its way
                committed_run = SyncRun.browse(self.id).exists()
                if committed_run:
                    committed_run.write(values)
                else:
                    SyncRun.create(values)
        except Exception:
            _logger.exception("Could not record the failure of sync run %s", self)

    def action_retry(self):
        """Queue the synchronization of these runs' entities again."""
        for run in self:
            backend = run.backend_id._get_concrete_backend()
            if backend is None:
                raise UserError(
                    _("No connector backend is linked to %s.", run.backend_id.name)
                )
            backend._delay_sync(run.entity)
        return self.env["generic.backend"]._build_notification(
            _("Synchronization"),
            _("%s synchronization job(s) queued.", len(self)),
            "success",
        )
