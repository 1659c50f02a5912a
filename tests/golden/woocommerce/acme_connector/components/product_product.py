from odoo import _
from odoo.exceptions import UserError

from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping, only_create

#: fields of product.product whose change exports the bound records again
EXPORT_TRIGGER_FIELDS = {
    "name",
    "default_code",
    "list_price",
    "lst_price",
}

#: product types bound to Odoo products: a variable product is imported as its
#: variations; grouped and external products are not sold by the store itself
IMPORTED_TYPES = ("simple", "variation")


def product_values(product):
    """Values of a WooCommerce product (``GET products/<id>``) for the mappers."""
    return {
        "id": product["id"],
        "type": product.get("type") or "simple",
        "parent_id": False,
        "name": product.get("name") or "",
        "sku": product.get("sku") or "",
        # the regular price: a sale price is temporary
        "regular_price": product.get("regular_price") or product.get("price") or "0",
        "manage_stock": bool(product.get("manage_stock")),
        "stock_quantity": product.get("stock_quantity"),
        "attributes": [],
    }


def variation_values(variation, parent):
    """Values of a variation of the variable product ``parent`` for the mappers.

    ``variation`` comes from ``GET products/<parent>/variations`` (or from
    ``GET products/<id>`` of a variation); its name is the name of ``parent``
    followed by the options of its attributes.
    """
    attributes = [
        (attribute.get("name") or "", attribute["option"])
        for attribute in variation.get("attributes") or []
        if attribute.get("option")
    ]
    name = parent.get("name") or ""
    if attributes:
        name = "%s - %s" % (name, ", ".join(option for __, option in attributes))
    values = product_values(variation)
    values.update(
        type="variation", parent_id=parent["id"], name=name, attributes=attributes
    )
    return values


class AcmeProductProductAdapter(Component):
    _name = "acme.product.product.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.product"

    _resource = "products"
    #: records one batch request may update: the most WooCommerce takes
    _batch_size = 100

    def variations(self, parent_id):
        """Yield the variations of a variable product, page after page."""
        endpoint = "%s/%s/variations" % (self._resource, parent_id)
        return self.get_all(endpoint, params=self._page_params())

    def _variation_endpoint(self, external_id):
        """``products/<parent>/variations/<id>`` of a bound variation, else None.

        WooCommerce refuses to write a variation through ``products/<id>``.
        """
        binding = self.binder_for().to_internal(external_id)
        if not binding.external_parent_id:
            return None
        return "%s/%s/variations/%s" % (
            self._resource,
            binding.external_parent_id,
            external_id,
        )

    def write(self, external_id, data):  # pylint: disable=W8106
        endpoint = self._variation_endpoint(external_id)
        if not endpoint:
            return super().write(external_id, data)
        # a variation has no name of its own: its product's and its options
        data = {key: value for key, value in data.items() if key != "name"}
        return self.put(endpoint, data=data)

    def set_inventory_levels(self, levels):
        """Set the stock of products and variations in batch requests.

        WooCommerce counts stock only where ``manage_stock`` is on: the export
        turns it on. It has one stock per product (no locations): the
        ``location_id`` of the levels is not sent.

        :param levels: ``{"product_id", "location_id", "quantity"}`` dicts, one
            request per collection (the products, the variations of one
            variable product, found from the bindings) and per ``_batch_size``
            records
        :raise UserError: naming the records WooCommerce refused
        """
        binder = self.binder_for()
        collections = {}
        for level in levels:
            binding = binder.to_internal(level["product_id"])
            update = {
                "id": int(level["product_id"]),
                "manage_stock": True,
                "stock_quantity": int(level["quantity"]),
            }
            parent_id = binding.external_parent_id or False
            collections.setdefault(parent_id, []).append(update)
        refused = []
        for parent_id, updates in collections.items():
            endpoint = self._batch_endpoint(parent_id)
            for start in range(0, len(updates), self._batch_size):
                batch = updates[start : start + self._batch_size]
                answer = self.post(endpoint, data={"update": batch})
                # a refused record is an item with an error, the others are saved
                refused += [
                    "%s: %s" % (item.get("id"), item["error"].get("message"))
                    for item in answer.get("update") or []
                    if item.get("error")
                ]
        if refused:
            raise UserError(
                _("WooCommerce refused the stock of %s", "; ".join(refused))
            )

    def _batch_endpoint(self, parent_id):
        if parent_id:
            return "%s/%s/variations/batch" % (self._resource, parent_id)
        return "%s/batch" % self._resource


class AcmeProductProductImporter(Component):
    """Import a simple product or a variation; a variable product imports its
    variations, the variable product itself is not bound."""

    _name = "acme.product.product.importer"
    _inherit = "acme.record.importer"
    _apply_on = "acme.product.product"

    def run(self, external_id, force=False, external_data=None):
        if external_data is None:
            product = self.backend_adapter.read(external_id)
            if product.get("type") == "variable":
                return self._import_variations(product, force=force)
            external_data = self._product_values(product)
        return super().run(external_id, force=force, external_data=external_data)

    def _product_values(self, product):
        if product.get("type") == "variation":
            # a variation read alone (a webhook): its parent names it
            parent = self.backend_adapter.read(product["parent_id"])
            return variation_values(product, parent)
        return product_values(product)

    def _import_variations(self, parent, force=False):
        importer = self.component(usage="record.importer")
        count = 0
        for variation in self.backend_adapter.variations(parent["id"]):
            values = variation_values(variation, parent)
            importer.run(variation["id"], force=force, external_data=values)
            count += 1
        return _(
            "%(count)s variation(s) of product %(product)s imported.",
            count=count,
            product=parent["id"],
        )

    def _must_skip(self):
        product_type = self.external_data.get("type")
        if product_type not in IMPORTED_TYPES:
            return _("%s products are not imported.", product_type)
        return super()._must_skip()


class AcmeProductProductImportMapper(Component):
    _name = "acme.product.product.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @mapping
    def name(self, record):
        fallback = "Acme Product %s" % record["id"]
        return {"name": record.get("name") or fallback}

    @mapping
    def default_code(self, record):
        return {"default_code": record.get("sku") or False}

    @mapping
    def list_price(self, record):
        return {"list_price": float(record.get("regular_price") or 0.0)}

    @mapping
    def external_parent_id(self, record):
        parent_id = record.get("parent_id")
        return {"external_parent_id": str(parent_id) if parent_id else False}

    @only_create
    @mapping
    def detailed_type(self, record):
        # stored products: their quantities are exported
        return {"detailed_type": "product"}


class AcmeProductProductExportMapper(Component):
    _name = "acme.product.product.export.mapper"
    _inherit = ["generic.export.mapper", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @changed_by("name")
    @mapping
    def name(self, record):
        return {"name": record.name or ""}

    @changed_by("default_code")
    @mapping
    def sku(self, record):
        return {"sku": record.default_code or ""}

    @changed_by("lst_price", "list_price")
    @mapping
    def regular_price(self, record):
        # WooCommerce prices are strings
        return {"regular_price": str(record.lst_price)}


class AcmeProductProductBindingListener(Component):
    """Export a binding when a write on it changes an exported field."""

    _name = "acme.product.product.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.product.product"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
            self._delay_export(record, fields=fields)


class AcmeProductProductListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.product.product.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "product.product"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if not EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
            return
        for binding in record.acme_bind_ids:
            self._delay_export(binding, fields=fields)
