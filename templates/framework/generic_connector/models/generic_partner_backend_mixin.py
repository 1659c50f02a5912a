# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class GenericPartnerBackendMixin(models.AbstractModel):
    """Partner settings of a backend that imports customers or orders.

    ``generic.backend`` inherits it, so every backend has the fields; the
    backend form shows them when the connector imports customers. The
    ``generic.partner.address`` component reads them.
    """

    _name = "generic.partner.backend.mixin"
    _description = "Generic Connector Partner Settings (mixin)"

    partner_match_email = fields.Boolean(
        string="Match Customers by Email",
        default=True,
        help="When a customer or a guest order is imported for the first "
        "time, an existing partner of the backend's company (or shared) with "
        "the same email is used instead of creating a duplicate. Off: a new "
        "partner is created for each new customer and each guest.",
    )
