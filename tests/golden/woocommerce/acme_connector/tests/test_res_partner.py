from odoo.addons.queue_job.tests.common import trap_jobs

from ..components.res_partner import customer_values
from . import payloads
from .common import AcmeTestCase, wc_page

MODEL = "acme.res.partner"


class TestAcmeResPartner(AcmeTestCase):
    """Customers: imported with their billing address."""

    def test_import_with_billing_address(self):
        routes = {("GET", "/customers/25"): payloads.CUSTOMER}
        with self.mock_api(routes):
            self.env[MODEL].import_record(self.backend, "25")
        binding = self._binding(MODEL, 25)
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
        self.assertEqual(binding.country_id.code, "US")
        self.assertEqual(binding.state_id.code, "CA")

    def test_customer_values(self):
        customer = dict(payloads.CUSTOMER, first_name="", last_name="")
        customer["billing"] = dict(customer["billing"], country="", state="")
        values = customer_values(customer)
        # the billing name stands in for an empty account name
        self.assertEqual(values["name"], "John Doe")
        self.assertEqual(values["shipping"]["address_1"], "969 Market")
        self.assertEqual(values["shipping"]["email"], "")

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
