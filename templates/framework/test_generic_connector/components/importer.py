# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component


class TestGenericPartnerImporter(Component):
    _name = "test.generic.res.partner.importer"
    _inherit = ["generic.importer", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"

    def _import_dependencies(self):
        self.import_dependency(
            self.external_data.get("company_id"), "test.generic.res.partner"
        )


class TestGenericBatchImporter(Component):
    _name = "test.generic.batch.importer"
    _inherit = ["generic.batch.importer", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"
