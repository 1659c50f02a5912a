# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class QueueJob(models.Model):
    """Link each job to the synchronization run that queued it.

    A run queues one import job per record; the jobs fail, or not, after the
    run ended. The run reads their states (see ``generic.sync.run``), so
    nothing writes on the run when a job ends: concurrent jobs of one run
    would otherwise contend on its row.
    """

    _inherit = "queue.job"

    generic_sync_run_id = fields.Many2one(
        comodel_name="generic.sync.run",
        string="Sync Run",
        index=True,
        ondelete="set null",
        readonly=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            records = vals.get("records")
            run_id = isinstance(records, models.BaseModel) and records.env.context.get(
                "generic_sync_run_id"
            )
            if run_id and not vals.get("generic_sync_run_id"):
                vals["generic_sync_run_id"] = run_id
        return super().create(vals_list)
