# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent


class GenericBindingListener(AbstractComponent):
    """Helpers for the listeners that export bindings on Odoo changes.

    A connector's listener inherits it, decorates its ``on_record_write``
    with ``skip_if(lambda self, record, **kw: self.no_connector_export(record))``
    and calls :meth:`_delay_export`.
    """

    _name = "generic.binding.listener"
    _inherit = "base.connector.listener"
    _usage = "event.listener"

    def _delay_export(self, binding, fields=None):
        """Queue the export of the bindings, once per pending set of fields."""
        fields = sorted(fields) if fields else None
        for record in binding:
            if record._export_skip_reason():
                continue
            record._delay_export(fields=fields)

    def _delay_delete(self, binding):
        """Queue the deletion on the backend of bindings being unlinked
        (see ``generic.binding._delay_delete``); call it from
        ``on_record_unlink``, decorated with the same ``skip_if``."""
        binding._delay_delete()

    def _exports_changed_fields(self, binding, fields):
        """Tell whether ``fields`` include one the binding's export mapper
        reads (its ``changed_by`` fields): the mapper is the one list of the
        fields that trigger an export."""
        if not fields:
            return False
        with binding.backend_id.work_on(binding._name) as work:
            mapper = work.component(usage="export.mapper")
            return bool(mapper.changed_by_fields().intersection(fields))
