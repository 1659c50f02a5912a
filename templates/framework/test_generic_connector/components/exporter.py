# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component
from odoo.addons.connector.exception import InvalidDataError


class TestGenericPartnerExporter(Component):
    _name = "test.generic.res.partner.exporter"
    _inherit = ["generic.record.exporter", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"

    def _validate_create_data(self, data):
        if not data.get("email"):
            raise InvalidDataError("The API requires an email to create a partner.")


class TestGenericBatchExporter(Component):
    _name = "test.generic.batch.exporter"
    _inherit = ["generic.batch.exporter", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"


class TestGenericPartnerDeleter(Component):
    _name = "test.generic.res.partner.deleter"
    _inherit = ["generic.deleter", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"
