# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenericProductTemplateBinding(models.AbstractModel):
    """Fields of a connector's product template binding."""

    _name = "generic.product.template.binding"
    _description = "Generic Connector: Product Template Binding"

    price_issue = fields.Text(
        string="Variant Price Issue",
        readonly=True,
        copy=False,
        help="Set when the shop's variant prices cannot be written as Odoo "
        "attribute value extras (a price per combination rather than per "
        "value): the template then has the lowest price and no extras, and "
        "the variant prices must be checked by hand.",
    )
