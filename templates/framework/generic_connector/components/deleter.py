# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _

from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.exception import IDMissingInBackend


class GenericDeleter(AbstractComponent):
    """Delete an exported record on the backend (usage
    ``record.exporter.deleter``, as in connector-magento).

    Queued by ``generic.binding._delay_delete`` when a binding of an
    exporting entity is unlinked and its backend has *Delete on the
    Backend*. A connector declares one concrete deleter per exporting
    binding; the adapter's ``delete_record(external_id)`` does the call.
    """

    _name = "generic.deleter"
    _inherit = "base.deleter"
    _usage = "record.exporter.deleter"

    def supports_delete(self):
        """Tell whether the adapter can delete this kind of record.

        An adapter sets ``_delete_supported = False`` (or a property) for
        records its API cannot delete; no deletion is queued for them.
        """
        return bool(getattr(self.backend_adapter, "_delete_supported", True))

    def run(self, external_id, **values):
        """Delete ``external_id`` on the backend; return what was done.

        ``values`` (the binding's ``_delete_values``) go to the adapter's
        ``delete_record``.
        """
        external_id = str(external_id)
        if self.binder.to_internal(external_id):
            # bound again since the job was queued (an import): keep it
            return _(
                "Record %s is bound again to an Odoo record: not deleted.",
                external_id,
            )
        try:
            self.backend_adapter.delete_record(external_id, **values)
        except IDMissingInBackend:
            return _("Record %s was already deleted on the backend.", external_id)
        return _("Record %s deleted on the backend.", external_id)
