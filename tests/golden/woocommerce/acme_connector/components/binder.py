from odoo.addons.component.core import Component


class AcmeBinder(Component):
    """Binder of every Acme binding.

    Without ``_apply_on`` it serves all the bindings of the collection, so a
    new binding needs no change here.
    """

    _name = "acme.binder"
    _inherit = ["generic.binder", "base.acme.connector"]
