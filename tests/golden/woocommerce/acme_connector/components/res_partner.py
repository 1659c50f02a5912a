from odoo.addons.component.core import Component
from odoo.addons.connector.components.mapper import mapping

#: keys of a WooCommerce address (``billing`` has ``email`` and ``phone`` too)
ADDRESS_KEYS = (
    "first_name",
    "last_name",
    "company",
    "address_1",
    "address_2",
    "city",
    "state",
    "postcode",
    "country",
    "email",
    "phone",
)


def address_values(address):
    """A WooCommerce address with every key, empty strings for missing ones."""
    address = address or {}
    return {key: address.get(key) or "" for key in ADDRESS_KEYS}


def customer_values(customer):
    """Values of a WooCommerce customer (``GET customers/<id>``) for the mappers.

    The billing address is the partner's address; the shipping address is
    kept for a delivery contact.
    """
    billing = address_values(customer.get("billing"))
    names = (customer.get("first_name"), customer.get("last_name"))
    billing_names = (billing["first_name"], billing["last_name"])
    name = " ".join(filter(None, names)) or " ".join(filter(None, billing_names))
    return {
        "id": customer["id"],
        "name": name or billing["company"] or customer.get("username") or "",
        "email": customer.get("email") or billing["email"],
        "phone": billing["phone"],
        "billing": billing,
        "shipping": address_values(customer.get("shipping")),
    }


class AcmeResPartnerAdapter(Component):
    _name = "acme.res.partner.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.res.partner"

    _resource = "customers"

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
    _name = "acme.res.partner.importer"
    _inherit = "acme.record.importer"
    _apply_on = "acme.res.partner"

    def _get_external_data(self):
        return customer_values(self.backend_adapter.read(self.external_id))


class AcmeResPartnerImportMapper(Component):
    _name = "acme.res.partner.import.mapper"
    _inherit = ["generic.import.mapper", "base.acme.connector"]
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

    @mapping
    def address(self, record):
        billing = record["billing"]
        country = self._country(billing["country"])
        return {
            "street": billing["address_1"] or False,
            "street2": billing["address_2"] or False,
            "city": billing["city"] or False,
            "zip": billing["postcode"] or False,
            "country_id": country.id,
            "state_id": self._state(country, billing["state"]).id,
        }

    def _country(self, code):
        Country = self.env["res.country"]
        if not code:
            return Country.browse()
        return Country.search([("code", "=", code.upper())], limit=1)

    def _state(self, country, code):
        State = self.env["res.country.state"]
        if not (country and code):
            return State.browse()
        domain = [("country_id", "=", country.id), ("code", "=", code.upper())]
        return State.search(domain, limit=1)
