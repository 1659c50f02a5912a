from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError


class AcmeSaleOrderAdapter(Component):
    _name = "acme.sale.order.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.sale.order"

    _resource = "orders"

    def create_fulfillment(self, external_id, values):
        """Send a fulfilment (shipped lines, carrier, tracking number and URL)
        to the order's ``fulfillments`` resource."""
        endpoint = "%s/%s/fulfillments" % (self._resource, external_id)
        return self.post(endpoint, data=values)


class AcmeSaleOrderImportMapper(Component):
    _name = "acme.sale.order.import.mapper"
    _inherit = [
        "generic.sale.order.import.mapper",
        "base.acme.connector",
    ]
    _apply_on = "acme.sale.order"

    @mapping
    def client_order_ref(self, record):
        fallback = "Acme Order %s" % record["id"]
        return {"client_order_ref": record.get("name") or fallback}

    @only_create
    @mapping
    def partner_id(self, record):
        external_id = record.get("customer_id")
        if not external_id:
            # e.g. a guest checkout: the record of the backend's settings
            default = self.backend_record.guest_partner_id
            if default:
                return {"partner_id": default.id}
            # else a partner of its own (generic.sale.order.importer)
            return {}
        binder = self.binder_for("acme.res.partner")
        related = binder.to_internal(external_id, unwrap=True)
        if not related:
            raise MappingError("Customer %s is not imported." % external_id)
        return {"partner_id": related.id}


class AcmeSaleOrderLineImportMapper(Component):
    """Map a canonical line of ``line_items`` to a sale order line."""

    _name = "acme.sale.order.lines.import.mapper"
    _inherit = [
        "generic.sale.order.line.import.mapper",
        "base.acme.connector",
    ]
    _apply_on = "sale.order.line"

    @mapping
    def product_id(self, record):
        external_id = record.get("product_id")
        binder = self.binder_for("acme.product.product")
        product = binder.to_internal(external_id, unwrap=True) if external_id else None
        if not product:
            raise MappingError("Product %s of a line is not imported." % external_id)
        return {"product_id": product.id}


class AcmeSaleOrderImporter(Component):
    _name = "acme.sale.order.importer"
    _inherit = [
        "generic.sale.order.importer",
        "acme.record.importer",
    ]
    _apply_on = "acme.sale.order"

    def _import_dependencies(self):
        record = self.external_data
        if record.get("customer_id"):
            self.import_dependency(
                record["customer_id"],
                "acme.res.partner",
            )
        for line in record.get("line_items") or []:
            if line.get("product_id"):
                self.import_dependency(
                    line["product_id"],
                    "acme.product.product",
                )


class AcmeSaleOrderFulfillmentExporter(Component):
    _name = "acme.sale.order.fulfillment.exporter"
    _inherit = [
        "generic.sale.fulfillment.exporter",
        "base.acme.connector",
    ]
    _apply_on = "acme.sale.order"
