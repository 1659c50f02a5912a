# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent
from odoo.addons.component_event import skip_if


class GenericProductTemplateListener(AbstractComponent):
    """Export the bound variants of a template when the template changes.

    The product form writes ``name``, ``list_price`` or ``description_sale``
    on ``product.template``, not on the variant: a listener on variants only
    never sees those edits. The fields that trigger an export are those the
    variant export mapper reads (its ``changed_by``), so there is one list.
    """

    _name = "generic.product.template.listener"
    _inherit = "generic.binding.listener"

    #: One2many of ``product.product`` to the connector's variant bindings
    _variant_bind_field = None

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        variants = record.with_context(active_test=False).product_variant_ids
        for binding in variants.mapped(self._variant_bind_field):
            if self._exports_changed_fields(binding, fields):
                self._delay_export(binding, fields=fields)
