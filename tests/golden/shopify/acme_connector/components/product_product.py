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


class AcmeProductProductAdapter(Component):
    """Product variants: each ``ProductVariant`` is one bound product.product.

    The product (template) level comes with the template/variant bindings;
    until then a variant's name is its product's title, plus the variant's
    title when the product has options.
    """

    _name = "acme.product.product.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.product"

    _resource = "productVariants"
    _read_root = "productVariant"
    _read_query = """
query GetProductVariant($id: ID!) {
  productVariant(id: $id) {
    id
    title
    sku
    barcode
    price
    updatedAt
    product {
      id
      title
    }
    inventoryItem {
      id
    }
  }
}
"""
    _product_query = """
query GetVariantProduct($id: ID!) {
  productVariant(id: $id) {
    id
    product {
      id
    }
    inventoryItem {
      id
    }
  }
}
"""
    _product_variants_query = """
query GetProductVariantIds($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    variants(first: $first, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
"""
    _create_mutation = """
mutation ProductCreate($product: ProductCreateInput!) {
  productCreate(product: $product) {
    product {
      id
      variants(first: 1) {
        nodes {
          id
          inventoryItem {
            id
          }
        }
      }
    }
    userErrors {
      field
      message
    }
  }
}
"""
    _update_mutation = """
mutation ProductUpdate($product: ProductUpdateInput!) {
  productUpdate(product: $product) {
    product {
      id
    }
    userErrors {
      field
      message
    }
  }
}
"""
    _variants_mutation = """
mutation ProductVariantsBulkUpdate(
  $productId: ID!
  $variants: [ProductVariantsBulkInput!]!
) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants {
      id
    }
    userErrors {
      field
      message
    }
  }
}
"""
    _inventory_mutation = """
mutation InventorySetQuantities(
  $input: InventorySetQuantitiesInput!
  $idempotencyKey: String!
) {
  inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
    inventoryAdjustmentGroup {
      id
    }
    userErrors {
      field
      message
    }
  }
}
"""

    def normalise(self, node):
        """Flatten a ``ProductVariant`` node to the values the mappers read."""
        product = node.get("product") or {}
        title = product.get("title") or ""
        variant_title = node.get("title") or ""
        if variant_title and variant_title != self._default_variant_title:
            title = "%s (%s)" % (title, variant_title) if title else variant_title
        price = node.get("price")
        return {
            "id": node["id"],
            "title": title,
            "sku": node.get("sku") or False,
            "barcode": node.get("barcode") or False,
            "price": float(price) if price not in (None, "") else 0.0,
            "inventory_item_id": (node.get("inventoryItem") or {}).get("id"),
            "product_id": product.get("id"),
        }

    def variant_ids(self, product_id):
        """Yield the gids of the variants of a product (a product webhook)."""
        variables = {"id": product_id, "first": 250, "after": None}
        while True:
            data = self.graphql(self._product_variants_query, variables)
            variants = (data.get("product") or {}).get("variants") or {}
            for node in variants.get("nodes") or []:
                yield node["id"]
            info = variants.get("pageInfo") or {}
            if not (info.get("hasNextPage") and info.get("endCursor")):
                return
            variables["after"] = info["endCursor"]

    def create(self, data):  # pylint: disable=W8106
        """Create a product with one variant; return the variant's gid."""
        result = self.mutate(
            self._create_mutation,
            {"product": {"title": data.get("title") or ""}},
            "productCreate",
        )
        product = result.get("product") or {}
        variants = (product.get("variants") or {}).get("nodes") or []
        if not variants:
            raise self.unexpected_answer("productCreate returned no variant")
        self._update_variant(product["id"], variants[0]["id"], data)
        return variants[0]["id"]

    def write(self, external_id, data):  # pylint: disable=W8106
        """Update the variant (price, SKU) and its product's title."""
        product_id = self._variant_links(external_id)["product"]["id"]
        if "title" in data:
            self.mutate(
                self._update_mutation,
                {"product": {"id": product_id, "title": data["title"]}},
                "productUpdate",
            )
        self._update_variant(product_id, external_id, data)

    def _variant_links(self, external_id):
        """The variant's product and inventory item (``{"id": gid}`` each)."""
        data = self.graphql(self._product_query, {"id": external_id})
        node = data.get("productVariant")
        if not node:
            raise self.not_found(external_id)
        return node

    def _update_variant(self, product_id, variant_id, data):
        variant = {"id": variant_id}
        if "price" in data:
            variant["price"] = str(data["price"])
        if "sku" in data:
            # since 2024-04 the SKU belongs to the variant's inventory item
            variant["inventoryItem"] = {"sku": data["sku"]}
        if len(variant) == 1:
            return
        self.mutate(
            self._variants_mutation,
            {"productId": product_id, "variants": [variant]},
            "productVariantsBulkUpdate",
        )

    def inventory_item(self, external_id):
        """gid of the variant's inventory item, kept on the binding."""
        binding = self.binder_for().to_internal(external_id)
        if binding and binding.inventory_item_external_id:
            return binding.inventory_item_external_id
        item = (self._variant_links(external_id).get("inventoryItem") or {})["id"]
        if binding:
            binding.with_context(connector_no_export=True).write(
                {"inventory_item_external_id": item}
            )
        return item

    def set_inventory_levels(self, levels):
        """Set (not adjust) the available quantities, in one mutation.

        :param levels: ``{"product_id": variant gid, "location_id": location
            gid or None (the backend's location), "quantity": int}`` dicts
        ``changeFromQuantity: null`` opts out of the compare-and-swap check:
        Odoo is the source of truth of the quantities it sends.
        """
        changes = []
        for level in levels:
            location = level["location_id"] or self.backend_record.location_external_id
            if not location:
                raise self.missing_setting("Shopify Location ID")
            changes.append(
                {
                    "inventoryItemId": self.inventory_item(level["product_id"]),
                    "locationId": location,
                    "quantity": int(level["quantity"]),
                    "changeFromQuantity": None,
                }
            )
        variables = {
            "input": {
                "name": "available",
                "reason": "correction",
                "quantities": changes,
            },
            # setting absolute values twice is harmless: a new key each call
            "idempotencyKey": self.idempotency_key(),
        }
        return self.mutate(
            self._inventory_mutation, variables, "inventorySetQuantities"
        )


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

    @mapping
    def inventory_item_external_id(self, record):
        return {"inventory_item_external_id": record.get("inventory_item_id") or False}

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
        if EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
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
        if not EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
            return
        for binding in record.acme_bind_ids:
            self._delay_export(binding, fields=fields)
