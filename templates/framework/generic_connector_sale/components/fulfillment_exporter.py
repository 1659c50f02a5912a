# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _

from odoo.addons.component.core import AbstractComponent


class GenericSaleFulfillmentExporter(AbstractComponent):
    """Send a done delivery of a bound order to the shop: the shipped lines,
    the carrier and the tracking number (usage ``fulfillment.exporter``).

    The platform's adapter of the order binding does the call:
    ``create_fulfillment(order_external_id, values)`` with ``values`` from
    :meth:`_fulfillment_values`.
    """

    _name = "generic.sale.fulfillment.exporter"
    _inherit = "base.exporter"
    _usage = "fulfillment.exporter"

    def _fulfillment_values(self, binding, picking):
        """What the shop needs to know of ``picking``.

        ``lines``: ``{"line_id": external line id, "quantity": shipped}``
        for the order lines imported from the shop's items (shipping and
        discount lines are not shipped).
        """
        shipped = {}
        for move in picking.move_ids:
            ref = move.sale_line_id.connector_line_ref or ""
            if move.state != "done" or not ref.startswith("line:"):
                continue
            line_id = ref[len("line:") :]
            shipped[line_id] = shipped.get(line_id, 0.0) + move.quantity_done
        return {
            "tracking_number": picking.carrier_tracking_ref or None,
            "carrier": picking.carrier_id.name or None,
            "tracking_url": picking.carrier_tracking_url or None,
            "lines": [
                {"line_id": line_id, "quantity": quantity}
                for line_id, quantity in shipped.items()
                if quantity
            ],
        }

    def run(self, binding, picking):
        values = self._fulfillment_values(binding, picking)
        if not values["lines"]:
            return _(
                "%s ships no line of the shop's order: nothing sent.", picking.name
            )
        self.backend_adapter.create_fulfillment(binding.external_id, values)
        return _(
            "Fulfilment of %(picking)s sent (tracking: %(tracking)s).",
            picking=picking.name,
            tracking=values["tracking_number"] or _("none"),
        )
