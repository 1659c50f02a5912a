from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping, only_create
from odoo.addons.connector.exception import MappingError


class AcmeAccountPaymentAdapter(Component):
    _name = "acme.account.payment.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.account.payment"

    _resource = "payments"


class AcmeAccountPaymentImportMapper(Component):
    _name = "acme.account.payment.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
    _apply_on = "acme.account.payment"

    @mapping
    def ref(self, record):
        fallback = "Acme Payment %s" % record["id"]
        return {"ref": record.get("reference") or fallback}

    @mapping
    def amount(self, record):
        return {"amount": float(record.get("amount") or 0.0)}

    @only_create
    @mapping
    def partner_id(self, record):
        external_id = record.get("customer_id")
        if not external_id:
            raise MappingError("The Acme record has no customer_id.")
        binder = self.binder_for("acme.res.partner")
        related = binder.to_internal(external_id, unwrap=True)
        if not related:
            raise MappingError("Customer %s is not imported." % external_id)
        return {"partner_id": related.id}


class AcmeAccountPaymentImporter(Component):
    _name = "acme.account.payment.importer"
    _inherit = "acme.record.importer"
    _apply_on = "acme.account.payment"

    def _import_dependencies(self):
        record = self.external_data
        if record.get("customer_id"):
            self.import_dependency(
                record["customer_id"],
                "acme.res.partner",
            )
