from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping

#: fields of res.partner whose change exports the bound records again
EXPORT_TRIGGER_FIELDS = {
    "name",
    "email",
    "phone",
}


class AcmeResPartnerAdapter(Component):
    """Customers (``Customer``) and their default address."""

    _name = "acme.res.partner.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.res.partner"

    _resource = "customers"
    _read_root = "customer"
    _read_query = """
query GetCustomer($id: ID!) {
  customer(id: $id) {
    id
    firstName
    lastName
    displayName
    updatedAt
    defaultEmailAddress {
      emailAddress
    }
    defaultPhoneNumber {
      phoneNumber
    }
    defaultAddress {
      address1
      address2
      city
      zip
      countryCodeV2
      provinceCode
    }
  }
}
"""
    _create_mutation = """
mutation CustomerCreate($input: CustomerInput!) {
  customerCreate(input: $input) {
    customer {
      id
    }
    userErrors {
      field
      message
    }
  }
}
"""
    _update_mutation = """
mutation CustomerUpdate($input: CustomerInput!) {
  customerUpdate(input: $input) {
    customer {
      id
    }
    userErrors {
      field
      message
    }
  }
}
"""

    def normalise(self, node):
        """Flatten a ``Customer`` node to the values the mappers read.

        The default address is kept for the address mapping to come
        (``country_code``/``state_code`` are ISO codes).
        """
        names = [node.get("firstName"), node.get("lastName")]
        name = " ".join(part for part in names if part) or node.get("displayName")
        email = (node.get("defaultEmailAddress") or {}).get("emailAddress")
        phone = (node.get("defaultPhoneNumber") or {}).get("phoneNumber")
        address = node.get("defaultAddress") or {}
        return {
            "id": node["id"],
            "name": name,
            "email": email or False,
            "phone": phone or False,
            "address": {
                "street": address.get("address1") or False,
                "street2": address.get("address2") or False,
                "city": address.get("city") or False,
                "zip": address.get("zip") or False,
                "country_code": address.get("countryCodeV2") or False,
                "state_code": address.get("provinceCode") or False,
            },
        }

    @staticmethod
    def _customer_input(data):
        """``CustomerInput`` from the export mapper's values."""
        values = {}
        if "name" in data:
            # Odoo has one name: the last word is the last name
            first, __, last = (data["name"] or "").strip().rpartition(" ")
            values.update(firstName=first or None, lastName=last or None)
        if "email" in data:
            values["email"] = data["email"] or None
        if "phone" in data:
            values["phone"] = data["phone"] or None
        return values

    def create(self, data):  # pylint: disable=W8106
        variables = {"input": self._customer_input(data)}
        result = self.mutate(self._create_mutation, variables, "customerCreate")
        return result["customer"]["id"]

    def write(self, external_id, data):  # pylint: disable=W8106
        values = dict(self._customer_input(data), id=external_id)
        self.mutate(self._update_mutation, {"input": values}, "customerUpdate")


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
        """The default address on the partner; country and state by ISO code."""
        address = record.get("address") or {}
        country = self.env["res.country"]
        if address.get("country_code"):
            country = country.search([("code", "=", address["country_code"])], limit=1)
        state = self.env["res.country.state"]
        if country and address.get("state_code"):
            state = state.search(
                [("country_id", "=", country.id), ("code", "=", address["state_code"])],
                limit=1,
            )
        return {
            "street": address.get("street") or False,
            "street2": address.get("street2") or False,
            "city": address.get("city") or False,
            "zip": address.get("zip") or False,
            "country_id": country.id,
            "state_id": state.id,
        }


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


class AcmeResPartnerBindingListener(Component):
    """Export a binding when a write on it changes an exported field."""

    _name = "acme.res.partner.binding.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "acme.res.partner"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
            self._delay_export(record, fields=fields)


class AcmeResPartnerListener(Component):
    """Export the bindings of a record when one of its exported fields changes."""

    _name = "acme.res.partner.listener"
    _inherit = ["generic.binding.listener", "base.acme.connector"]
    _apply_on = "res.partner"

    @skip_if(lambda self, record, **kwargs: self.no_connector_export(record))
    def on_record_write(self, record, fields=None):
        if not EXPORT_TRIGGER_FIELDS.intersection(fields or ()):
            return
        for binding in record.acme_bind_ids:
            self._delay_export(binding, fields=fields)
