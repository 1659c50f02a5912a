from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping


class AcmeCrmLeadAdapter(Component):
    _name = "acme.crm.lead.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.crm.lead"

    _resource = "leads"


class AcmeCrmLeadImportMapper(Component):
    _name = "acme.crm.lead.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.crm.lead"

    @mapping
    def name(self, record):
        fallback = "Acme Lead %s" % record["id"]
        return {"name": record.get("title") or fallback}

    @mapping
    def email_from(self, record):
        return {"email_from": record.get("email") or False}

    @mapping
    def phone(self, record):
        return {"phone": record.get("phone") or False}

    @mapping
    def partner_name(self, record):
        return {"partner_name": record.get("company") or False}

    @mapping
    def contact_name(self, record):
        return {"contact_name": record.get("contact_name") or False}
