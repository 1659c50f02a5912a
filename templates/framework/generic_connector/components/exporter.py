# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import _
from odoo.exceptions import UserError
from odoo.tools import config

from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.exception import (
    IDMissingInBackend,
    InvalidDataError,
    MappingError,
)

_logger = logging.getLogger(__name__)


class GenericRecordExporter(AbstractComponent):
    """Export one binding (usage ``record.exporter``).

    Built on OCA's ``generic.exporter`` (whose name it must not take), with
    the failure policy of bindings: errors a retry will not fix (a
    ``UserError``, which the adapter raises for HTTP 4xx, a ``MappingError``,
    an ``InvalidDataError``) are written on the binding, counted in
    ``retry_count``, and end the job normally so that the record survives the
    job; retryable errors propagate to queue_job.
    """

    _name = "generic.record.exporter"
    _inherit = "generic.exporter"
    _usage = "record.exporter"

    #: errors recorded on the binding instead of failing the job
    _business_errors = (UserError, MappingError, InvalidDataError)

    def run(self, binding, *args, **kwargs):
        """Export ``binding``; same flow as ``generic.exporter.run``.

        It differs in two points: business errors are recorded (see the
        class), and a binding still without external id after ``_run`` (the
        export was skipped or had nothing to send) is not bound, where
        OCA's ``bind()`` would fail on its assertion.
        """
        self.binding = binding
        self.external_id = self.binder.to_external(binding)
        try:
            should_import = self._should_import()
        except IDMissingInBackend:
            self.external_id = None
            should_import = False
        if should_import:
            self._delay_import()
        try:
            result = self._run(*args, **kwargs)
        except self._business_errors as err:
            return self._record_export_error(err)
        if self.external_id:
            self.binder.bind(self.external_id, self.binding)
            # as OCA's exporter: keep the external id even if a later step
            # fails, a second create would duplicate the remote record
            if not config["test_enable"]:
                self.env.cr.commit()  # pylint: disable=invalid-commit
        self._after_export()
        return result

    def _run(self, fields=None):
        """Same flow as ``generic.exporter._run``, the mapping and the API
        call inside a savepoint.

        When they fail, the savepoint leaves the transaction usable to record
        the error. The dependencies are exported before it: OCA commits after
        each dependency export, and a commit would release the savepoint.
        """
        assert self.binding
        if not self.external_id:
            fields = None  # a creation sends all the fields
        if self._has_to_skip():
            return _("Export skipped.")
        self._export_dependencies()
        self._lock()
        with self.env.cr.savepoint():
            map_record = self._map_data()
            if self.external_id:
                data = self._update_data(map_record, fields=fields)
                if not data:
                    return _("Nothing to export.")
                self._update(data)
            else:
                data = self._create_data(map_record, fields=fields)
                if not data:
                    return _("Nothing to export.")
                self.external_id = self._create(data)
        return _("Record exported with ID %s.", self.external_id)

    def _idempotency_key(self):
        """Key of the creation of this binding's remote record.

        The same on every try of the binding's first export, so that a
        ``POST`` retried after a timeout or a 5xx does not create a duplicate
        on APIs that honour the ``Idempotency-Key`` header.
        """
        return "%s-%s" % (self.binding._name, self.binding.id)

    def _create(self, data):
        # the adapter shares this work context: it sends the key with the
        # POST of this creation, and only with it
        self.work.idempotency_key = self._idempotency_key()
        try:
            return super()._create(data)
        finally:
            self.work.idempotency_key = None

    def _record_export_error(self, error):
        message = "%s: %s" % (type(error).__name__, error)
        _logger.info("Export of %s failed: %s", self.binding, message)
        self.binding.with_context(connector_no_export=True).write(
            {"retry_count": self.binding.retry_count + 1, "sync_error": message}
        )
        return _("Export failed: %s", message)

    def _after_export(self):
        """Reset the failure counter of a binding exported successfully."""
        if self.binding.retry_count or self.binding.sync_error:
            self.binding.with_context(connector_no_export=True).write(
                {"retry_count": 0, "sync_error": False}
            )


class GenericBatchExporter(AbstractComponent):
    """Queue the export of the bindings of a backend (usage ``batch.exporter``)."""

    _name = "generic.batch.exporter"
    _inherit = "base.exporter"
    _usage = "batch.exporter"

    def run(self, domain=None):
        """Return the number of exports queued.

        :param domain: narrows the bindings of the backend
        """
        bindings = self.model.search(
            [("backend_id", "=", self.backend_record.id)] + (domain or [])
        )
        bindings = bindings.filtered(lambda binding: not binding._export_skip_reason())
        bindings._delay_export()
        return len(bindings)
