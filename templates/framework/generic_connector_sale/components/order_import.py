# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of an order in its canonical values (see README.rst).

A platform's adapter turns its payload into those values; these components
turn them into a sales order that holds the shop's prices and taxes, so that
Odoo's total is the shop's, or that says why not (review flag).
"""

from datetime import datetime, timezone

from odoo import _
from odoo.tools import float_compare, float_is_zero

from odoo.addons.component.core import AbstractComponent
from odoo.addons.component.exception import NoComponentError
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError

#: states of an order whose lines an update may still rewrite
QUOTATION_STATES = ("draft", "sent")


def utc_datetime(value):
    """Naive UTC datetime (Odoo's) of an ISO 8601 string, None when empty."""
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


class GenericSaleOrderImportMapper(AbstractComponent):
    """Header of an order: company, currency (through a pricelist), date,
    warehouse and sales team of the backend, the shop's total.

    The fiscal position is left to Odoo, which computes it from the partner
    and the delivery address as it does in the order form.
    """

    _name = "generic.sale.order.import.mapper"
    _inherit = "generic.import.mapper"

    @only_create
    @mapping
    def company_id(self, record):
        return {"company_id": self.backend_record._sale_company().id}

    @only_create
    @mapping
    def pricelist_id(self, record):
        # sale.order.currency_id is related to the pricelist: the pricelist
        # sets the currency
        backend = self.backend_record
        if not record.get("currency"):
            if backend.sale_pricelist_id:
                return {"pricelist_id": backend.sale_pricelist_id.id}
            return {}
        currency = backend._sale_currency(record["currency"])
        return {"pricelist_id": backend._sale_pricelist(currency).id}

    @mapping
    def date_order(self, record):
        moment = utc_datetime(record.get("date"))
        return {"date_order": moment} if moment else {}

    @only_create
    @mapping
    def warehouse_id(self, record):
        warehouse = self.backend_record.sale_warehouse_id
        return {"warehouse_id": warehouse.id} if warehouse else {}

    @only_create
    @mapping
    def team_id(self, record):
        team = self.backend_record.sale_team_id
        return {"team_id": team.id} if team else {}

    @mapping
    def shop_total(self, record):
        return {"shop_total": float(record.get("total") or 0.0)}


class GenericSaleOrderLineImportMapper(AbstractComponent):
    """An item of the order (``line_items``): quantity, the shop's unit price
    and the line's reference. The generated mapper adds the product
    (through the variant binding); the importer adds the taxes."""

    _name = "generic.sale.order.line.import.mapper"
    _inherit = "base.import.mapper"
    _usage = "import.mapper"

    @mapping
    def name(self, record):
        return {"name": record["name"]} if record.get("name") else {}

    @mapping
    def product_uom_qty(self, record):
        return {"product_uom_qty": float(record.get("quantity") or 0.0)}

    @mapping
    def price_unit(self, record):
        return {"price_unit": float(record.get("price") or 0.0)}

    @mapping
    def connector_line_ref(self, record):
        # the shop's line id; the product's for a payload without line ids
        line_id = record.get("id") or record.get("product_id")
        return {"connector_line_ref": "line:%s" % line_id}


class GenericSaleOrderImporter(AbstractComponent):
    """Import an order with its lines, then apply the state rules and check
    the total.

    Lines: the items, then one line per shipping and fee charge and one
    negative discount line per set of taxes, on the products of the
    backend. Each line gets the shop's unit price and the company's sale
    taxes matching the shop's rates (``price_include`` as the shop's prices),
    written with the product and quantity so that Odoo does not recompute
    them from the product. An update rewrites the lines of a quotation
    (matched by ``connector_line_ref``); a confirmed order is left as it is
    and flagged when the shop's lines changed.
    """

    _name = "generic.sale.order.importer"
    _inherit = "generic.importer"

    # -- mapping -------------------------------------------------------------

    def _map_data(self):
        self._review_reasons = []
        self._taxes_cache = {}
        return super()._map_data()

    def _create_data(self, map_record):
        values = super()._create_data(map_record)
        values.update(self._partner_values(values.get("partner_id")))
        values["order_line"] = [(0, 0, line) for line in self._lines_values()]
        return values

    def _partner_values(self, partner_id):
        """Customer, invoice and delivery addresses of a new order.

        Through the connector's ``partner.address`` component (customers
        helper of generic_connector): a guest order (no customer, no
        partner from the mapper) gets a partner of its own, matched by email
        when the backend matches; the billing and shipping addresses become
        invoice and delivery contacts of the customer. Without that
        component Odoo derives both addresses from the customer.
        """
        try:
            addresses = self.component(usage="partner.address")
        except NoComponentError:
            return {}
        record = self.external_data
        partner = self.env["res.partner"].browse(partner_id)
        if not partner:
            partner = addresses.guest_partner(
                record.get("email"), record.get("billing_address")
            )
        billing = record.get("billing_address")
        shipping = record.get("shipping_address")
        return {
            "partner_id": partner.id,
            "partner_invoice_id": addresses.address_partner(
                partner, billing, "invoice"
            ).id,
            "partner_shipping_id": addresses.address_partner(
                partner, shipping, "delivery"
            ).id,
        }

    def _update(self, binding, values):
        values.pop("order_line", None)
        binding = super()._update(binding, values)
        self._update_lines(binding)
        return binding

    def _review(self, reason):
        if reason not in self._review_reasons:
            self._review_reasons.append(reason)

    # -- taxes ---------------------------------------------------------------

    def _find_tax(self, rate):
        """The company's sale tax of ``rate`` percent, price included iff the
        shop's prices are."""
        include = bool(self.external_data.get("prices_include_tax"))
        key = (round(rate, 4), include)
        if key not in self._taxes_cache:
            company = self.backend_record._sale_company()
            domain = [
                ("company_id", "=", company.id),
                ("type_tax_use", "=", "sale"),
                ("amount_type", "=", "percent"),
                ("price_include", "=", include),
                ("amount", ">=", rate - 0.0001),
                ("amount", "<=", rate + 0.0001),
            ]
            Tax = self.env["account.tax"]
            self._taxes_cache[key] = Tax.search(domain, order="sequence, id", limit=1)
        return self._taxes_cache[key]

    def _match_taxes(self, taxes, line_name):
        """Odoo taxes of a line's canonical ``taxes``; a rate without a
        matching tax flags the order (a 0% rate changes no amount)."""
        found = self.env["account.tax"]
        for tax in taxes or []:
            rate = float(tax.get("rate") or 0.0)
            match = self._find_tax(rate)
            if match:
                found |= match
            elif not float_is_zero(rate, precision_digits=4):
                include = self.external_data.get("prices_include_tax")
                self._review(
                    _(
                        "No sale tax of %(rate)s%% (%(basis)s) in Odoo for "
                        "%(tax)s of %(line)s: imported without it.",
                        rate=rate,
                        basis=_("price included") if include else _("price excluded"),
                        tax=tax.get("name") or _("a tax"),
                        line=line_name,
                    )
                )
        return found

    # -- lines ---------------------------------------------------------------

    def _lines_values(self):
        """Values of every line of the order, each with its
        ``connector_line_ref``; discounts are summed per set of taxes."""
        record = self.external_data
        mapper = self.component(usage="import.mapper", model_name="sale.order.line")
        discounts = {}
        lines = []
        for item in record.get("line_items") or []:
            values = mapper.map_record(item).values(for_create=True)
            taxes = self._match_taxes(
                item.get("taxes"), values.get("name") or item.get("id")
            )
            values.update(discount=0.0, tax_id=[(6, 0, taxes.ids)])
            lines.append(values)
            self._add_discount(discounts, taxes, item.get("discount"))
        charges = (
            ("shipping", "shipping_product_id", record.get("shipping_lines")),
            ("fee", "fee_product_id", record.get("fee_lines")),
        )
        for kind, setting, items in charges:
            for charge in items or []:
                values, taxes = self._charge_values(kind, setting, charge)
                if values:
                    lines.append(values)
                self._add_discount(discounts, taxes, charge.get("discount"))
        lines += self._discount_lines(discounts)
        return lines

    def _backend_product(self, setting, what):
        product = self.backend_record[setting]
        if not product:
            field = self.backend_record._fields[setting]
            raise MappingError(
                _(
                    "Order %(order)s has %(what)s: set the %(field)s of backend "
                    "%(backend)s.",
                    order=self.external_data.get("name") or self.external_id,
                    what=what,
                    field=field.string,
                    backend=self.backend_record.display_name,
                )
            )
        return product

    def _charge_values(self, kind, setting, charge):
        """A shipping or fee line; none for a free charge without product."""
        price = float(charge.get("price") or 0.0)
        if (
            not self.backend_record[setting]
            and not price
            and not charge.get("discount")
        ):
            return None, self.env["account.tax"]
        product = self._backend_product(setting, _("a %s charge", kind))
        name = charge.get("name") or product.display_name
        taxes = self._match_taxes(charge.get("taxes"), name)
        values = {
            "product_id": product.id,
            "name": name,
            "product_uom_qty": 1.0,
            "price_unit": price,
            "discount": 0.0,
            "tax_id": [(6, 0, taxes.ids)],
            "connector_line_ref": "%s:%s" % (kind, charge.get("id")),
        }
        if kind == "shipping":
            values["is_delivery"] = True
        return values, taxes

    @staticmethod
    def _add_discount(discounts, taxes, amount):
        amount = float(amount or 0.0)
        if amount:
            key = tuple(sorted(taxes.ids))
            discounts[key] = discounts.get(key, 0.0) + amount

    def _discount_lines(self, discounts):
        """One negative line per set of taxes: the discount reduces the base
        of exactly the taxes of the lines it applies to."""
        if not discounts:
            return []
        product = self._backend_product("discount_product_id", _("a discount"))
        codes = ", ".join(self.external_data.get("discount_codes") or [])
        name = _("Discount %s", codes) if codes else product.display_name
        lines = []
        for tax_ids, amount in sorted(discounts.items()):
            lines.append(
                {
                    "product_id": product.id,
                    "name": name,
                    "product_uom_qty": 1.0,
                    "price_unit": -amount,
                    "discount": 0.0,
                    "tax_id": [(6, 0, list(tax_ids))],
                    "connector_line_ref": "discount:%s"
                    % (",".join(str(tax_id) for tax_id in tax_ids) or "none"),
                }
            )
        return lines

    def _update_lines(self, binding):
        order = binding.odoo_id
        wanted = self._lines_values()
        if order.state in QUOTATION_STATES:
            existing = {line.connector_line_ref: line for line in order.order_line}
            commands = []
            for values in wanted:
                line = existing.pop(values["connector_line_ref"], None)
                commands.append((1, line.id, values) if line else (0, 0, values))
            # lines the shop removed (and lines added in Odoo by hand)
            commands += [(2, line.id) for ref, line in existing.items() if ref]
            order.with_context(connector_no_export=True).write({"order_line": commands})
        elif order.state != "cancel" and self._lines_differ(order, wanted):
            self._review(
                _(
                    "The order changed in the shop after its confirmation in "
                    "Odoo: its lines were not updated."
                )
            )

    def _lines_differ(self, order, wanted):
        digits = self.env["decimal.precision"].precision_get("Product Price")
        lines = {line.connector_line_ref: line for line in order.order_line}
        if set(lines) - {None, False} != {v["connector_line_ref"] for v in wanted}:
            return True
        for values in wanted:
            line = lines[values["connector_line_ref"]]
            if (
                float_compare(line.product_uom_qty, values["product_uom_qty"], 3)
                or float_compare(line.price_unit, values["price_unit"], digits)
                or set(line.tax_id.ids) != set(values["tax_id"][0][2])
            ):
                return True
        return False

    # -- after the import: states and the review flag ------------------------

    def _after_import(self, binding):
        super()._after_import(binding)
        self._apply_state(binding)
        self._check_total(binding)
        binding._set_review(self._review_reasons)

    def _apply_state(self, binding):
        """Cancelled in the shop: cancelled; paid (per the backend's rule):
        confirmed, keeping the shop's order date."""
        order = binding.odoo_id
        record = self.external_data
        if record.get("cancelled"):
            if order.state in QUOTATION_STATES + ("sale",):
                order.with_context(disable_cancel_warning=True).action_cancel()
            return
        statuses = self.backend_record._order_confirming_statuses()
        if (
            order.state in QUOTATION_STATES
            and record.get("financial_status") in statuses
        ):
            date_order = order.date_order
            order.action_confirm()
            # action_confirm dates the order of today
            order.date_order = date_order

    def _check_total(self, binding):
        total = self.external_data.get("total")
        if total is None:
            return
        order = binding.odoo_id
        if order.currency_id.compare_amounts(order.amount_total, float(total)):
            self._review(
                _(
                    "The Odoo total %(odoo)s differs from the shop's total %(shop)s.",
                    odoo=order.amount_total,
                    shop=float(total),
                )
            )
