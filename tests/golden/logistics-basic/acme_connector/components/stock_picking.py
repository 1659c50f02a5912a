from odoo import _

from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeStockPickingAdapter(Component):
    _name = "acme.stock.picking.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.stock.picking"

    _resource = "shipments"


class AcmeStockPickingImportMapper(Component):
    _name = "acme.stock.picking.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.stock.picking"

    @mapping
    def carrier_tracking_ref(self, record):
        return {"carrier_tracking_ref": record.get("tracking_number") or False}


class AcmeStockPickingImporter(Component):
    _name = "acme.stock.picking.importer"
    _inherit = "acme.record.importer"
    _apply_on = "acme.stock.picking"

    def _must_skip(self):
        # Shipments are created in Odoo and exported: Acme only
        # sends updates of the ones it received
        if not self.binder.to_internal(self.external_id):
            return _(
                "%s is not bound to an Odoo record: only exported records are updated.",
                self.external_id,
            )
        return super()._must_skip()


class AcmeStockPickingExportMapper(Component):
    _name = "acme.stock.picking.export.mapper"
    _inherit = ["generic.export.mapper", "base.acme.connector"]
    _apply_on = "acme.stock.picking"

    @changed_by("name")
    @mapping
    def reference(self, record):
        return {"reference": record.name or ""}

    @changed_by("origin")
    @mapping
    def origin(self, record):
        return {"origin": record.origin or ""}

    @changed_by("partner_id")
    @mapping
    def recipient_id(self, record):
        if not record.partner_id:
            return {"recipient_id": None}
        binder = self.binder_for("acme.res.partner")
        return {"recipient_id": binder.to_external(record.partner_id, wrap=True)}


class AcmeStockPickingExporter(Component):
    _name = "acme.stock.picking.exporter"
    _inherit = "acme.record.exporter"
    _apply_on = "acme.stock.picking"

    def _export_dependencies(self):
        self._export_dependency(
            self.binding.partner_id,
            "acme.res.partner",
        )


class AcmeStockPickingDeleter(Component):
    """Delete on Acme the exported records unbound in Odoo, when the
    backend has *Delete on the Backend*."""

    _name = "acme.stock.picking.deleter"
    _inherit = ["generic.deleter", "base.acme.connector"]
    _apply_on = "acme.stock.picking"


class AcmeStockPickingBindingListener(Component):
    """Export a binding when a write on it changes an exported field; queue
    its deletion on Acme when it is unlinked."""

    _name = "acme.stock.picking.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.stock.picking"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if self._exports_changed_fields(record, fields):
            self._delay_export(record, fields=fields)

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_unlink(self, record):
        self._delay_delete(record)


class AcmeStockPickingListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.stock.picking.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "stock.picking"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        for binding in record.acme_bind_ids:
            if self._exports_changed_fields(binding, fields):
                self._delay_export(binding, fields=fields)
