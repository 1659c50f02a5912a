from odoo import _

from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError

#: WooCommerce order status -> canonical financial status
FINANCIAL_STATUSES = {
    "pending": "pending",
    "on-hold": "pending",
    "checkout-draft": "pending",
    "processing": "paid",
    "completed": "paid",
    "refunded": "refunded",
    "cancelled": "voided",
    "failed": "voided",
}


def amount(value):
    """A WooCommerce amount (a string, ``""`` for none) as a float."""
    return float(value) if value not in (None, "") else 0.0


def address_values(address, email=None):
    """The canonical address of a WooCommerce ``billing``/``shipping``."""
    address = address or {}
    names = (address.get("first_name"), address.get("last_name"))
    name = " ".join(filter(None, names))
    if not (name or address.get("address_1") or address.get("company")):
        return None
    return {
        "name": name or None,
        "company": address.get("company") or None,
        "street": address.get("address_1") or None,
        "street2": address.get("address_2") or None,
        "city": address.get("city") or None,
        "zip": address.get("postcode") or None,
        "state_code": address.get("state") or None,
        "state_name": None,
        "country_code": address.get("country") or None,
        "phone": address.get("phone") or None,
        "email": address.get("email") or email,
    }


def tax_values(taxes, rates):
    """Canonical taxes of an item's ``taxes`` (``[{"id": rate_id, "total"}]``).

    The rate of each comes from the order's ``tax_lines`` (``rate_percent``,
    by ``rate_id``); a rate that does not apply to the item has an empty
    total.
    """
    values = []
    for tax in taxes or []:
        if tax.get("total") in (None, ""):
            continue
        rate = rates.get(tax.get("id")) or {}
        values.append(
            {
                "name": rate.get("label")
                or rate.get("rate_code")
                or str(tax.get("id")),
                "rate": amount(rate.get("rate_percent")),
                "amount": amount(tax.get("total")),
            }
        )
    return values


def line_values(line, rates, include):
    """The canonical line of an item of ``line_items``.

    WooCommerce keeps item amounts without tax (``subtotal`` before and
    ``total`` after discounts, ``*_tax`` their taxes): the unit price and the
    discount are given with tax when the shop's prices include it.
    """
    quantity = line.get("quantity") or 0
    before = amount(line.get("subtotal"))
    after = amount(line.get("total"))
    if include:
        before += amount(line.get("subtotal_tax"))
        after += amount(line.get("total_tax"))
    return {
        "id": line.get("id"),
        # the Odoo product: the variation's when the line has one
        "product_id": line.get("variation_id") or line.get("product_id") or None,
        # a variation is imported with its variable product
        "parent_product_id": line.get("product_id") or None,
        "sku": line.get("sku") or None,
        "name": line.get("name") or "",
        "quantity": float(quantity),
        "price": round(before / quantity, 6) if quantity else 0.0,
        "discount": round(before - after, 6),
        "taxes": tax_values(line.get("taxes"), rates),
    }


def charge_values(line, name, rates, include):
    """The canonical charge of a shipping or fee line."""
    price = amount(line.get("total"))
    if include:
        price += amount(line.get("total_tax"))
    return {
        "id": line.get("id"),
        "name": name,
        "price": round(price, 6),
        "discount": 0.0,
        "taxes": tax_values(line.get("taxes"), rates),
    }


