from odoo.addons.component.core import AbstractComponent


class BaseAcmeConnectorComponent(AbstractComponent):
    """Base of every Acme component.

    Its ``_collection`` makes the components of this addon apply to
    ``acme.backend`` only.
    """

    _name = "base.acme.connector"
    _inherit = "base.connector"
    _collection = "acme.backend"
