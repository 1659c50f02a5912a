from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError


class AcmeSaleOrderAdapter(Component):
    """Orders (``Order``) with their line items, by variant."""

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
    currencyCode
    displayFinancialStatus
    displayFulfillmentStatus
    cancelledAt
    updatedAt
    customer {
      id
    }
    currentSubtotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    currentTotalTaxSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    currentTotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
    }
    lineItems(first: $first, after: $after) {
      nodes {
        id
        name
        sku
        quantity
        variant {
          id
        }
        originalUnitPriceSet {
          shopMoney {
            amount
            currencyCode
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
"""

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
        """Flatten an ``Order`` node to the values the mappers read.

        Amounts are in the shop's currency (``shopMoney``); the totals and
        statuses are kept for the order rules to come.
        """
        return {
            "id": node["id"],
            "name": node.get("name"),
            "customer_id": (node.get("customer") or {}).get("id"),
            "currency": node.get("currencyCode"),
            "financial_status": node.get("displayFinancialStatus"),
            "fulfillment_status": node.get("displayFulfillmentStatus"),
            "cancelled_at": node.get("cancelledAt"),
            "subtotal": self.money(node.get("currentSubtotalPriceSet")),
            "total_tax": self.money(node.get("currentTotalTaxSet")),
            "total": self.money(node.get("currentTotalPriceSet")),
            "line_items": [
                {
                    "id": line["id"],
                    "name": line.get("name"),
                    "sku": line.get("sku"),
                    "product_id": (line.get("variant") or {}).get("id"),
                    "quantity": float(line.get("quantity") or 0),
                    "price": self.money(line.get("originalUnitPriceSet")),
                }
                for line in (node.get("lineItems") or {}).get("nodes") or []
            ],
        }


class AcmeSaleOrderImportMapper(Component):
    _name = "acme.sale.order.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.sale.order"

    children = [
        ("line_items", "order_line", "sale.order.line"),
    ]

    def _map_child(self, map_record, from_attr, to_attr, model_name):
        # OCA reads ``source[from_attr]``: a payload without the key would
        # raise KeyError; it maps no line instead
        if not map_record.source.get(from_attr):
            return []
        return super()._map_child(map_record, from_attr, to_attr, model_name)

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
            raise MappingError(
                "No customer_id in the record and no Partner for Guest Orders "
                "on the backend."
            )
        binder = self.binder_for("acme.res.partner")
        related = binder.to_internal(external_id, unwrap=True)
        if not related:
            raise MappingError("Customer %s is not imported." % external_id)
        return {"partner_id": related.id}


class AcmeSaleOrderLineImportMapper(Component):
    """Map one item of ``line_items`` to a sale.order.line record."""

    _name = "acme.sale.order.lines.import.mapper"
    _inherit = ["base.import.mapper", "base.acme.connector"]
    _apply_on = "sale.order.line"

    @mapping
    def product_id(self, record):
        external_id = record.get("product_id")
        binder = self.binder_for("acme.product.product")
        product = binder.to_internal(external_id, unwrap=True) if external_id else None
        if not product:
            raise MappingError("Product %s of a line is not imported." % external_id)
        return {"product_id": product.id}

    @mapping
    def product_uom_qty(self, record):
        return {"product_uom_qty": float(record.get("quantity") or 0.0)}

    @mapping
    def price_unit(self, record):
        return {"price_unit": float(record.get("price") or 0.0)}


class AcmeSaleOrderImporter(Component):
    _name = "acme.sale.order.importer"
    _inherit = "acme.record.importer"
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

    def _update(self, binding, values):
        # the lines are created with the record: updating them again would
        # duplicate them
        values.pop("order_line", None)
        return super()._update(binding, values)
