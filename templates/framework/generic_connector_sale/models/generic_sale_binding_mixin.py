# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import html_escape


class GenericSaleOrderBindingMixin(models.AbstractModel):
    """Review flag and fulfilment export of an order binding.

    A generated ``<prefix>.sale.order`` inherits it. The importer flags the
    binding when Odoo cannot hold the order as the shop charged it (a tax
    without a matching Odoo tax, a total that differs): the order is never
    silently wrong, and the chatter of the order says why.
    """

    _name = "generic.sale.order.binding.mixin"
    _description = "Order binding of a connector"

    shop_total = fields.Float(
        string="Shop Total",
        digits=0,
        readonly=True,
        help="Total of the order in the shop (what the customer pays), in the "
        "order's currency.",
    )
    review_needed = fields.Boolean(
        string="To Review",
        readonly=True,
        index=True,
        copy=False,
        help="Odoo does not hold this order as the shop charged it: see the "
        "reason and the order's chatter.",
    )
    review_reason = fields.Text(string="Review Reason", readonly=True, copy=False)

    def _set_review(self, reasons):
        """Flag the binding with ``reasons`` (list of str), or clear it.

        A new reason is posted on the order's chatter once.
        """
        for binding in self:
            reason = "\n".join(reasons) or False
            if reason == (binding.review_reason or False):
                continue
            binding.with_context(connector_no_export=True).write(
                {"review_needed": bool(reason), "review_reason": reason}
            )
            if reason:
                body = _(
                    "Imported from %(backend)s and flagged for review:<br/>%(why)s",
                    backend=html_escape(binding.backend_id.display_name),
                    why="<br/>".join(html_escape(line) for line in reasons),
                )
                binding.odoo_id.message_post(body=body)

    def action_mark_reviewed(self):
        self.with_context(connector_no_export=True).write({"review_needed": False})
        return True

    # -- fulfilment ----------------------------------------------------------

    def _delay_export_fulfillment(self, picking):
        for binding in self:
            binding.with_delay(
                description=_("Export the fulfilment of %s", picking.name)
            ).export_fulfillment(picking)

    def export_fulfillment(self, picking):
        """Send a done delivery of the order to the shop (job entry point)."""
        self.ensure_one()
        with self.backend_id.work_on(self._name) as work:
            exporter = work.component(usage="fulfillment.exporter")
            return exporter.run(self, picking)

    @api.model
    def _bindings_of_orders(self, orders):
        """Every order binding of ``orders``, whatever the connector."""
        bindings = []
        for model_name in self._inherit_children:
            Binding = self.env[model_name]
            if Binding._abstract:
                continue
            bindings.append(Binding.search([("odoo_id", "in", orders.ids)]))
        return bindings
