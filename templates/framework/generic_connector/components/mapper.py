# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.components.mapper import mapping, only_create


class GenericImportMapper(AbstractComponent):
    """Import mapper: links new bindings to the backend being synchronized."""

    _name = "generic.import.mapper"
    _inherit = "base.import.mapper"
    _usage = "import.mapper"

    @only_create
    @mapping
    def backend_id(self, record):
        return {"backend_id": self.backend_record.id}


class GenericExportMapper(AbstractComponent):
    _name = "generic.export.mapper"
    _inherit = "base.export.mapper"
    _usage = "export.mapper"
