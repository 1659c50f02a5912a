# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    #: which line of the shop's order this one holds (``line:<id>``,
    #: ``shipping:<id>``, ``fee:<id>``, ``discount:<tax ids>``): an update of
    #: the order updates the same lines instead of adding new ones
    connector_line_ref = fields.Char(
        string="Connector Line Reference", copy=False, readonly=True
    )
