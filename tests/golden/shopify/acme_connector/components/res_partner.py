from odoo.addons.component.core import Component
from odoo.addons.component_event import skip_if
from odoo.addons.connector.components.mapper import changed_by, mapping


class AcmeResPartnerAdapter(Component):
    """Customers (``Customer``), their default and other addresses."""

    _name = "acme.res.partner.adapter"
    _inherit = "acme.adapter"
    _apply_on = "acme.res.partner"

    _resource = "customers"
    _read_root = "customer"
    _node_fragment_name = "CustomerNode"
    _node_fragments = """
fragment CustomerNode on Customer {
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
    ...CustomerAddress
  }
  addressesV2(first: 20) {
    nodes {
      ...CustomerAddress
    }
  }
}

fragment CustomerAddress on MailingAddress {
  id
  firstName
  lastName
  name
  company
  address1
  address2
  city
  province
  provinceCode
  countryCodeV2
  zip
  phone
}
"""
    _read_query = (
        """
query GetCustomer($id: ID!) {
  customer(id: $id) {
    ...CustomerNode
  }
}
"""
        + _node_fragments
    )
    #: a customer costs about 26 points with its 20 addresses: 35 a page
    #: stay under the 1000 points of a query
    _list_page_size = 35
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
    _delete_root = "customerDelete"
    _delete_mutation = """
mutation CustomerDelete($input: CustomerDeleteInput!) {
  customerDelete(input: $input) {
    deletedCustomerId
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
        """Canonical CUSTOMER values of a ``Customer`` node.

        Shopify has no billing address on a customer: the default address is
        the customer's own (billing) address; the other saved addresses are
        the addresses it ships to. Each order carries its own addresses.
        """
        names = [node.get("firstName"), node.get("lastName")]
        name = " ".join(part for part in names if part) or node.get("displayName")
        email = (node.get("defaultEmailAddress") or {}).get("emailAddress")
        phone = (node.get("defaultPhoneNumber") or {}).get("phoneNumber")
        default = node.get("defaultAddress") or {}
        others = [
            dict(self.mailing_address(address), id=address.get("id"))
            for address in (node.get("addressesV2") or {}).get("nodes") or []
            if address and address.get("id") != default.get("id")
        ]
        return {
            "id": node["id"],
            "name": name or None,
            "email": email or None,
            "phone": phone or None,
            "company": default.get("company") or None,
            "billing_address": self.mailing_address(default),
            "shipping_address": None,
            "addresses": others,
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


class AcmeResPartnerImporter(Component):
    """Customers: matched by email on their first import, their addresses
    as child contacts (``generic.partner.importer``)."""

    _name = "acme.res.partner.importer"
    _inherit = ["generic.partner.importer", "acme.record.importer"]
    _apply_on = "acme.res.partner"


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
