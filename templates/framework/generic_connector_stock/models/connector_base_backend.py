# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ConnectorBaseBackend(models.Model):
    """The mapping lives on the shared row: every concrete backend gets it
    through its delegation (``base_backend_id``), with no field of its own."""

    _inherit = "connector.base.backend"

    stock_location_map_ids = fields.One2many(
        comodel_name="generic.stock.location.map",
        inverse_name="backend_id",
        string="Stock Locations",
        copy=False,
        help="Warehouses exported to remote locations. Empty: the Warehouse "
        "(all warehouses when empty) is exported to the External Location ID.",
    )
