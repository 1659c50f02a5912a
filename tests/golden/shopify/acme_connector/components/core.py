from odoo.addons.component.core import AbstractComponent, Component


class BaseAcmeConnectorComponent(AbstractComponent):
    """Base of every Acme component.

    Its ``_collection`` makes the components of this addon apply to
    ``acme.backend`` only.
    """

    _name = "base.acme.connector"
    _inherit = "base.connector"
    _collection = "acme.backend"


class AcmePartnerAddress(Component):
    """Customers, guests and their addresses in the backend's company.

    The behaviour is ``generic.partner.address``; importers get it with
    ``self.component(usage="partner.address")``.
    """

    _name = "acme.partner.address"
    _inherit = ["generic.partner.address", "base.acme.connector"]
