from odoo.addons.queue_job.tests.common import trap_jobs

from ..components.res_partner import customer_values
from . import payloads
from .common import AcmeTestCase, wc_page

MODEL = "acme.res.partner"


#: a customer who ships to another address than the billing one
SHIPPING = dict(
    payloads.address(with_contact=False),
    first_name="Jane",
    address_1="350 5th Ave",
    city="New York",
    state="NY",
    postcode="10118",
)
CUSTOMER_SHIPPING_ELSEWHERE = dict(payloads.CUSTOMER, shipping=SHIPPING)


class TestAcmeResPartner(AcmeTestCase):
    """Customers: imported with their billing and shipping addresses."""

    def _import(self, payload=None):
        routes = {("GET", "/customers/25"): payload or payloads.CUSTOMER}
        with self.mock_api(routes):
            self.env[MODEL].import_record(self.backend, "25")
        return self._binding(MODEL, 25)

    def test_import_with_billing_address(self):
        binding = self._import()
        self.assertEqual(len(binding), 1)
        self.assertRecordValues(
            binding,
            [
                {
                    "name": "John Doe",
                    "email": "john.doe@example.com",
                    "phone": "(555) 555-5555",
                    "street": "969 Market",
                    "city": "San Francisco",
                    "zip": "94103",
                }
            ],
        )
        self.assertEqual(binding.country_id, self.env.ref("base.us"))
        self.assertEqual(binding.state_id, self.env.ref("base.state_us_5"))
        # shipping to the billing address: no delivery contact
        self.assertFalse(binding.odoo_id.child_ids)

    def test_shipping_address_is_a_delivery_contact(self):
        binding = self._import(CUSTOMER_SHIPPING_ELSEWHERE)
        partner = binding.odoo_id
        self.assertEqual(partner.street, "969 Market")
        delivery = partner.child_ids
        self.assertEqual(len(delivery), 1)
        self.assertRecordValues(
            delivery,
            [
                {
                    "type": "delivery",
                    "name": "Jane Doe",
                    "street": "350 5th Ave",
                    "city": "New York",
                    "zip": "10118",
                    "company_id": partner.company_id.id,
                }
            ],
        )
        self.assertEqual(delivery.country_id, self.env.ref("base.us"))
        self.assertEqual(delivery.state_id, self.env.ref("base.state_us_27"))
        # a re-import creates no duplicate
        self._import(CUSTOMER_SHIPPING_ELSEWHERE)
        self.assertEqual(partner.child_ids, delivery)

    def test_first_import_binds_the_partner_with_that_email(self):
        existing = self.env["res.partner"].create(
            {"name": "J. Doe", "email": "john.doe@example.com"}
        )
        binding = self._import()
        self.assertEqual(binding.odoo_id, existing)
        self.assertEqual(existing.name, "John Doe")
        self.assertEqual(existing.city, "San Francisco")
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("email", "=", "john.doe@example.com")]
            ),
            1,
        )

    def test_customer_values(self):
        customer = dict(payloads.CUSTOMER, first_name="", last_name="")
        customer["billing"] = dict(customer["billing"], country="", state="")
        values = customer_values(customer)
        # the billing name stands in for an empty account name
        self.assertEqual(values["name"], "John Doe")
        self.assertEqual(values["email"], "john.doe@example.com")
        self.assertIsNone(values["billing_address"]["country_code"])
        self.assertEqual(values["billing_address"]["street"], "969 Market")
        shipping = values["shipping_address"]
        self.assertEqual(shipping["street"], "969 Market")
        self.assertEqual(shipping["country_code"], "US")
        self.assertEqual(shipping["state_code"], "CA")
        self.assertIsNone(shipping["email"])
        self.assertEqual(values["addresses"], [])
        empty = customer_values(dict(customer, shipping={"first_name": "J"}))
        self.assertIsNone(empty["shipping_address"])

    def test_sync_keeps_the_customers_changed_since_the_checkpoint(self):
        # the customers collection has no modified_after: the dates are compared
        checkpoint, since = "customers.updated_since", "2024-02-01 00:00:00"
        self.backend._set_checkpoint(checkpoint, since)
        old = payloads.customer(26, modified_gmt="2024-01-15T00:00:00")
        routes = {("GET", "/customers"): wc_page([payloads.CUSTOMER, old])}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_customers()
            trap.assert_jobs_count(1, only=self.env[MODEL].import_record)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.args, (self.backend, "25"))
            # the listed customer is imported without being read again
            self.assertEqual(job.kwargs["listed_data"], payloads.CUSTOMER)
        self.assertNotIn("modified_after", fake.calls[0][2]["params"])
