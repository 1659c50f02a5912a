# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import AbstractComponent

#: keys of a canonical ADDRESS dict that land on res.partner as they are
ADDRESS_TEXT_FIELDS = ("street", "street2", "city", "zip", "phone", "email")
#: fields of res.partner that tell two addresses apart (name included: a
#: parcel for someone else at the same street is another delivery contact)
ADDRESS_IDENTITY_FIELDS = (
    "name",
    "street",
    "street2",
    "city",
    "zip",
    "country_id",
    "state_id",
)


def _clean(value):
    """Strip a text value; empty values become None."""
    if value is None or value is False:
        return None
    value = str(value).strip()
    return value or None


def _key(value):
    """Comparable form of a field value: case and blanks do not matter."""
    if hasattr(value, "_name"):
        # a record compares as its id, as in values for create or write
        value = value.id
    value = _clean(value)
    return " ".join(value.casefold().split()) if value else None


class GenericPartnerAddress(AbstractComponent):
    """Partners and addresses from canonical CUSTOMER and ADDRESS dicts.

    Written once for every platform: a profile's adapter normalises its
    payloads to the canonical shape, the customer and order importers call
    this component (usage ``partner.address``). A connector declares one
    concrete component inheriting it and its base component, with no
    ``_apply_on``.

    Everything happens in the backend's company: matched partners are those
    of that company or shared ones, new partners belong to it. Invoice and
    delivery addresses are child contacts of the customer, found again by
    their address fields, so that a re-import creates no duplicate. Countries
    and states are looked up, never created: unknown ones are left empty.
    """

    _name = "generic.partner.address"
    _inherit = "base.connector"
    _usage = "partner.address"

    #: backend field that switches the matching of partners by email
    _match_email_field = "partner_match_email"

    # -- settings ------------------------------------------------------------

    @property
    def _company(self):
        return self.backend_record.company_id

    def _match_by_email(self):
        """Tell whether existing partners are matched by email.

        The switch is a field of ``generic.partner.backend.mixin``; a backend
        without it never matches.
        """
        backend = self.backend_record
        return bool(
            self._match_email_field in backend._fields
            and backend[self._match_email_field]
        )

    @property
    def _partner_model(self):
        company = self._company
        Partner = self.env["res.partner"]
        return Partner.with_company(company) if company else Partner

    # -- countries -----------------------------------------------------------

    def country_state(self, address):
        """Return ``(res.country, res.country.state)`` of an ADDRESS dict.

        The country by ISO 3166-1 alpha-2 code; the state by code within that
        country, then by name. Either is an empty recordset when unknown: an
        address with a wrong state is better than an invented one.
        """
        Country = self.env["res.country"]
        State = self.env["res.country.state"]
        address = address or {}
        code = _clean(address.get("country_code"))
        country = Country
        if code:
            country = Country.search([("code", "=", code.upper())], limit=1)
        if not country:
            return Country, State
        state = State
        state_code = _clean(address.get("state_code"))
        if state_code:
            state = State.search(
                [("country_id", "=", country.id), ("code", "=ilike", state_code)],
                limit=1,
            )
        state_name = _clean(address.get("state_name"))
        if not state and state_name:
            state = State.search(
                [("country_id", "=", country.id), ("name", "=ilike", state_name)],
                limit=1,
            )
        return country, state

    # -- values --------------------------------------------------------------

    def address_values(self, address):
        """res.partner values of an ADDRESS dict (no name, no relation).

        Keys whose value is missing are left out, so that writing them never
        blanks what Odoo knows; country and state are always given (False
        when unknown) as they go together.
        """
        address = address or {}
        values = {}
        for key in ADDRESS_TEXT_FIELDS:
            value = _clean(address.get(key))
            if value:
                values[key] = value
        country, state = self.country_state(address)
        values["country_id"] = country.id or False
        values["state_id"] = state.id or False
        return values

    @staticmethod
    def address_name(address, default=None):
        """Name of the contact of an address: its person, else its company."""
        address = address or {}
        return _clean(address.get("name")) or _clean(address.get("company")) or default

    @staticmethod
    def is_empty_address(address):
        """Tell whether an ADDRESS dict has nothing to ship or invoice to."""
        if not address:
            return True
        keys = ("street", "street2", "city", "zip", "country_code", "state_code")
        return not any(_clean(address.get(key)) for key in keys)

    def _same_address(self, partner, values):
        """Tell whether ``partner`` holds the address of ``values``."""
        for field in ADDRESS_IDENTITY_FIELDS:
            if field not in values:
                # a name the address does not give does not tell them apart
                if field == "name":
                    continue
                expected = None
            else:
                expected = values[field] or None
            if _key(partner[field]) != _key(expected):
                return False
        return True

    # -- partners ------------------------------------------------------------

    def _email_domain(self, email):
        domain = [("email", "=ilike", email), ("parent_id", "=", False)]
        if self._company:
            domain += [
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self._company.id),
            ]
        return domain

    def find_partner_by_email(self, email, exclude=None):
        """Oldest partner (no parent) of the company with this email, if the
        backend matches by email; else an empty recordset.

        :param exclude: partners not to match (e.g. already bound elsewhere)
        """
        email = _clean(email)
        Partner = self._partner_model
        if not email or not self._match_by_email():
            return Partner.browse()
        domain = self._email_domain(email)
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        return Partner.search(domain, order="id", limit=1)

    def _customer_values(self, values):
        values = values or {}
        name = (
            _clean(values.get("name"))
            or self.address_name(values.get("billing_address"))
            or _clean(values.get("company"))
            or _clean(values.get("email"))
        )
        result = {}
        if name:
            result["name"] = name
        for key in ("email", "phone"):
            value = _clean(values.get(key))
            if value:
                result[key] = value
        return result

    def partner_for_customer(self, values, parent=None):
        """res.partner of a CUSTOMER-like dict, created or updated.

        Found by email when the backend matches by email (and ``parent`` is
        not given); its main address is the billing address (else the
        shipping one) when it has none yet: an existing partner's address is
        never overwritten, a different one becomes a child contact through
        :meth:`address_partner`.

        :param parent: when given, the partner is a contact of this company
            partner (found among its children by email or name)
        """
        values = values or {}
        vals = self._customer_values(values)
        address = values.get("billing_address") or values.get("shipping_address")
        Partner = self._partner_model
        if parent:
            partner = parent.child_ids.filtered(
                lambda child: (
                    _key(child.email or child.name)
                    == _key(vals.get("email") or vals.get("name"))
                )
            )[:1]
        else:
            partner = self.find_partner_by_email(values.get("email"))
        address_vals = self.address_values(address)
        if partner:
            if not (partner.street or partner.city or partner.country_id):
                for key, value in address_vals.items():
                    vals.setdefault(key, value)
            changes = {
                key: value
                for key, value in vals.items()
                if _key(partner[key]) != _key(value)
            }
            if changes:
                partner.write(changes)
            return partner
        for key, value in address_vals.items():
            vals.setdefault(key, value)
        vals.setdefault("name", self.address_name(address, "?"))
        if parent:
            vals.update(parent_id=parent.id, type="contact")
            vals["company_id"] = parent.company_id.id
        else:
            vals["company_id"] = self._company.id or False
        return Partner.create(vals)

    def address_partner(self, parent, address, kind):
        """Child contact of ``parent`` for an ADDRESS dict.

        :param kind: ``"invoice"``, ``"delivery"`` or ``"other"``
        :return: ``parent`` when the address is empty or is the parent's own
            address; else its child of that type with the same address fields
            (name, street, street2, city, zip, country, state), created with
            the parent's company when there is none
        """
        if kind not in ("invoice", "delivery", "other"):
            raise ValueError("Unknown address type %r" % kind)
        if self.is_empty_address(address):
            return parent
        vals = self.address_values(address)
        name = self.address_name(address)
        if name:
            vals["name"] = name
        if self._same_address(parent, vals):
            return parent
        # archived contacts are not reused: the user retired them
        children = parent.child_ids.filtered(lambda child: child.type == kind)
        for child in children:
            if self._same_address(child, vals):
                changes = {
                    key: vals[key]
                    for key in ("phone", "email")
                    if key in vals and _key(child[key]) != _key(vals[key])
                }
                if changes:
                    child.write(changes)
                return child
        vals.setdefault("name", parent.name)
        vals.update(
            parent_id=parent.id,
            type=kind,
            company_id=parent.company_id.id,
        )
        return self._partner_model.create(vals)

    def guest_partner(self, email, billing_address):
        """res.partner of a guest order (no customer account).

        The oldest partner with this email when the backend matches by email,
        else a new partner named after the billing address: each guest gets
        their own partner, never one shared "guest" for every order.
        """
        partner = self.find_partner_by_email(email)
        if partner:
            return partner
        vals = self.address_values(billing_address)
        email = _clean(email)
        if email:
            vals["email"] = email
        vals["name"] = self.address_name(billing_address, email or "Guest")
        vals["company_id"] = self._company.id or False
        return self._partner_model.create(vals)
