from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeProductProductAdapter(Component):
    _name = "acme.product.product.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.product"

    _resource = "variants"

    def set_inventory_levels(self, levels):
        """Set (not adjust) available quantities in one request.

        ``POST inventory_levels/batch`` with ``{"levels": [{"product_id",
        "location_id", "quantity"}]}``: ``location_id`` is the remote location
        (``None``: the shop's default one), ``quantity`` an integer >= 0.
        """
        return self.post("inventory_levels/batch", data={"levels": levels})


class AcmeProductTemplateAdapter(Component):
    """Products with their options and variants, read as canonical products."""

    _name = "acme.product.template.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.template"

    _resource = "products"


class AcmeProductTemplateImportMapper(Component):
    _name = "acme.product.template.import.mapper"
    _inherit = [
        "generic.product.template.import.mapper",
        "base.acme.connector",
    ]
    _apply_on = "acme.product.template"


class AcmeProductTemplateImporter(Component):
    """The template, its attribute lines, then its variants, bound one by one."""

    _name = "acme.product.template.importer"
    _inherit = [
        "generic.product.template.importer",
        "acme.record.importer",
    ]
    _apply_on = "acme.product.template"

    _variant_binding_model = "acme.product.product"


class AcmeProductProductImporter(Component):
    """A variant is imported with its product: order lines name variants."""

    _name = "acme.product.product.importer"
    _inherit = [
        "generic.product.variant.importer",
        "acme.record.importer",
    ]
    _apply_on = "acme.product.product"

    _template_binding_model = "acme.product.template"


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


class AcmeProductTemplateListener(Component):
    """Export the bound variants when the product form writes their template."""

    _name = "acme.product.template.listener"
    _inherit = [
        "generic.product.template.listener",
        "base.acme.connector",
    ]
    _apply_on = "product.template"

    _variant_bind_field = "acme_bind_ids"
