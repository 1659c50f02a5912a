# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of a shop's catalogue as Odoo templates, attributes and variants.

Every platform profile normalises its payload to the canonical product::

    {"id", "name", "description", "active", "type",
     "options": [{"name": "Size", "values": ["S", "M"]}],
     "variants": [{"id", "sku", "barcode", "price", "weight",
                   "options": {"Size": "S"}, "inventory_item_id"}]}

so that this logic is written once: a connector's template importer and
variant importer only ``_inherit`` these components.
"""

from odoo import Command, _

from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError

#: two prices closer than this are equal (the shops send two decimals)
PRICE_TOLERANCE = 0.005


def _same_name(first, second):
    return (first or "").strip().lower() == (second or "").strip().lower()


class GenericProductTemplateImportMapper(AbstractComponent):
    """Template values of a canonical product (variants are written after)."""

    _name = "generic.product.template.import.mapper"
    _inherit = "generic.import.mapper"

    @mapping
    def name(self, record):
        return {"name": record.get("name") or _("Product %s", record["id"])}

    @mapping
    def description_sale(self, record):
        return {"description_sale": record.get("description") or False}

    @mapping
    def active(self, record):
        # archived (or draft) in the shop: not sold, kept for the order history
        return {"active": record.get("active", True) is not False}

    @only_create
    @mapping
    def detailed_type(self, record):
        # "product" (storable) exists only with stock installed
        field = self.env["product.template"]._fields["detailed_type"]
        allowed = [key for key, __ in field._description_selection(self.env)]
        wanted = record.get("type") or "product"
        return {"detailed_type": wanted if wanted in allowed else "consu"}


class GenericProductTemplateImporter(AbstractComponent):
    """Import a canonical product into a ``<prefix>.product.template`` binding.

    After the template is saved: its attribute lines follow the product's
    options (attributes and values matched by name or created, with
    ``create_variant="always"``), each shop variant is bound to the Odoo
    variant of the same option values, and the Odoo variants the shop no
    longer has are archived. A re-import changes nothing that did not change.
    """

    _name = "generic.product.template.importer"
    _inherit = "generic.importer"

    #: binding model of the variants, e.g. ``myshop.product.product``
    _variant_binding_model = None

    # -- first import: matching -------------------------------------------

    def _match_existing_template(self):
        """The template of an existing product with the SKU, else the barcode,
        of one of the shop's variants, when the backend matches products.

        Products of another company and templates already bound to this
        backend are never matched.
        """
        backend = self.backend_record
        if not backend.product_match_existing:
            return self.env["product.template"]
        template_bindings = self.model.with_context(active_test=False)
        products = self.env["product.product"]
        company = [False] + backend.company_id.ids
        for key, field in (("sku", "default_code"), ("barcode", "barcode")):
            for variant in self.external_data.get("variants") or []:
                value = (variant.get(key) or "").strip()
                if not value:
                    continue
                domain = [(field, "=", value), ("company_id", "in", company)]
                for product in products.search(domain, limit=5):
                    template = product.product_tmpl_id
                    already_bound = template_bindings.search_count(
                        [("backend_id", "=", backend.id), ("odoo_id", "=", template.id)]
                    )
                    if not already_bound:
                        return template
        return self.env["product.template"]

    def _create(self, values):
        template = self._match_existing_template()
        if template:
            # bind the existing template; its type is kept (it may have stock)
            values = dict(values, odoo_id=template.id)
            values.pop("detailed_type", None)
        return super()._create(values)

    # -- after the template: attributes and variants ------------------------

    def _after_import(self, binding):
        super()._after_import(binding)
        template = binding.odoo_id.with_context(connector_no_export=True)
        self._sync_attribute_lines(template)
        pairs = self._bind_variants(template)
        self._archive_missing_variants(template, pairs)
        self._write_prices(binding, template, pairs)

    def _attribute(self, name):
        """The attribute named ``name`` that creates variants, or a new one."""
        attributes = self.env["product.attribute"].search(
            [("name", "=ilike", name), ("create_variant", "=", "always")]
        )
        attribute = attributes.filtered(lambda attr: _same_name(attr.name, name))[:1]
        if not attribute:
            attribute = attribute.create({"name": name, "create_variant": "always"})
        return attribute

    def _attribute_value(self, attribute, name):
        values = self.env["product.attribute.value"].search(
            [("attribute_id", "=", attribute.id), ("name", "=ilike", name)]
        )
        value = values.filtered(lambda val: _same_name(val.name, name))[:1]
        if not value:
            value = value.create({"attribute_id": attribute.id, "name": name})
        return value

    def _wanted_attribute_values(self):
        """``{product.attribute: [value ids]}`` of the product's options."""
        wanted = {}
        for option in self.external_data.get("options") or []:
            name = (option.get("name") or "").strip()
            names = [str(value).strip() for value in option.get("values") or []]
            names = [value for value in names if value]
            if not name or not names:
                continue
            attribute = self._attribute(name)
            wanted[attribute] = [
                self._attribute_value(attribute, value).id for value in names
            ]
        return wanted

    def _sync_attribute_lines(self, template):
        """Make the template's attribute lines those of the options; written
        only when they differ, as a write regenerates the variants."""
        wanted = self._wanted_attribute_values()
        lines = {line.attribute_id: line for line in template.attribute_line_ids}
        commands = []
        for attribute, value_ids in wanted.items():
            line = lines.get(attribute)
            if not line:
                values = {
                    "attribute_id": attribute.id,
                    "value_ids": [Command.set(value_ids)],
                }
                commands.append(Command.create(values))
            elif set(line.value_ids.ids) != set(value_ids):
                commands.append(
                    Command.update(line.id, {"value_ids": [Command.set(value_ids)]})
                )
        for attribute, line in lines.items():
            if attribute not in wanted:
                commands.append(Command.delete(line.id))
        if commands:
            template.write({"attribute_line_ids": commands})

    @staticmethod
    def _combination_key(values):
        """Option values as a comparable key: ``{(attribute, value)}`` lowered."""
        return frozenset(
            (str(name).strip().lower(), str(value).strip().lower())
            for name, value in values
        )

    def _odoo_variants_by_combination(self, template):
        variants = template.with_context(active_test=False).product_variant_ids
        by_key = {}
        for variant in variants:
            key = self._combination_key(
                (ptav.attribute_id.name, ptav.name)
                for ptav in variant.product_template_attribute_value_ids
            )
            # an active variant wins over an archived one of the same values
            if key not in by_key or variant.active:
                by_key[key] = variant
        return by_key

    def _variant_values(self, shop_variant, variant):
        """Values written on the Odoo variant of ``shop_variant``."""
        values = {"default_code": shop_variant.get("sku") or False}
        barcode = shop_variant.get("barcode") or False
        if barcode and barcode != variant.barcode:
            # barcodes are unique in Odoo: another product's is not stolen
            taken = self.env["product.product"].with_context(active_test=False)
            domain = [("barcode", "=", barcode), ("id", "!=", variant.id)]
            if taken.search_count(domain):
                barcode = variant.barcode
        values["barcode"] = barcode
        if shop_variant.get("weight") is not None:
            values["weight"] = float(shop_variant["weight"] or 0.0)
        if not variant.active and variant.product_tmpl_id.active:
            # sold again (an archived product keeps its variants archived)
            values["active"] = True
        return values

    def _variant_binding_values(self, shop_variant):
        """Extra values of the variant binding (a profile's platform ids)."""
        return {}

    def _bind_variant(self, shop_variant, variant):
        binder = self.binder_for(self._variant_binding_model)
        bindings = binder.model.with_context(
            active_test=False, connector_no_export=True
        )
        external_id = str(shop_variant["id"])
        binding = binder.to_internal(external_id)
        if binding and binding.odoo_id != variant:
            # the shop's variant now has other option values: follow it
            binding.with_context(connector_no_export=True).odoo_id = variant
        if not binding:
            binding = bindings.search(
                [
                    ("backend_id", "=", self.backend_record.id),
                    ("odoo_id", "=", variant.id),
                ],
                limit=1,
            )
        values = self._variant_binding_values(shop_variant)
        if binding:
            if values:
                binding.with_context(connector_no_export=True).write(values)
        else:
            values.update({"backend_id": self.backend_record.id, "odoo_id": variant.id})
            binding = bindings.create(values)
        binder.bind(external_id, binding)
        return binding

    def _bind_variants(self, template):
        """Bind each shop variant to the Odoo variant of its option values.

        :return: ``[(product.product, shop variant)]``
        """
        by_key = self._odoo_variants_by_combination(template)
        pairs = []
        for shop_variant in self.external_data.get("variants") or []:
            key = self._combination_key((shop_variant.get("options") or {}).items())
            variant = by_key.get(key)
            if not variant:
                raise MappingError(
                    _(
                        "Variant %(variant)s of product %(product)s has option "
                        "values %(options)s, which the product's options do not "
                        "list.",
                        variant=shop_variant.get("id"),
                        product=self.external_id,
                        options=shop_variant.get("options") or {},
                    )
                )
            variant.write(self._variant_values(shop_variant, variant))
            self._bind_variant(shop_variant, variant)
            pairs.append((variant, shop_variant))
        return pairs

    def _archive_missing_variants(self, template, pairs):
        """Archive the template's variants the shop does not sell (a removed
        variant, or a combination of values the shop never created)."""
        kept = {variant.id for variant, __ in pairs}
        missing = template.product_variant_ids.filtered(
            lambda variant: variant.id not in kept
        )
        if missing and pairs:
            missing.write({"active": False})

    # -- prices -----------------------------------------------------------

    def _price_extras(self, pairs):
        """Attribute value extras giving each variant its shop price.

        Odoo prices a variant as the template's ``list_price`` plus the extras
        of its values, while shops price each variant. The template gets the
        lowest price; each value's extra is the price difference between the
        cheapest variant and the variant that differs from it by that value
        only. It works when the shop's prices are additive per value (the
        usual "XL costs 2 more"); the result is checked on every variant.

        :return: ``(list_price, {ptav: extra})``, the extras ``None`` when the
            prices are not additive
        """
        priced = [
            (variant, float(shop_variant.get("price") or 0.0))
            for variant, shop_variant in pairs
        ]
        cheapest, base = min(priced, key=lambda item: item[1])
        reference = cheapest.product_template_attribute_value_ids
        extras = {ptav: 0.0 for ptav in reference}
        for variant, price in priced:
            different = variant.product_template_attribute_value_ids - reference
            if len(different) != 1:
                continue
            extra = price - base
            known = extras.get(different)
            if known is not None and abs(known - extra) > PRICE_TOLERANCE:
                return base, None
            extras[different] = extra
        for variant, price in priced:
            values = variant.product_template_attribute_value_ids
            if any(ptav not in extras for ptav in values):
                return base, None
            total = base + sum(extras[ptav] for ptav in values)
            if abs(total - price) > PRICE_TOLERANCE:
                return base, None
        return base, extras

    def _write_prices(self, binding, template, pairs):
        if not pairs:
            return
        list_price, extras = self._price_extras(pairs)
        issue = False
        if extras is None:
            issue = _(
                "The variant prices (%(prices)s) are not a base price plus an "
                "extra per option value: the product has the lowest price and "
                "no extras. Check the variant prices in Odoo.",
                prices=", ".join(
                    "%s: %s" % (variant.display_name, shop_variant.get("price"))
                    for variant, shop_variant in pairs
                ),
            )
            extras = {}
        if template.list_price != list_price:
            template.list_price = list_price
        values = template.attribute_line_ids.product_template_value_ids
        for ptav in values:
            extra = extras.get(ptav, 0.0)
            if abs(ptav.price_extra - extra) > PRICE_TOLERANCE:
                ptav.price_extra = extra
        if binding.price_issue != issue:
            binding.with_context(connector_no_export=True).price_issue = issue


class GenericProductVariantImporter(AbstractComponent):
    """Import a variant by importing its product (the template).

    Order lines and stock name variants: ``import_dependency(variant_id,
    "<prefix>.product.product")`` lands here, reads the variant to learn its
    product, and imports that product, which binds every variant.
    """

    _name = "generic.product.variant.importer"
    _inherit = "generic.importer"

    #: binding model of the templates, e.g. ``myshop.product.template``
    _template_binding_model = None

    def _template_external_id(self):
        """External id of the variant's product (``product_id`` of the read
        variant by default)."""
        return self.external_data.get("product_id")

    def run(self, external_id, force=False, external_data=None):
        self.external_id = str(external_id)
        self._lock()
        stop = self._fetch(external_data)
        if stop:
            return stop
        template_id = self._template_external_id()
        if not template_id:
            raise MappingError(_("Variant %s has no product.", self.external_id))
        self.import_dependency(template_id, self._template_binding_model, force=True)
        binding = self._get_binding()
        if not binding:
            return _(
                "Product %(product)s imported; it has no variant %(variant)s.",
                product=template_id,
                variant=self.external_id,
            )
        return binding
