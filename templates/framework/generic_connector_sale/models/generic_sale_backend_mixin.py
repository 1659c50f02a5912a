# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models

from odoo.addons.connector.exception import MappingError

#: financial statuses (canonical order values) that confirm an order, per rule
CONFIRMING_STATUSES = {
    "paid": ("paid", "partially_refunded"),
    "authorized": ("authorized", "partially_paid", "paid", "partially_refunded"),
    "never": (),
}


class GenericSaleBackendMixin(models.AbstractModel):
    """Order settings of a backend that imports sales orders.

    A generated ``<prefix>.backend`` inherits it when the connector binds
    orders; the backend form shows the fields on its settings page. The
    importer (``generic.sale.order.importer``) reads them.
    """

    _name = "generic.sale.backend.mixin"
    _description = "Order settings of a connector backend"

    sale_pricelist_id = fields.Many2one(
        comodel_name="product.pricelist",
        string="Default Pricelist",
        help="Pricelist of the orders in its currency. Orders in another currency "
        "get a pricelist of that currency of the company, created when none "
        "exists.",
    )
    sale_warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        string="Order Warehouse",
        help="Warehouse that delivers the imported orders (default: the company's).",
    )
    sale_team_id = fields.Many2one(
        comodel_name="crm.team",
        string="Order Sales Team",
    )
    shipping_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Shipping Product",
        default=lambda self: self._default_charge_product("product_product_shipping"),
        help="Product of the shipping lines of the imported orders (a service).",
    )
    discount_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Discount Product",
        default=lambda self: self._default_charge_product("product_product_discount"),
        help="Product of the discount lines of the imported orders (a service): "
        "one negative line per set of taxes.",
    )
    fee_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Fee Product",
        default=lambda self: self._default_charge_product("product_product_fee"),
        help="Product of the fee lines of the imported orders (a service).",
    )
    order_confirm_rule = fields.Selection(
        selection=[
            ("paid", "When paid"),
            ("authorized", "When authorized or paid"),
            ("never", "Never"),
        ],
        string="Confirm Orders",
        default="paid",
        required=True,
        help="When an imported quotation is confirmed, from the shop's payment "
        "status. Cancelled orders are cancelled whatever this says.",
    )

    def _default_charge_product(self, xmlid):
        """This addon's service product for a charge line (data/product_data.xml),
        unless it was deleted."""
        product = self.env.ref("generic_connector_sale.%s" % xmlid, False)
        return product if product and product.active else False

    def _order_confirming_statuses(self):
        self.ensure_one()
        return CONFIRMING_STATUSES.get(self.order_confirm_rule, ())

    def _sale_company(self):
        self.ensure_one()
        return self.company_id or self.env.company

    def _sale_currency(self, code):
        """The active currency of ISO code ``code``.

        :raise MappingError: unknown or inactive currency (an order in it
            would carry the wrong amounts)
        """
        Currency = self.env["res.currency"].with_context(active_test=False)
        currency = Currency.search([("name", "=", (code or "").upper())], limit=1)
        if not currency:
            raise MappingError(_("Currency %s is unknown to Odoo.", code))
        if not currency.active:
            raise MappingError(
                _(
                    "Currency %s is inactive: activate it in Accounting > "
                    "Configuration > Currencies and import the order again.",
                    currency.name,
                )
            )
        return currency

    def _sale_pricelist(self, currency):
        """The pricelist of the orders in ``currency``.

        The backend's default pricelist when it has that currency; else a
        pricelist of that currency of the company (or shared); else one
        created and named after the backend.
        """
        self.ensure_one()
        if self.sale_pricelist_id.currency_id == currency:
            return self.sale_pricelist_id
        company = self._sale_company()
        Pricelist = self.env["product.pricelist"]
        domain = [
            ("currency_id", "=", currency.id),
            ("company_id", "in", (company.id, False)),
        ]
        pricelists = Pricelist.search(domain)
        pricelist = pricelists.filtered("company_id")[:1] or pricelists[:1]
        if not pricelist:
            pricelist = Pricelist.create(
                {
                    "name": "%s (%s)" % (self.name, currency.name),
                    "currency_id": currency.id,
                    "company_id": company.id,
                }
            )
        return pricelist
