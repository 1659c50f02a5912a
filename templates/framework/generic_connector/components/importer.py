# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _

from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.exception import IDMissingInBackend
from odoo.addons.queue_job.job import identity_exact


class GenericImporter(AbstractComponent):
    """Import one external record (usage ``record.importer``).

    :meth:`run`: advisory lock on the record, read, ``_must_skip``,
    ``_import_dependencies``, mapping, create or update without triggering
    exports, ``bind``, ``_after_import``.
    """

    _name = "generic.importer"
    _inherit = "base.importer"
    _usage = "record.importer"

    def __init__(self, work_context):
        super().__init__(work_context)
        self.external_id = None
        self.external_data = None

    def _lock_name(self):
        return "generic_connector.import(%s, %s, %s, %s)" % (
            self.backend_record._name,
            self.backend_record.id,
            self.model._name,
            self.external_id,
        )

    def _lock(self):
        """Serialize the imports of one record: concurrent jobs would both
        create it. The other job is retried without counting a try."""
        self.advisory_lock_or_retry(self._lock_name(), retry_seconds=10)

    def _get_external_data(self):
        return self.backend_adapter.read(self.external_id)

    def _get_binding(self):
        return self.binder.to_internal(self.external_id)

    def _on_missing_external(self):
        """The backend has no such record (404 on read): a bound record was
        deleted there (archived or unbound, see ``generic.binding``); an
        unknown one is skipped. Nothing is deleted in Odoo."""
        binding = self._get_binding()
        if binding:
            return binding._remote_deleted()
        return _("Record %s does not exist on the backend: skipped.", self.external_id)

    def _must_skip(self):
        """Return a reason (a truthy string) to skip ``external_data``."""
        return False

    def _is_uptodate(self, binding):
        """Tell whether ``binding`` already holds ``external_data``.

        Up-to-date records are skipped unless the import is forced.
        """
        return False

    def _import_dependencies(self):
        """Import the records this one points to, see :meth:`import_dependency`."""

    def import_dependency(self, external_id, binding_model, force=False):
        """Import a dependency now, unless it is already bound.

        :return: the binding of the dependency, empty when ``external_id`` is
        """
        binder = self.binder_for(binding_model)
        if external_id in (None, False, ""):
            return binder.model.browse()
        external_id = str(external_id)
        binding = binder.to_internal(external_id)
        if force or not binding:
            importer = self.component(usage="record.importer", model_name=binding_model)
            importer.run(external_id, force=force)
            binding = binder.to_internal(external_id)
        return binding

    def _map_data(self):
        return self.mapper.map_record(self.external_data)

    def _create_data(self, map_record):
        return map_record.values(for_create=True)

    def _update_data(self, map_record):
        return map_record.values()

    def _create(self, values):
        return self.model.with_context(connector_no_export=True).create(values)

    def _update(self, binding, values):
        binding.with_context(connector_no_export=True).write(values)
        return binding

    def _after_import(self, binding):
        """Hook called once the binding is saved and bound."""

    def _fetch(self, external_data=None):
        """Set ``external_data``, read from the API unless the caller has it;
        return why the import stops there (gone from the backend, skipped by
        ``_must_skip``), else None."""
        if external_data is None:
            try:
                external_data = self._get_external_data()
            except IDMissingInBackend:
                return self._on_missing_external()
        if not external_data:
            return self._on_missing_external()
        self.external_data = external_data
        return self._must_skip() or None

    def run(self, external_id, force=False, external_data=None):
        """Import ``external_id``; return its binding, or the reason of a skip.

        :param external_data: the record when the caller already has it
            (webhook payload, search results); read from the API otherwise
        """
        self.external_id = str(external_id)
        self._lock()
        stop = self._fetch(external_data)
        if stop:
            return stop
        binding = self._get_binding()
        if binding and not force and self._is_uptodate(binding):
            return _("Already up-to-date.")
        self._import_dependencies()
        # a dependency may refer back to this record and have imported it
        binding = self._get_binding()
        map_record = self._map_data()
        if binding:
            binding = self._update(binding, self._update_data(map_record))
        else:
            binding = self._create(self._create_data(map_record))
        # the record must not keep connector_no_export for later writes
        binding = binding.with_env(self.env)
        self.binder.bind(self.external_id, binding)
        self._after_import(binding)
        return binding


class GenericBatchImporter(AbstractComponent):
    """Search external records and queue their import (usage ``batch.importer``)."""

    _name = "generic.batch.importer"
    _inherit = "base.importer"
    _usage = "batch.importer"

    #: queue one job per record; False imports them in the current transaction
    _delayed = True

    def _search(self, filters):
        return self.backend_adapter.search(filters)

    def _import_record(self, external_id, listed_data=None):
        # the listed record travels with its job: it is not read again
        kwargs = {"listed_data": listed_data} if listed_data else {}
        if self._delayed:
            self.model.with_delay(
                priority=self.model._import_priority, identity_key=identity_exact
            ).import_record(self.backend_record, external_id, **kwargs)
        else:
            self.model.import_record(self.backend_record, external_id, **kwargs)

    def run_page(self, filters=None, page=None):
        """Queue the imports of one page of the adapter's ``search_page``.

        A listed record given as a dict is passed to its import job, which
        does not read it again; an id is read by its job.

        :return: ``(records queued, next page or None)``
        """
        records, next_page = self.backend_adapter.search_page(filters or {}, page)
        for record in records:
            if isinstance(record, dict):
                self._import_record(str(record["id"]), listed_data=record)
            else:
                self._import_record(str(record))
        return len(records), next_page

    def run(self, filters=None):
        """Return the number of records queued (or imported)."""
        count = 0
        for external_id in self._search(filters or {}):
            self._import_record(str(external_id))
            count += 1
        return count
