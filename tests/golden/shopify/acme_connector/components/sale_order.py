from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError


class AcmeSaleOrderAdapter(Component):
    """Orders (``Order``) with their line items by variant, taxes, shipping
    lines and discounts; fulfilments of their fulfillment orders."""

    _name = "acme.sale.order.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.sale.order"

    _resource = "orders"
    _read_root = "order"
    _read_query = """
query GetOrder($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    id
    name
    email
    note
    createdAt
    processedAt
    currencyCode
    taxesIncluded
    displayFinancialStatus
    displayFulfillmentStatus
    cancelledAt
    updatedAt
    discountCodes
    customer {
      id
    }
    billingAddress {
      ...Address
    }
    shippingAddress {
      ...Address
    }
    currentSubtotalPriceSet {
      ...Money
    }
    currentTotalTaxSet {
      ...Money
    }
    currentTotalPriceSet {
      ...Money
    }
    shippingLines(first: 20) {
      nodes {
        id
        title
        originalPriceSet {
          ...Money
        }
        taxLines {
          ...Taxes
        }
        discountAllocations {
          allocatedAmountSet {
            ...Money
          }
        }
      }
    }
    lineItems(first: $first, after: $after) {
      nodes {
        id
        name
        sku
        quantity
        currentQuantity
        variant {
          id
        }
        originalUnitPriceSet {
          ...Money
        }
        taxLines {
          ...Taxes
        }
        discountAllocations {
          allocatedAmountSet {
            ...Money
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
fragment Money on MoneyBag {
  shopMoney {
    amount
    currencyCode
  }
}
fragment Taxes on TaxLine {
  title
  rate
  ratePercentage
  priceSet {
    ...Money
  }
}
fragment Address on MailingAddress {
  name
  company
  address1
  address2
  city
  zip
  provinceCode
  province
  countryCodeV2
  phone
}
"""
    _fulfillment_orders_query = """
query GetFulfillmentOrders($id: ID!) {
  order(id: $id) {
    fulfillmentOrders(first: 20) {
      nodes {
        id
        status
        lineItems(first: 250) {
          nodes {
            id
            remainingQuantity
            lineItem {
              id
            }
          }
        }
      }
    }
  }
}
"""
    _fulfillment_mutation = """
mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment {
      id
      status
    }
    userErrors {
      field
      message
    }
  }
}
"""

    #: ``displayFinancialStatus`` -> canonical financial status
    FINANCIAL_STATUSES = {
        "PENDING": "pending",
        "AUTHORIZED": "authorized",
        "PARTIALLY_PAID": "partially_paid",
        "PAID": "paid",
        "PARTIALLY_REFUNDED": "partially_refunded",
        "REFUNDED": "refunded",
        "VOIDED": "voided",
        "EXPIRED": "voided",
    }
    #: ``displayFulfillmentStatus`` -> canonical fulfilment status
    FULFILLMENT_STATUSES = {
        "UNFULFILLED": "unfulfilled",
        "PARTIALLY_FULFILLED": "partial",
        "FULFILLED": "fulfilled",
    }

    def read(self, external_id):  # pylint: disable=W8106
        """Read the order and every page of its line items."""
        variables = {"id": external_id, "first": 250, "after": None}
        node = self.graphql(self._read_query, variables).get("order")
        if not node:
            raise self.not_found(external_id)
        lines = node["lineItems"]
        while lines["pageInfo"]["hasNextPage"]:
            variables["after"] = lines["pageInfo"]["endCursor"]
            more = self.graphql(self._read_query, variables).get("order")
            more_lines = (more or {}).get("lineItems") or {}
            lines = {
                "nodes": lines["nodes"] + (more_lines.get("nodes") or []),
                "pageInfo": more_lines.get("pageInfo") or {"hasNextPage": False},
            }
        node["lineItems"] = lines
        return self.normalise(node)

    def normalise(self, node):
        """The canonical order values of an ``Order`` node.

        Amounts are the shop's (``shopMoney``, in ``currencyCode``), not the
        customer's presentment currency: the shop's currency is the one its
        books are kept in. Unit prices include tax iff ``taxesIncluded``.
        """
        customer = node.get("customer") or {}
        return {
            "id": node["id"],
            "name": node.get("name"),
            "date": node.get("processedAt") or node.get("createdAt"),
            "currency": node.get("currencyCode"),
            "prices_include_tax": bool(node.get("taxesIncluded")),
            "financial_status": self.FINANCIAL_STATUSES.get(
                node.get("displayFinancialStatus"), "pending"
            ),
            "cancelled": bool(node.get("cancelledAt")),
            "fulfillment_status": self.FULFILLMENT_STATUSES.get(
                node.get("displayFulfillmentStatus")
            ),
            "customer_id": customer.get("id"),
            "email": node.get("email"),
            "billing_address": self.address(node.get("billingAddress"), node),
            "shipping_address": self.address(node.get("shippingAddress"), node),
            "note": node.get("note"),
            "line_items": [
                self._line(line)
                for line in (node.get("lineItems") or {}).get("nodes") or []
            ],
            "shipping_lines": [
                {
                    "id": line.get("id") or "shipping-%s" % index,
                    "name": line.get("title"),
                    "price": self.money(line.get("originalPriceSet")),
                    "discount": self._discount(line),
                    "taxes": self._taxes(line),
                }
                for index, line in enumerate(
                    (node.get("shippingLines") or {}).get("nodes") or []
                )
            ],
            "fee_lines": [],
            "discount_codes": list(node.get("discountCodes") or []),
            "subtotal": self.money(node.get("currentSubtotalPriceSet")),
            "total_tax": self.money(node.get("currentTotalTaxSet")),
            "total": self.money(node.get("currentTotalPriceSet")),
        }

    def _line(self, line):
        quantity = line.get("currentQuantity")
        if quantity is None:
            quantity = line.get("quantity")
        return {
            "id": line["id"],
            "product_id": (line.get("variant") or {}).get("id"),
            "sku": line.get("sku"),
            "name": line.get("name"),
            "quantity": float(quantity or 0),
            "price": self.money(line.get("originalUnitPriceSet")),
            "discount": self._discount(line),
            "taxes": self._taxes(line),
        }

    def _taxes(self, line):
        taxes = []
        for tax in line.get("taxLines") or []:
            rate = tax.get("ratePercentage")
            if rate is None:
                # ``rate`` is a fraction (0.2 for 20%)
                rate = float(tax.get("rate") or 0.0) * 100
            taxes.append(
                {
                    "name": tax.get("title"),
                    "rate": round(float(rate), 4),
                    "amount": self.money(tax.get("priceSet")),
                }
            )
        return taxes

    def _discount(self, line):
        return round(
            sum(
                self.money(allocation.get("allocatedAmountSet"))
                for allocation in line.get("discountAllocations") or []
            ),
            6,
        )

    @staticmethod
    def address(address, order=None):
        """A canonical address of a ``MailingAddress``, None when missing."""
        if not address:
            return None
        return {
            "name": address.get("name"),
            "company": address.get("company"),
            "street": address.get("address1"),
            "street2": address.get("address2"),
            "city": address.get("city"),
            "zip": address.get("zip"),
            "state_code": address.get("provinceCode"),
            "state_name": address.get("province"),
            "country_code": address.get("countryCodeV2"),
            "phone": address.get("phone"),
            "email": (order or {}).get("email"),
        }

    def create_fulfillment(self, external_id, values):
        """Fulfil the shipped lines with ``fulfillmentCreate`` (its V2 is
        deprecated): the lines go through the open fulfillment orders of
        the order, which hold them by fulfillment order line item.

        :param values: see ``generic.sale.fulfillment.exporter``
        """
        answer = self.graphql(self._fulfillment_orders_query, {"id": external_id})
        orders = ((answer.get("order") or {}).get("fulfillmentOrders") or {}).get(
            "nodes"
        ) or []
        wanted = {line["line_id"]: line["quantity"] for line in values["lines"]}
        by_order = []
        for fulfillment_order in orders:
            if fulfillment_order.get("status") not in ("OPEN", "IN_PROGRESS"):
                continue
            items = []
            for item in (fulfillment_order.get("lineItems") or {}).get("nodes") or []:
                line_id = (item.get("lineItem") or {}).get("id")
                quantity = min(
                    wanted.get(line_id, 0), item.get("remainingQuantity") or 0
                )
                if quantity > 0:
                    items.append({"id": item["id"], "quantity": int(quantity)})
                    wanted[line_id] -= quantity
            if items:
                by_order.append(
                    {
                        "fulfillmentOrderId": fulfillment_order["id"],
                        "fulfillmentOrderLineItems": items,
                    }
                )
        if not by_order:
            raise self.unexpected_answer(
                "order %s has no open fulfillment order for the shipped lines"
                % external_id
            )
        fulfillment = {
            "lineItemsByFulfillmentOrder": by_order,
            "notifyCustomer": True,
            "trackingInfo": {
                "number": values.get("tracking_number"),
                "company": values.get("carrier"),
                "url": values.get("tracking_url"),
            },
        }
        return self.mutate(
            self._fulfillment_mutation,
            {"fulfillment": fulfillment},
            "fulfillmentCreate",
        )


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
