# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class StockQuant(models.Model):
    """Every change of a free quantity goes through these two methods.

    Done moves change the quantity on hand, reservations (and their release)
    the reserved quantity: both change what a shop may sell.
    """

    _inherit = "stock.quant"

    @api.model
    def _update_available_quantity(self, product_id, location_id, *args, **kw):
        result = super()._update_available_quantity(
            product_id, location_id, *args, **kw
        )
        self._notify_inventory_change(product_id, location_id)
        return result

    @api.model
    def _update_reserved_quantity(self, product_id, location_id, *args, **kw):
        result = super()._update_reserved_quantity(product_id, location_id, *args, **kw)
        self._notify_inventory_change(product_id, location_id)
        return result

    @api.model
    def _notify_inventory_change(self, product, location):
        if location.usage != "internal":
            return
        self.env["generic.inventory.binding.mixin"]._inventory_changed(product)
