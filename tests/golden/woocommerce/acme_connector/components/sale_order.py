from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError


def line_values(line):
    """Values of an item of ``line_items`` for the line mapper."""
    quantity = line.get("quantity") or 0
    price = line.get("price")
    if price in (None, ""):
        price = float(line.get("total") or 0) / quantity if quantity else 0.0
    return {
        "id": line.get("id"),
        "name": line.get("name") or "",
        "sku": line.get("sku") or "",
        "product_id": line.get("product_id") or False,
        "variation_id": line.get("variation_id") or False,
        # the Odoo product: the variation's when the line has one
        "product_ref": line.get("variation_id") or line.get("product_id") or False,
        "quantity": quantity,
        # unit price after discounts, without tax
        "price": price,
        "subtotal": line.get("subtotal") or "0",
        "subtotal_tax": line.get("subtotal_tax") or "0",
        "total": line.get("total") or "0",
        "total_tax": line.get("total_tax") or "0",
        "taxes": line.get("taxes") or [],
    }


def order_values(order):
    """Values of a WooCommerce order (``GET orders/<id>``) for the mappers.

    Shipping, fee, coupon and tax lines and the totals are kept for the
    mappers that need them; the order mapper imports the items.
    """
    return {
        "id": order["id"],
        "number": order.get("number") or str(order["id"]),
        "status": order.get("status") or "",
        "currency": order.get("currency") or "",
        "prices_include_tax": bool(order.get("prices_include_tax")),
        # 0 is a guest checkout
        "customer_id": order.get("customer_id") or False,
        "billing": dict(order.get("billing") or {}),
        "shipping": dict(order.get("shipping") or {}),
        "line_items": [line_values(line) for line in order.get("line_items") or []],
        "shipping_lines": [
            {
                "id": line.get("id"),
                "method_id": line.get("method_id") or "",
                "method_title": line.get("method_title") or "",
                "total": line.get("total") or "0",
                "total_tax": line.get("total_tax") or "0",
            }
            for line in order.get("shipping_lines") or []
        ],
        "fee_lines": [
            {
                "id": line.get("id"),
                "name": line.get("name") or "",
                "total": line.get("total") or "0",
                "total_tax": line.get("total_tax") or "0",
            }
            for line in order.get("fee_lines") or []
        ],
        "coupon_lines": [
            {
                "id": line.get("id"),
                "code": line.get("code") or "",
                "discount": line.get("discount") or "0",
                "discount_tax": line.get("discount_tax") or "0",
            }
            for line in order.get("coupon_lines") or []
        ],
        "tax_lines": [
            {
                "id": line.get("id"),
                "rate_id": line.get("rate_id"),
                "rate_code": line.get("rate_code") or "",
                "label": line.get("label") or "",
                "tax_total": line.get("tax_total") or "0",
                "shipping_tax_total": line.get("shipping_tax_total") or "0",
            }
            for line in order.get("tax_lines") or []
        ],
        "discount_total": order.get("discount_total") or "0",
        "shipping_total": order.get("shipping_total") or "0",
        "total_tax": order.get("total_tax") or "0",
        "total": order.get("total") or "0",
    }


class AcmeSaleOrderAdapter(Component):
    _name = "acme.sale.order.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.sale.order"

    _resource = "orders"


class AcmeSaleOrderImporter(Component):
    _name = "acme.sale.order.importer"
    _inherit = "acme.record.importer"
    _apply_on = "acme.sale.order"

    def _get_external_data(self):
        return order_values(self.backend_adapter.read(self.external_id))

    def _import_dependencies(self):
        record = self.external_data
        if record["customer_id"]:
            self.import_dependency(
                record["customer_id"],
                "acme.res.partner",
            )
        product_model = "acme.product.product"
        products = self.binder_for(product_model)
        for line in record["line_items"]:
            if not line["product_ref"] or products.to_internal(line["product_ref"]):
                continue
            # a variation is imported with its variable product
            importer = self.component("record.importer", product_model)
            importer.run(line["product_id"])

    def _update(self, binding, values):
        # the lines are created with the record: updating them again would
        # duplicate them
        values.pop("order_line", None)
        return super()._update(binding, values)


class AcmeSaleOrderImportMapper(Component):
    _name = "acme.sale.order.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.sale.order"

    children = [
        ("line_items", "order_line", "sale.order.line"),
    ]

    def _map_child(self, map_record, from_attr, to_attr, model_name):
        # OCA reads ``source[from_attr]``: an order without items maps no line
        if not map_record.source.get(from_attr):
            return []
        return super()._map_child(map_record, from_attr, to_attr, model_name)

    @mapping
    def client_order_ref(self, record):
        return {"client_order_ref": record["number"]}

    @only_create
    @mapping
    def partner_id(self, record):
        external_id = record["customer_id"]
        if not external_id:
            # a guest checkout: the partner of the backend's settings
            default = self.backend_record.guest_partner_id
            if default:
                return {"partner_id": default.id}
            raise MappingError(
                "Order %s is a guest order and the backend has no "
                "Partner for Guest Orders." % record["number"]
            )
        binder = self.binder_for("acme.res.partner")
        related = binder.to_internal(external_id, unwrap=True)
        if not related:
            raise MappingError("Customer %s is not imported." % external_id)
        return {"partner_id": related.id}


class AcmeSaleOrderLineImportMapper(Component):
    """Map an item of ``line_items`` (see ``line_values``) to a sale order line."""

    _name = "acme.sale.order.lines.import.mapper"
    _inherit = ["base.import.mapper", "base.acme.connector"]
    _apply_on = "sale.order.line"

    @mapping
    def product_id(self, record):
        external_id = record["product_ref"]
        binder = self.binder_for("acme.product.product")
        product = binder.to_internal(external_id, unwrap=True) if external_id else None
        if not product:
            raise MappingError(
                "Product %s of line %s is not imported." % (external_id, record["name"])
            )
        return {"product_id": product.id}

    @mapping
    def product_uom_qty(self, record):
        return {"product_uom_qty": float(record.get("quantity") or 0.0)}

    @mapping
    def price_unit(self, record):
        return {"price_unit": float(record.get("price") or 0.0)}
