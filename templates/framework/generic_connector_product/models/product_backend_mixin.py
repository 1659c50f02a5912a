# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenericProductBackendMixin(models.AbstractModel):
    """Catalogue settings of a backend; a connector's backend inherits it
    when it binds products."""

    _name = "generic.product.backend.mixin"
    _description = "Generic Connector Backend: Catalogue Settings"

    product_match_existing = fields.Boolean(
        string="Match Existing Products",
        default=True,
        help="On the first import of a product, bind the Odoo product that has "
        "the same internal reference (SKU), or else the same barcode, instead of "
        "creating a duplicate. Only products of the backend's company, or shared "
        "between companies, are matched.",
    )
