# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from odoo.addons.queue_job.job import identity_exact


class GenericBinding(models.AbstractModel):
    """Link between an Odoo record and its external counterpart.

    ``backend_id`` (to the concrete backend, required, ``restrict``) is
    declared by the connector's own abstract binding, ``odoo_id`` and
    ``_inherits`` by each concrete binding: the binder, ``work_on`` and the
    ``related_action_unwrap_binding`` of OCA connector need the concrete
    backend.
    """

    _name = "generic.binding"
    _inherit = "external.binding"
    _description = "Generic Binding (abstract)"

    #: queue.job priorities (lower runs first): when several kinds of jobs
    #: share a channel's capacity, imports pass before exports; a binding of
    #: documents customers wait for (orders) lowers its import priority
    _import_priority = 10
    _export_priority = 20

    external_id = fields.Char(string="External ID", index=True, copy=False)
    retry_count = fields.Integer(
        string="Failed Exports",
        default=0,
        copy=False,
        readonly=True,
        help="Exports that failed with an error a retry will not fix. The "
        "binding is no longer exported once it reaches Max Export Retries.",
    )
    max_retries = fields.Integer(
        string="Max Export Retries",
        default=3,
        help="0 means no limit.",
    )
    no_export = fields.Boolean(
        string="Do Not Export", help="Never export this record to the backend."
    )
    sync_error = fields.Text(string="Last Sync Error", readonly=True, copy=False)
    export_job_id = fields.Many2one(
        comodel_name="queue.job",
        string="Last Export Job",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="Job of the last export queued for this binding.",
    )
    sync_state = fields.Selection(
        [
            ("new", "Not Synced"),
            ("pending", "Export Queued"),
            ("synced", "Synced"),
            ("failed", "Failed"),
        ],
        string="Sync Status",
        compute="_compute_sync_state",
        store=True,
        help="Not Synced: no external record yet. Export Queued: an export job "
        "waits or runs. Synced: the record has its external ID. Failed: the "
        "last export failed, see Last Sync Error.",
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "A binding already exists for this record on this backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "A binding already exists for this external ID on this backend.",
        ),
    ]

    @api.depends("external_id", "sync_error", "export_job_id.state")
    def _compute_sync_state(self):
        waiting = ("wait_dependencies", "pending", "enqueued", "started")
        for binding in self:
            job_state = binding.export_job_id.state
            if binding.sync_error or job_state == "failed":
                binding.sync_state = "failed"
            elif job_state in waiting:
                binding.sync_state = "pending"
            elif binding.external_id:
                binding.sync_state = "synced"
            else:
                binding.sync_state = "new"

    def _delay_export(self, fields=None):
        """Queue the export of each binding and remember its job."""
        # the job's arguments (and so its identity) as before: no empty fields
        kwargs = {"fields": fields} if fields else {}
        for binding in self:
            delayable = binding.with_delay(
                priority=binding._export_priority, identity_key=identity_exact
            )
            job = delayable._export_to_external(**kwargs)
            # empty when an identical export was already queued (identity
            # key) or ran at once (tests without a queue): keep the last one
            job_record = job.db_record() if job else None
            if job_record:
                binding.with_context(connector_no_export=True).write(
                    {"export_job_id": job_record.id}
                )

    @api.model
    def _job_prepare_context_before_enqueue_keys(self):
        # the jobs a record job queues belong to the same sync run
        return super()._job_prepare_context_before_enqueue_keys() + (
            "generic_sync_run_id",
        )

    @api.model
    def delete_record(self, backend, external_id):
        """The backend deleted ``external_id`` (delete webhook): see
        :meth:`_remote_deleted`. Nothing is read from the backend."""
        with backend.work_on(self._name) as work:
            binding = work.component(usage="binder").to_internal(str(external_id))
            if not binding:
                return _("Record %s is not bound: nothing to do.", external_id)
            return binding._remote_deleted()

    def _remote_deleted(self):
        """Remove the bindings of records the backend deleted, and archive the
        Odoo records unless the backend says to unbind them only.

        The Odoo record is never deleted: its history (orders, invoices) needs
        it. The binding goes first, ``odoo_id`` being ``ondelete="restrict"``.
        A note is posted on records with a chatter.

        :return: what was done, one line per binding
        """
        notes = []
        for binding in self:
            record = binding.odoo_id.with_context(connector_no_export=True)
            backend = binding.backend_id
            archive = (
                backend.remote_delete_action == "archive" and "active" in record._fields
            )
            note = _(
                "%(record)s was deleted on %(backend)s (external ID %(external_id)s): "
                "%(outcome)s.",
                record=record.display_name,
                backend=backend.display_name,
                external_id=binding.external_id,
                outcome=_("archived") if archive else _("unbound, kept active"),
            )
            # the backend deleted it already: no deletion to send back
            binding.with_context(connector_no_export=True).unlink()
            if archive:
                record.active = False
            if hasattr(record, "message_post"):
                record.message_post(body=note)
            notes.append(note)
        return "\n".join(notes)

    def _delay_delete(self):
        """Queue the deletion on the backend of exported bindings being
        unlinked, when their backend has *Delete on the Backend* and their
        entity has a deleter (only exported entities have one).

        Called by the binding listeners' ``on_record_unlink``, before the
        binding goes: the job carries the backend and the external id.
        """
        for binding in self:
            backend = binding.backend_id
            if not (binding.external_id and backend.delete_on_backend):
                continue
            if not binding._has_deleter():
                continue
            # on the model: the binding is about to be deleted
            binding.browse().with_delay(
                identity_key=identity_exact,
                description=_(
                    "Delete %(record)s on %(backend)s",
                    record=binding.display_name,
                    backend=backend.display_name,
                ),
            ).export_delete_record(
                backend, binding.external_id, **binding._delete_values()
            )

    def _delete_values(self):
        """What the deleter needs besides the external id once the binding
        is gone (keyword arguments of the adapter's ``delete_record``), e.g.
        the parent of a record the API deletes under its parent. None by
        default."""
        self.ensure_one()
        return {}

    def _deletes_with_its_record(self):
        """Whether deleting the Odoo record may remove this binding: its
        backend deletes on the backend, and the external record (if any)
        can be deleted there. Otherwise the deletion stays refused rather
        than leaving the external record behind unbound."""
        self.ensure_one()
        if not self.backend_id.delete_on_backend:
            return False
        return not self.external_id or self._has_deleter()

    def _has_deleter(self):
        self.ensure_one()
        with self.backend_id.work_on(self._name) as work:
            deleters = work.many_components(usage="record.exporter.deleter")
            return bool(deleters) and deleters[0].supports_delete()

    @api.model
    def export_delete_record(self, backend, external_id, **values):
        """Delete ``external_id`` on the backend (job entry point);
        ``values`` come from :meth:`_delete_values`."""
        with backend.work_on(self._name) as work:
            deleter = work.component(usage="record.exporter.deleter")
            return deleter.run(external_id, **values)

    @api.model
    def unbind_for_deletion(self, records):
        """Unlink the bindings of ``records`` (Odoo records about to be
        deleted) that :meth:`_deletes_with_its_record`; the others stay
        and keep refusing the deletion (``odoo_id`` is ``restrict``).

        Generated connectors call it from the ``unlink`` of the bound model.
        """
        bindings = (
            self.sudo()
            .with_context(active_test=False)
            .search([("odoo_id", "in", records.ids)])
            .filtered(lambda binding: binding._deletes_with_its_record())
        )
        bindings.unlink()
        return bindings

    @api.model
    def import_record(self, backend, external_id, force=False, listed_data=None):
        """Import one external record (job entry point).

        :param listed_data: the record from a list answer, not read again
        """
        with backend.work_on(self._name) as work:
            importer = work.component(usage="record.importer")
            if listed_data:
                # the adapter's read() answers with it instead of the API
                importer.backend_adapter.remember_listed(external_id, listed_data)
            return importer.run(external_id, force=force)

    @api.model
    def import_batch(self, backend, filters=None):
        """Search external records and queue their import; return the count."""
        with backend.work_on(self._name) as work:
            importer = work.component(usage="batch.importer")
            return importer.run(filters=filters)

    def _export_skip_reason(self):
        self.ensure_one()
        if self.no_export:
            return _("Skipped: the binding is flagged Do Not Export.")
        if self.max_retries and self.retry_count >= self.max_retries:
            return _(
                "Skipped: the last %s exports failed. Fix the error and reset "
                "the retries.",
                self.retry_count,
            )
        return None

    def _export_to_external(self, fields=None):
        """Export the binding (job entry point).

        Skipped before the exporter runs, as OCA's exporter would call
        ``bind()`` without an external id on a never-exported binding.
        """
        self.ensure_one()
        skip_reason = self._export_skip_reason()
        if skip_reason:
            return skip_reason
        with self.backend_id.work_on(self._name) as work:
            exporter = work.component(usage="record.exporter")
            return exporter.run(self, fields=fields)

    def action_reset_retries(self):
        """Clear the export error and failure counter."""
        self.with_context(connector_no_export=True).write(
            {"retry_count": 0, "sync_error": False}
        )
        return True

    def action_retry_export(self):
        """Replay failed exports: reset their retries and queue them again."""
        self.action_reset_retries()
        bindings = self.filtered(lambda binding: not binding.no_export)
        bindings._delay_export()
        return self.env["generic.backend"]._build_notification(
            _("Export"),
            _("%s export(s) queued.", len(bindings)),
            "success" if bindings else "warning",
            reload=True,
        )
