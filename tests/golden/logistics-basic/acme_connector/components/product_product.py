from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeProductProductAdapter(Component):
    _name = "acme.product.product.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.product"

    _resource = "products"


class AcmeProductProductImportMapper(Component):
    _name = "acme.product.product.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @mapping
    def name(self, record):
        fallback = "Acme Product %s" % record["id"]
        return {"name": record.get("title") or fallback}

    @mapping
    def default_code(self, record):
        return {"default_code": record.get("sku") or False}

    @mapping
    def list_price(self, record):
        return {"list_price": float(record.get("price") or 0.0)}

    @mapping
    def barcode(self, record):
        return {"barcode": record.get("barcode") or False}


class AcmeProductProductExportMapper(Component):
    _name = "acme.product.product.export.mapper"
    _inherit = ["generic.export.mapper", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @changed_by("name")
    @mapping
    def title(self, record):
        return {"title": record.name or ""}

    @changed_by("default_code")
    @mapping
    def sku(self, record):
        return {"sku": record.default_code or ""}

    @changed_by("lst_price", "list_price")
    @mapping
    def price(self, record):
        return {"price": float(record.lst_price)}


class AcmeProductProductDeleter(Component):
    """Delete on Acme the exported records unbound in Odoo, when the
    backend has *Delete on the Backend*."""

    _name = "acme.product.product.deleter"
    _inherit = ["generic.deleter", "base.acme.connector"]
    _apply_on = "acme.product.product"


class AcmeProductProductBindingListener(Component):
    """Export a binding when a write on it changes an exported field; queue
    its deletion on Acme when it is unlinked."""

    _name = "acme.product.product.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if self._exports_changed_fields(record, fields):
            self._delay_export(record, fields=fields)

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_unlink(self, record):
        self._delay_delete(record)


class AcmeProductProductListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.product.product.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "product.product"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        for binding in record.acme_bind_ids:
            if self._exports_changed_fields(binding, fields):
                self._delay_export(binding, fields=fields)
