# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if


class TestGenericBindingListener(Component):
    _name = "test.generic.binding.listener"
    _inherit = ["generic.binding.listener", "base.test.generic.connector"]
    _apply_on = ["test.generic.res.partner"]

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        self._delay_export(record, fields=fields)

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_unlink(self, record):
        self._delay_delete(record)


class TestGenericPartnerListener(Component):
    _name = "test.generic.res.partner.listener"
    _inherit = ["generic.binding.listener", "base.test.generic.connector"]
    _apply_on = ["res.partner"]

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        self._delay_export(record.test_generic_bind_ids, fields=fields)
