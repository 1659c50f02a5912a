from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeResPartnerAdapter(Component):
    _name = "acme.res.partner.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.res.partner"

    _resource = "contacts"


class AcmeResPartnerImportMapper(Component):
    _name = "acme.res.partner.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.res.partner"

    @mapping
    def name(self, record):
        fallback = "Acme Contact %s" % record["id"]
        return {"name": record.get("name") or fallback}

    @mapping
    def email(self, record):
        return {"email": record.get("email") or False}

    @mapping
    def phone(self, record):
        return {"phone": record.get("phone") or False}


class AcmeResPartnerExportMapper(Component):
    _name = "acme.res.partner.export.mapper"
    _inherit = ["generic.export.mapper", "base.acme.connector"]
    _apply_on = "acme.res.partner"

    @changed_by("name")
    @mapping
    def name(self, record):
        return {"name": record.name or ""}

    @changed_by("email")
    @mapping
    def email(self, record):
        return {"email": record.email or ""}

    @changed_by("phone")
    @mapping
    def phone(self, record):
        return {"phone": record.phone or ""}


class AcmeResPartnerDeleter(Component):
    """Delete on Acme the exported records unbound in Odoo, when the
    backend has *Delete on the Backend*."""

    _name = "acme.res.partner.deleter"
    _inherit = ["generic.deleter", "base.acme.connector"]
    _apply_on = "acme.res.partner"


class AcmeResPartnerBindingListener(Component):
    """Export a binding when a write on it changes an exported field; queue
    its deletion on Acme when it is unlinked."""

    _name = "acme.res.partner.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.res.partner"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if self._exports_changed_fields(record, fields):
            self._delay_export(record, fields=fields)

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_unlink(self, record):
        self._delay_delete(record)


class AcmeResPartnerListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.res.partner.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "res.partner"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        for binding in record.acme_bind_ids:
            if self._exports_changed_fields(binding, fields):
                self._delay_export(binding, fields=fields)
