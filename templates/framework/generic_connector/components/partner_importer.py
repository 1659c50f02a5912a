# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.components.mapper import mapping

#: res.partner fields the customer's own (billing) address fills
OWN_ADDRESS_FIELDS = ("street", "street2", "city", "zip", "country_id", "state_id")


class GenericPartnerImportMapper(AbstractComponent):
    """Import mapper of customers (canonical CUSTOMER values).

    The customer's own address is its billing address (else its shipping
    address); the other addresses become child contacts once the partner is
    saved (:class:`GenericPartnerImporter`).
    """

    _name = "generic.partner.import.mapper"
    _inherit = "generic.import.mapper"

    @mapping
    def own_address(self, record):
        address_component = self.component(usage="partner.address")
        address = record.get("billing_address") or record.get("shipping_address")
        if address_component.is_empty_address(address):
            # no address in the shop: what Odoo knows is kept
            return {}
        values = address_component.address_values(address)
        # the customer's own address follows the shop: a blank blanks it
        return {field: values.get(field) or False for field in OWN_ADDRESS_FIELDS}


class GenericPartnerImporter(AbstractComponent):
    """Importer of customers: first-import matching and child addresses.

    A customer imported for the first time is bound to the existing partner
    with the same email (the backend's *Match Customers by Email*), not
    duplicated; that partner keeps its own address, the shop's becoming
    an invoice contact. After each import, the billing, shipping and other
    addresses are child contacts of type invoice/delivery, found again by
    their fields (``generic.partner.address``).
    """

    _name = "generic.partner.importer"
    _inherit = "generic.importer"

    def _partner_address(self):
        return self.component(usage="partner.address")

    def _matched_partner(self):
        """Existing partner to bind instead of creating one, or empty.

        Partners already bound to another record of this backend are left
        alone: a binding is one external record for one partner.
        """
        email = self.external_data.get("email")
        if not email:
            return self.env["res.partner"].browse()
        bound = (
            self.model.with_context(active_test=False)
            .search(
                [
                    ("backend_id", "=", self.backend_record.id),
                    ("email", "=ilike", email.strip()),
                ]
            )
            .mapped("odoo_id")
        )
        return self._partner_address().find_partner_by_email(email, exclude=bound)

    def _create(self, values):
        partner = self._matched_partner()
        if not partner:
            binding = super()._create(values)
            # a new customer belongs to the shop's company, as new guests do
            # (the binding's own company_id is the backend's, read-only)
            company = self.backend_record.company_id
            if company:
                binding.odoo_id.with_context(connector_no_export=True).write(
                    {"company_id": company.id}
                )
            return binding
        values = dict(values, odoo_id=partner.id)
        if partner.street or partner.city or partner.country_id:
            for field in OWN_ADDRESS_FIELDS:
                values.pop(field, None)
        return super()._create(values)

    def _after_import(self, binding):
        super()._after_import(binding)
        self._import_addresses(binding.odoo_id)

    def _import_addresses(self, partner):
        """Child contacts of the customer's addresses (the partner itself for
        its own address). Other known addresses are delivery contacts: they
        are the addresses the shop ships to."""
        component = self._partner_address()
        data = self.external_data
        component.address_partner(partner, data.get("billing_address"), "invoice")
        component.address_partner(partner, data.get("shipping_address"), "delivery")
        for address in data.get("addresses") or []:
            component.address_partner(partner, address, "delivery")
