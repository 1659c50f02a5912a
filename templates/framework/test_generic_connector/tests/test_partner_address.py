# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import GenericConnectorCase

BILLING = {
    "name": "Jane Doe",
    "company": None,
    "street": "1 Market St",
    "street2": "Suite 5",
    "city": "San Francisco",
    "zip": "94105",
    "state_code": "CA",
    "state_name": "California",
    "country_code": "US",
    "phone": "+1 415 555 0100",
    "email": None,
}
SHIPPING = dict(
    BILLING,
    street="350 5th Ave",
    street2=None,
    city="New York",
    zip="10118",
    state_code="NY",
    state_name="New York",
)


class TestPartnerAddress(GenericConnectorCase):
    """generic.partner.address on real partners, countries and states."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.us = cls.env.ref("base.us")
        cls.california = cls.env.ref("base.state_us_5")
        cls.new_york = cls.env.ref("base.state_us_27")

    def _component(self, backend=None):
        backend = backend or self.backend
        with backend.work_on("test.generic.res.partner") as work:
            return work.component(usage="partner.address")

    def _customer(self, **values):
        customer = {
            "id": 1,
            "name": "Jane Doe",
            "email": "jane@example.test",
            "phone": None,
            "company": None,
            "billing_address": BILLING,
            "shipping_address": SHIPPING,
            "addresses": [],
        }
        customer.update(values)
        return customer

    # -- countries -----------------------------------------------------------

    def test_country_and_state_by_code(self):
        country, state = self._component().country_state(
            {"country_code": "us", "state_code": "ca"}
        )
        self.assertEqual(country, self.us)
        self.assertEqual(state, self.california)

    def test_state_by_name_when_the_code_is_unknown(self):
        country, state = self._component().country_state(
            {"country_code": "US", "state_code": "XX", "state_name": "new york"}
        )
        self.assertEqual(country, self.us)
        self.assertEqual(state, self.new_york)

    def test_unknown_country_and_state_are_left_empty(self):
        component = self._component()
        count = self.env["res.country"].search_count([])
        country, state = component.country_state(
            {"country_code": "ZZ", "state_code": "CA"}
        )
        self.assertFalse(country)
        self.assertFalse(state)
        country, state = component.country_state(
            {"country_code": "US", "state_code": "ZZ", "state_name": "Atlantis"}
        )
        self.assertEqual(country, self.us)
        self.assertFalse(state)
        self.assertFalse(component.country_state(None)[0])
        self.assertEqual(self.env["res.country"].search_count([]), count)

    # -- customers and addresses ---------------------------------------------

    def test_customer_with_billing_and_shipping_addresses(self):
        component = self._component()
        partner = component.partner_for_customer(self._customer())
        self.assertEqual(partner.name, "Jane Doe")
        self.assertEqual(partner.email, "jane@example.test")
        self.assertEqual(partner.street, "1 Market St")
        self.assertEqual(partner.state_id, self.california)
        self.assertEqual(partner.country_id, self.us)
        self.assertEqual(partner.company_id, self.env.company)
        invoice = component.address_partner(partner, BILLING, "invoice")
        self.assertEqual(invoice, partner, "the billing address is the partner's own")
        delivery = component.address_partner(partner, SHIPPING, "delivery")
        self.assertNotEqual(delivery, partner)
        self.assertEqual(delivery.parent_id, partner)
        self.assertEqual(delivery.type, "delivery")
        self.assertEqual(delivery.name, "Jane Doe")
        self.assertEqual(delivery.street, "350 5th Ave")
        self.assertEqual(delivery.city, "New York")
        self.assertEqual(delivery.zip, "10118")
        self.assertEqual(delivery.state_id, self.new_york)
        self.assertEqual(delivery.country_id, self.us)
        self.assertEqual(delivery.company_id, partner.company_id)

    def test_same_address_again_creates_no_duplicate(self):
        component = self._component()
        partner = component.partner_for_customer(self._customer())
        delivery = component.address_partner(partner, SHIPPING, "delivery")
        # another import of the same customer: blanks and case differ
        again = dict(SHIPPING, street=" 350 5TH AVE ", city="new york")
        self.assertEqual(
            component.address_partner(partner, again, "delivery"), delivery
        )
        self.assertEqual(component.partner_for_customer(self._customer()), partner)
        self.assertEqual(len(partner.child_ids), 1)
        # the same address as an invoice address is another contact
        invoice = component.address_partner(partner, SHIPPING, "invoice")
        self.assertEqual(invoice.type, "invoice")
        self.assertEqual(len(partner.child_ids), 2)
        # someone else at the same street is another delivery contact
        other = component.address_partner(
            partner, dict(SHIPPING, name="John Roe"), "delivery"
        )
        self.assertNotEqual(other, delivery)
        self.assertEqual(other.name, "John Roe")

    def test_empty_address_is_the_parent(self):
        component = self._component()
        partner = component.partner_for_customer(self._customer())
        self.assertEqual(component.address_partner(partner, None, "delivery"), partner)
        empty = dict.fromkeys(BILLING)
        self.assertEqual(component.address_partner(partner, empty, "invoice"), partner)
        self.assertFalse(partner.child_ids)

    def test_existing_partner_matched_by_email(self):
        existing = self.env["res.partner"].create(
            {"name": "J. Doe", "email": "Jane@Example.test", "street": "Old St"}
        )
        component = self._component()
        partner = component.partner_for_customer(self._customer())
        self.assertEqual(partner, existing)
        self.assertEqual(partner.name, "Jane Doe")
        self.assertEqual(partner.street, "Old St", "its own address is kept")
        # the customer's billing address becomes an invoice contact
        invoice = component.address_partner(partner, BILLING, "invoice")
        self.assertEqual(invoice.parent_id, existing)
        self.assertEqual(invoice.street, "1 Market St")

    def test_matching_by_email_can_be_switched_off(self):
        existing = self.env["res.partner"].create(
            {"name": "Jane", "email": "jane@example.test"}
        )
        self.backend.partner_match_email = False
        partner = self._component().partner_for_customer(self._customer())
        self.assertNotEqual(partner, existing)
        self.assertEqual(partner.email, "jane@example.test")

    def test_partner_of_another_company_is_not_matched(self):
        other_company = self.env["res.company"].create({"name": "Other Shop Co"})
        foreign = self.env["res.partner"].create(
            {
                "name": "Jane",
                "email": "jane@example.test",
                "company_id": other_company.id,
            }
        )
        company_b = self.env["res.company"].create({"name": "Shop B Company"})
        backend_b = self._create_backend("Shop B", company_id=company_b.id)
        partner = self._component(backend_b).partner_for_customer(self._customer())
        self.assertNotEqual(partner, foreign)
        self.assertEqual(partner.company_id, company_b)
        delivery = self._component(backend_b).address_partner(
            partner, SHIPPING, "delivery"
        )
        self.assertEqual(delivery.company_id, company_b)

    def test_contact_of_a_company_partner(self):
        component = self._component()
        company = component.partner_for_customer(
            {"name": "ACME", "email": "info@acme.test", "billing_address": BILLING}
        )
        contact = component.partner_for_customer(
            {"name": "Bob", "email": "bob@acme.test"}, parent=company
        )
        self.assertEqual(contact.parent_id, company)
        self.assertEqual(contact.type, "contact")
        self.assertEqual(
            component.partner_for_customer(
                {"name": "Bob B.", "email": "bob@acme.test"}, parent=company
            ),
            contact,
        )
        self.assertEqual(contact.name, "Bob B.")

    # -- guests --------------------------------------------------------------

    def test_each_guest_gets_their_own_partner(self):
        component = self._component()
        first = component.guest_partner("ann@example.test", BILLING)
        second = component.guest_partner("bob@example.test", SHIPPING)
        self.assertNotEqual(first, second)
        self.assertEqual(first.name, "Jane Doe")
        self.assertEqual(first.email, "ann@example.test")
        self.assertEqual(first.street, "1 Market St")
        self.assertEqual(first.state_id, self.california)
        self.assertEqual(second.city, "New York")
        self.assertEqual(second.state_id, self.new_york)
        self.assertEqual(component.guest_partner("ANN@example.test", SHIPPING), first)

    def test_guest_without_email_or_matching(self):
        component = self._component()
        anonymous = component.guest_partner(None, BILLING)
        self.assertEqual(anonymous.name, "Jane Doe")
        self.assertNotEqual(component.guest_partner(None, BILLING), anonymous)
        self.backend.partner_match_email = False
        first = component.guest_partner("ann@example.test", None)
        self.assertEqual(first.name, "ann@example.test")
        self.assertNotEqual(component.guest_partner("ann@example.test", None), first)
