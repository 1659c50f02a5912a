from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeProductProductAdapter(Component):
    """Product variants: each ``ProductVariant`` is one bound product.product.

    A variant is read to learn its product (``product_id``), which is then
    imported with all its variants (``generic.product.variant.importer``).
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
    # deletions (Delete on the Backend): a variant goes alone, or with its
    # product when it is the product's last variant (a product keeps one)
    _delete_lookup_query = """
query GetVariantForDelete($id: ID!) {
  productVariant(id: $id) {
    id
    product {
      id
      variantsCount {
        count
      }
    }
  }
}
"""
    _delete_root = "productDelete"
    _delete_mutation = """
mutation ProductDelete($input: ProductDeleteInput!) {
  productDelete(input: $input) {
    deletedProductId
    userErrors {
      field
      message
    }
  }
}
"""
    _variants_delete_mutation = """
mutation ProductVariantsBulkDelete($productId: ID!, $variantsIds: [ID!]!) {
  productVariantsBulkDelete(productId: $productId, variantsIds: $variantsIds) {
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

    def delete_record(self, external_id):
        """Delete the variant, or its product when it is the last variant.

        ``userErrors`` are permanent errors naming the field; a variant
        already gone raises ``IDMissingInBackend`` (nothing left to delete).
        """
        data = self.graphql(self._delete_lookup_query, {"id": external_id})
        node = data.get("productVariant")
        if not node:
            raise self.not_found(external_id)
        product = node["product"]
        count = (product.get("variantsCount") or {}).get("count") or 0
        if count <= 1:
            variables = {"input": {"id": product["id"]}}
            return self.mutate(self._delete_mutation, variables, self._delete_root)
        return self.mutate(
            self._variants_delete_mutation,
            {"productId": product["id"], "variantsIds": [external_id]},
            "productVariantsBulkDelete",
        )

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


class AcmeProductTemplateAdapter(Component):
    """Products (``Product`` nodes) with their options and variants,
    normalised to the canonical product of ``generic_connector_product``."""

    _name = "acme.product.template.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.product.template"

    _resource = "products"
    _read_root = "product"
    _read_query = """
query GetProduct($id: ID!, $first: Int!) {
  product(id: $id) {
    id
    title
    description
    status
    updatedAt
    options {
      name
      optionValues {
        name
        hasVariants
      }
    }
    variants(first: $first) {
      %(variants)s
    }
  }
}
"""
    _variants_query = """
query GetProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    variants(first: $first, after: $after) {
      %(variants)s
    }
  }
}
"""
    _variant_fields = """nodes {
        id
        sku
        barcode
        price
        selectedOptions {
          name
          value
        }
        inventoryItem {
          id
          measurement {
            weight {
              unit
              value
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }"""
    #: kilograms per Shopify ``WeightUnit``
    _kilograms = {
        "GRAMS": 0.001,
        "KILOGRAMS": 1.0,
        "OUNCES": 0.028349523125,
        "POUNDS": 0.45359237,
    }

    def read(self, external_id):  # pylint: disable=W8106
        fields = {"variants": self._variant_fields}
        variables = {"id": external_id, "first": 250}
        query = self._read_query % fields
        node = self.graphql(query, variables).get(self._read_root)
        if not node:
            raise self.not_found(external_id)
        variants = node.get("variants") or {}
        nodes = list(variants.get("nodes") or [])
        info = variants.get("pageInfo") or {}
        # every variant is read: the importer archives the ones it does not see
        while info.get("hasNextPage") and info.get("endCursor"):
            variables["after"] = info["endCursor"]
            query = self._variants_query % fields
            page = self.graphql(query, variables).get("product") or {}
            variants = page.get("variants") or {}
            nodes.extend(variants.get("nodes") or [])
            info = variants.get("pageInfo") or {}
        return self.normalise(dict(node, variants={"nodes": nodes}))

    def normalise(self, node):
        """The canonical product of a ``Product`` node.

        A product without options has one option "Title" whose only value is
        "Default Title": it is a simple product (no attribute in Odoo).
        ``ARCHIVED`` products are archived; ``DRAFT`` ones stay active, being
        prepared for sale.
        """
        options = []
        for option in node.get("options") or []:
            values = [
                value["name"]
                for value in option.get("optionValues") or []
                if value.get("hasVariants", True)
            ]
            if values and values != [self._default_variant_title]:
                options.append({"name": option["name"], "values": values})
        names = {option["name"] for option in options}
        variants = []
        for variant in (node.get("variants") or {}).get("nodes") or []:
            item = variant.get("inventoryItem") or {}
            selected = variant.get("selectedOptions") or []
            price = variant.get("price")
            variants.append(
                {
                    "id": variant["id"],
                    "sku": variant.get("sku") or False,
                    "barcode": variant.get("barcode") or False,
                    "price": float(price) if price not in (None, "") else 0.0,
                    "weight": self.weight_kg(item.get("measurement")),
                    "options": {
                        choice["name"]: choice["value"]
                        for choice in selected
                        if choice["name"] in names
                    },
                    "inventory_item_id": item.get("id"),
                }
            )
        return {
            "id": node["id"],
            "name": node.get("title") or "",
            "description": node.get("description") or False,
            "active": node.get("status") != "ARCHIVED",
            "type": "product",
            "options": options,
            "variants": variants,
        }

    def weight_kg(self, measurement):
        """Kilograms (Odoo's default unit) of an ``InventoryItemMeasurement``."""
        weight = (measurement or {}).get("weight") or {}
        if weight.get("value") in (None, ""):
            return None
        return float(weight["value"]) * self._kilograms.get(weight.get("unit"), 1.0)


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

    def _variant_binding_values(self, shop_variant):
        # inventorySetQuantities takes the inventory item, not the variant
        values = super()._variant_binding_values(shop_variant)
        values["inventory_item_external_id"] = shop_variant.get("inventory_item_id")
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