def order_values(order):
    """The canonical values of a WooCommerce order (``GET orders/<id>``)."""
    include = bool(order.get("prices_include_tax"))
    rates = {line.get("rate_id"): line for line in order.get("tax_lines") or []}
    status = order.get("status") or ""
    financial = FINANCIAL_STATUSES.get(status, "pending")
    if financial == "pending" and order.get("date_paid_gmt"):
        financial = "paid"
    date = order.get("date_created_gmt")
    return {
        "id": order["id"],
        "name": order.get("number") or str(order["id"]),
        "date": "%sZ" % date if date else None,
        "currency": order.get("currency") or None,
        "prices_include_tax": include,
        "financial_status": financial,
        "cancelled": status == "cancelled",
        "fulfillment_status": "fulfilled" if status == "completed" else "unfulfilled",
        # 0 is a guest checkout
        "customer_id": order.get("customer_id") or None,
        "email": (order.get("billing") or {}).get("email") or None,
        "billing_address": address_values(order.get("billing")),
        "shipping_address": address_values(order.get("shipping")),
        "note": order.get("customer_note") or None,
        "line_items": [
            line_values(line, rates, include) for line in order.get("line_items") or []
        ],
        "shipping_lines": [
            charge_values(line, line.get("method_title") or "", rates, include)
            for line in order.get("shipping_lines") or []
        ],
        "fee_lines": [
            charge_values(line, line.get("name") or "", rates, include)
            for line in order.get("fee_lines") or []
        ],
        "discount_codes": [
            line.get("code")
            for line in order.get("coupon_lines") or []
            if line.get("code")
        ],
        "subtotal": sum(
            amount(line.get("subtotal")) for line in order.get("line_items") or []
        ),
        "total_tax": amount(order.get("total_tax")),
        "total": amount(order.get("total")),
    }


class AcmeSaleOrderAdapter(Component):
    _name = "acme.sale.order.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.sale.order"

    _resource = "orders"

    def create_fulfillment(self, external_id, values):
        """Complete the order and add a note to the customer with the
        carrier and tracking (WooCommerce has no shipment resource of its
        own).

        :param values: see ``generic.sale.fulfillment.exporter``
        """
        self.put("%s/%s" % (self._resource, external_id), data={"status": "completed"})
        details = [values.get("carrier"), values.get("tracking_number")]
        details = " ".join(filter(None, details))
        if values.get("tracking_url"):
            details = "%s (%s)" % (details, values["tracking_url"])
        if details:
            self.post(
                "%s/%s/notes" % (self._resource, external_id),
                data={
                    "note": _("Shipped: %s", details),
                    "customer_note": True,
                },
            )


class AcmeSaleOrderImporter(Component):
    _name = "acme.sale.order.importer"
    _inherit = [
        "generic.sale.order.importer",
        "acme.record.importer",
    ]
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
            if not line["product_id"] or products.to_internal(line["product_id"]):
                continue
            # a variation is imported with its variable product
            importer = self.component("record.importer", product_model)
            importer.run(line["parent_product_id"])


class AcmeSaleOrderImportMapper(Component):
    _name = "acme.sale.order.import.mapper"
    _inherit = [
        "generic.sale.order.import.mapper",
        "base.acme.connector",
    ]
    _apply_on = "acme.sale.order"

    @mapping
    def client_order_ref(self, record):
        return {"client_order_ref": record["name"]}

    @only_create
    @mapping
    def partner_id(self, record):
        external_id = record["customer_id"]
        if not external_id:
            # a guest checkout: the partner of the backend's settings
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
    """Map a canonical line (see ``line_values``) to a sale order line."""

    _name = "acme.sale.order.lines.import.mapper"
    _inherit = [
        "generic.sale.order.line.import.mapper",
        "base.acme.connector",
    ]
    _apply_on = "sale.order.line"

    @mapping
    def product_id(self, record):
        external_id = record["product_id"]
        binder = self.binder_for("acme.product.product")
        product = binder.to_internal(external_id, unwrap=True) if external_id else None
        if not product:
            raise MappingError(
                "Product %s of line %s is not imported." % (external_id, record["name"])
            )
        return {"product_id": product.id}


class AcmeSaleOrderFulfillmentExporter(Component):
    _name = "acme.sale.order.fulfillment.exporter"
    _inherit = [
        "generic.sale.fulfillment.exporter",
        "base.acme.connector",
    ]
    _apply_on = "acme.sale.order"
