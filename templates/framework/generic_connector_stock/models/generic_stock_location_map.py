# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenericStockLocationMap(models.Model):
    """One Odoo warehouse whose free quantities go to one remote location.

    Shops with several locations (Shopify) get one line per location; a
    backend without lines exports its Warehouse to its External Location ID.
    """

    _name = "generic.stock.location.map"
    _description = "Connector Stock Location Mapping"
    _order = "backend_id, sequence, id"

    backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Backend",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        required=True,
        ondelete="cascade",
        help="Warehouse whose free quantity (on hand minus reserved) is exported.",
    )
    location_external_id = fields.Char(
        string="External Location ID",
        required=True,
        help="Location of the shop receiving the quantities of the warehouse.",
    )

    _sql_constraints = [
        (
            "backend_location_uniq",
            "unique(backend_id, location_external_id)",
            "A remote location receives the quantities of one warehouse only.",
        ),
    ]
