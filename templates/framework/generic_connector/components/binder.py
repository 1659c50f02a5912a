# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent


class GenericBinder(AbstractComponent):
    """Binder on the fields of ``generic.binding``.

    A connector declares one concrete binder with its collection and no
    ``_apply_on``: it then serves every binding of the connector.
    """

    _name = "generic.binder"
    _inherit = "base.binder"
    _usage = "binder"

    _external_field = "external_id"
    _backend_field = "backend_id"
    _odoo_field = "odoo_id"
    _sync_date_field = "sync_date"
