from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeAccountMoveAdapter(Component):
    _name = "acme.account.move.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.account.move"

    _resource = "invoices"


class AcmeAccountMoveExportMapper(Component):
    _name = "acme.account.move.export.mapper"
    _inherit = ["generic.export.mapper", "base.acme.connector"]
    _apply_on = "acme.account.move"

    @changed_by("name", "state")
    @mapping
    def number(self, record):
        return {"number": record.name or ""}

    @changed_by("ref")
    @mapping
    def reference(self, record):
        return {"reference": record.ref or ""}

    @changed_by("invoice_line_ids", "line_ids")
    @mapping
    def total(self, record):
        return {"total": float(record.amount_total)}

    @changed_by("partner_id")
    @mapping
    def customer_id(self, record):
        if not record.partner_id:
            return {"customer_id": None}
        binder = self.binder_for("acme.res.partner")
        return {"customer_id": binder.to_external(record.partner_id, wrap=True)}


class AcmeAccountMoveExporter(Component):
    _name = "acme.account.move.exporter"
    _inherit = "acme.record.exporter"
    _apply_on = "acme.account.move"

    def _export_dependencies(self):
        self._export_dependency(
            self.binding.partner_id,
            "acme.res.partner",
        )


class AcmeAccountMoveDeleter(Component):
    """Delete on Acme the exported records unbound in Odoo, when the
    backend has *Delete on the Backend*."""

    _name = "acme.account.move.deleter"
    _inherit = ["generic.deleter", "base.acme.connector"]
    _apply_on = "acme.account.move"


class AcmeAccountMoveBindingListener(Component):
    """Export a binding when a write on it changes an exported field; queue
    its deletion on Acme when it is unlinked."""

    _name = "acme.account.move.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.account.move"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if self._exports_changed_fields(record, fields):
            self._delay_export(record, fields=fields)

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_unlink(self, record):
        self._delay_delete(record)


class AcmeAccountMoveListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.account.move.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "account.move"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        for binding in record.acme_bind_ids:
            if self._exports_changed_fields(binding, fields):
                self._delay_export(binding, fields=fields)
