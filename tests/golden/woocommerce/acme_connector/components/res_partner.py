from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping


def address_values(address, email=None):
    """Canonical ADDRESS of a WooCommerce ``billing``/``shipping`` object.

    ``country`` is the ISO 3166-1 alpha-2 code and ``state`` the state's code
    (``CA``, or a name in countries WooCommerce has no codes for). Returns
    None when the address has no street, city, postcode or country.
    """
    address = address or {}
    if not any(
        address.get(key)
        for key in ("address_1", "address_2", "city", "postcode", "country")
    ):
        return None
    names = (address.get("first_name"), address.get("last_name"))
    state = address.get("state") or None
    return {
        "name": " ".join(filter(None, names)) or None,
        "company": address.get("company") or None,
        "street": address.get("address_1") or None,
        "street2": address.get("address_2") or None,
        "city": address.get("city") or None,
        "zip": address.get("postcode") or None,
        "state_code": state,
        "state_name": state,
        "country_code": address.get("country") or None,
        "phone": address.get("phone") or None,
        "email": address.get("email") or email or None,
    }


def customer_values(customer):
    """Canonical CUSTOMER values of a WooCommerce customer (``GET customers/<id>``).

    The billing address is the partner's own; the shipping address becomes a
    delivery contact when it differs.
    """
    billing = customer.get("billing") or {}
    names = (customer.get("first_name"), customer.get("last_name"))
    billing_names = (billing.get("first_name"), billing.get("last_name"))
    name = " ".join(filter(None, names)) or " ".join(filter(None, billing_names))
    return {
        "id": customer["id"],
        "name": name or billing.get("company") or customer.get("username") or None,
        "email": customer.get("email") or billing.get("email") or None,
        "phone": billing.get("phone") or None,
        "company": billing.get("company") or None,
        "billing_address": address_values(billing),
        "shipping_address": address_values(customer.get("shipping")),
        "addresses": [],
    }


class AcmeResPartnerAdapter(Component):
    _name = "acme.res.partner.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.res.partner"

    _resource = "customers"

    def read(self, external_id):  # pylint: disable=W8106
        return customer_values(super().read(external_id))

    def _search_params(self, filters):
        # the customers collection has no modified_after: every page is read
        return self._page_params()

    def _changed_since(self, record, since):
        """Compare the customer's UTC modification date with the checkpoint."""
        if not since:
            return True
        changed = record.get("date_modified_gmt")
        changed = changed or record.get("date_created_gmt") or ""
        # ISO 8601 dates of one format compare as strings
        return changed > since.replace(" ", "T")


class AcmeResPartnerImporter(Component):
    """Customers: matched by email on their first import, their addresses
    as child contacts (``generic.partner.importer``)."""

    _name = "acme.res.partner.importer"
    _inherit = ["generic.partner.importer", "acme.record.importer"]
    _apply_on = "acme.res.partner"


class AcmeResPartnerImportMapper(Component):
    _name = "acme.res.partner.import.mapper"
    _inherit = ["generic.partner.import.mapper", "base.acme.connector"]
    _apply_on = "acme.res.partner"

    @mapping
    def name(self, record):
        fallback = "Acme Customer %s" % record["id"]
        return {"name": record.get("name") or fallback}

    @mapping
    def email(self, record):
        return {"email": record.get("email") or False}

    @mapping
    def phone(self, record):
        return {"phone": record.get("phone") or False}
