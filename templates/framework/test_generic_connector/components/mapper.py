# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping
from odoo.addons.connector.exception import MappingError


class TestGenericPartnerImportMapper(Component):
    _name = "test.generic.res.partner.import.mapper"
    _inherit = ["generic.import.mapper", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"

    direct = [("email", "email")]

    @mapping
    def name(self, record):
        return {"name": record.get("name") or record.get("email") or "?"}

    @mapping
    def parent_id(self, record):
        company_id = record.get("company_id")
        if not company_id:
            return {"parent_id": False}
        company = self.binder_for().to_internal(company_id, unwrap=True)
        if not company:
            raise MappingError("Company %s is not imported." % company_id)
        return {"parent_id": company.id}


class TestGenericPartnerExportMapper(Component):
    _name = "test.generic.res.partner.export.mapper"
    _inherit = ["generic.export.mapper", "base.test.generic.connector"]
    _apply_on = "test.generic.res.partner"

    direct = [("name", "name"), ("email", "email")]
