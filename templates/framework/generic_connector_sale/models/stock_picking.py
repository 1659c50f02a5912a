# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        """Queue the fulfilment export of done deliveries of bound orders.

        On ``_action_done`` rather than on a write of ``state``: the state of
        a picking is computed from its moves and never written.
        """
        result = super()._action_done()
        deliveries = self.filtered(
            lambda picking: (
                picking.state == "done"
                and picking.picking_type_code == "outgoing"
                and picking.sale_id
            )
        )
        Mixin = self.env["generic.sale.order.binding.mixin"]
        for picking in deliveries:
            for bindings in Mixin._bindings_of_orders(picking.sale_id):
                bindings._delay_export_fulfillment(picking)
        return result
