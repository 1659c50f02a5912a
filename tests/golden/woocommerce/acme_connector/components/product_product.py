from odoo import _
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping

#: product types imported as Odoo templates: a variable product's variations
#: are its variants; grouped and external products are not sold by the store
TEMPLATE_TYPES = ("simple", "variable")


def variant_values(product, options=None):
    """A canonical variant: a simple product, or a variation and its options."""
    weight = product.get("weight")
    return {
        "id": product["id"],
        "sku": product.get("sku") or False,
        # the GTIN, UPC, EAN or ISBN field of WooCommerce 9.2+
        "barcode": product.get("global_unique_id") or False,
        # the regular price: a sale price is temporary
        "price": float(product.get("regular_price") or product.get("price") or 0),
        "weight": float(weight) if weight not in (None, "") else None,
        "options": options or {},
        "inventory_item_id": None,
    }


def product_values(product, variations=()):
    """The canonical product of a WooCommerce product (``GET products/<id>``).

    A simple product is one variant without options. A variable product's
    options are its attributes used for variations, its variants its
    ``variations`` (``GET products/<id>/variations``), each with the
    ``option`` of its attributes. A variation read alone keeps its
    ``parent_id``: its product is imported instead.
    """
    options, variants = [], []
    if product.get("type") == "variable":
        for attribute in product.get("attributes") or []:
            if attribute.get("variation"):
                name, values = attribute.get("name") or "", attribute.get("options")
                options.append({"name": name, "values": values or []})
        for variation in variations:
            chosen = {
                attribute.get("name") or "": attribute["option"]
                for attribute in variation.get("attributes") or []
                if attribute.get("option")
            }
            variants.append(variant_values(variation, chosen))
    else:
        variants.append(variant_values(product))
    description = product.get("short_description") or product.get("description")
    return {
        "id": product["id"],
        "kind": product.get("type") or "simple",
        "parent_id": product.get("parent_id") or False,
        "name": product.get("name") or "",
        # HTML in WooCommerce, plain text in Odoo's sales description
        "description": html2plaintext(description) if description else False,
        "active": product.get("status") != "trash",
        "type": "product",
        "options": options,
        "variants": variants,
    }


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

    def delete_record(self, external_id, parent_id=None):
        """Delete a product, or a variation under its variable product
        (``parent_id``, kept on the binding); ``force``: not to the trash."""
        if not parent_id:
            return super().delete_record(external_id)
        endpoint = "%s/%s/variations/%s" % (self._resource, parent_id, external_id)
        return self.delete(endpoint, params={"force": "true"})

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


class AcmeProductTemplateAdapter(Component):
    """Products read as canonical products: a variable product with its
    variations (``GET products/<id>/variations``, every page)."""

    _name = "acme.product.template.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.template"

    _resource = "products"

    def read(self, external_id):  # pylint: disable=W8106
        product = super().read(external_id)
        variations = ()
        if product.get("type") == "variable":
            endpoint = "%s/%s/variations" % (self._resource, product["id"])
            variations = list(self.get_all(endpoint, params=self._page_params()))
        return product_values(product, variations)


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

    def _must_skip(self):
        kind = self.external_data.get("kind")
        if kind == "variation":
            # a product.updated webhook of a variation: its product is imported
            parent_id = self.external_data["parent_id"]
            self.import_dependency(parent_id, self.model._name, force=True)
            return _(
                "Variation %(variation)s imported with its product %(product)s.",
                variation=self.external_id,
                product=parent_id,
            )
        if kind not in TEMPLATE_TYPES:
            return _("%s products are not imported.", kind)
        return super()._must_skip()

    def _variant_binding_values(self, shop_variant):
        # a variation is written through products/<parent>/variations/<id>
        values = super()._variant_binding_values(shop_variant)
        variable = self.external_data.get("kind") == "variable"
        values["external_parent_id"] = self.external_id if variable else False
        return values


class AcmeProductProductImporter(Component):
    """A variant is imported with its product: order lines name variants."""

    _name = "acme.product.product.importer"
    _inherit = [
        "generic.product.variant.importer",
        "acme.record.importer",
    ]
    _apply_on = "acme.product.product"

    _template_binding_model = "acme.product.template"

    def _template_external_id(self):
        # a variation names its variable product; a simple product is its own
        if self.external_data.get("type") == "variation":
            return self.external_data.get("parent_id")
        return self.external_data.get("id")


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


class AcmeProductProductDeleter(Component):
    """Delete on WooCommerce the exported products and variations unbound in
    Odoo, when the backend has *Delete on the Backend*."""

    _name = "acme.product.product.deleter"
    _inherit = ["generic.deleter", "base.acme.connector"]
    _apply_on = "acme.product.product"


class AcmeProductProductBindingListener(Component):
    """Export a binding when a write on it changes an exported field; queue
    its deletion on WooCommerce when it is unlinked."""

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
