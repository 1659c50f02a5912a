from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, answer, connection

BINDING = "acme.res.partner"
CUSTOMER_ID = "gid://shopify/Customer/2001"
# a Customer as GetCustomer reads it (shape of the Admin API)
CUSTOMER = {
    "id": CUSTOMER_ID,
    "firstName": "Test",
    "lastName": "Customer",
    "displayName": "Test Customer",
    "updatedAt": "2026-12-01T10:00:00Z",
    "defaultEmailAddress": {"emailAddress": "test@example.com"},
    "defaultPhoneNumber": {"phoneNumber": "+15550100"},
    "defaultAddress": {
        "id": "gid://shopify/MailingAddress/1?model_name=CustomerAddress",
        "firstName": "Test",
        "lastName": "Customer",
        "name": "Test Customer",
        "company": None,
        "address1": "1 Test Street",
        "address2": None,
        "city": "Ottawa",
        "province": "Ontario",
        "provinceCode": "ON",
        "countryCodeV2": "CA",
        "zip": "K1A 0A1",
        "phone": "+15550100",
    },
}
# the saved addresses: the default one and another one it ships to
WAREHOUSE = dict(
    CUSTOMER["defaultAddress"],
    id="gid://shopify/MailingAddress/2?model_name=CustomerAddress",
    company="Test Warehouse Inc.",
    address1="100 Queen St W",
    city="Toronto",
    zip="M5H 2N2",
)
CUSTOMER["addressesV2"] = {"nodes": [CUSTOMER["defaultAddress"], WAREHOUSE]}
ANSWERS = {"GetCustomer": answer({"customer": CUSTOMER})}


class TestAcmeResPartner(AcmeTestCase):
    """Customers: import and export of ``acme.res.partner``."""

    def _create_odoo_record(self):
        return self.env["res.partner"].create(
            {"name": "Test Partner", "email": "partner@example.com"}
        )

    def _binding(self, external_id, model=BINDING):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def _adapter(self):
        return self.backend.get_adapter(model_name=BINDING)

    def test_import_creates_then_updates(self):
        model = self.env["acme.res.partner"]
        with self.mock_api(ANSWERS):
            model.import_record(self.backend, CUSTOMER_ID)
        binding = self._binding(CUSTOMER_ID)
        self.assertEqual(len(binding), 1)
        self.assertEqual(binding.name, "Test Customer")
        self.assertEqual(binding.email, "test@example.com")
        self.assertEqual(binding.phone, "+15550100")
        # the default address, country and state found by their ISO codes
        self.assertEqual(binding.street, "1 Test Street")
        self.assertEqual(binding.city, "Ottawa")
        self.assertEqual(binding.zip, "K1A 0A1")
        self.assertEqual(binding.country_id, self.env.ref("base.ca"))
        self.assertEqual(binding.state_id, self.env.ref("base.state_ca_on"))
        # the other saved address is a delivery contact
        delivery = binding.odoo_id.child_ids
        self.assertEqual(len(delivery), 1)
        self.assertEqual(delivery.type, "delivery")
        self.assertEqual(delivery.name, "Test Customer")
        self.assertEqual(delivery.street, "100 Queen St W")
        self.assertEqual(delivery.city, "Toronto")
        self.assertEqual(delivery.country_id, self.env.ref("base.ca"))
        self.assertEqual(delivery.state_id, self.env.ref("base.state_ca_on"))
        with self.mock_api(ANSWERS):
            model.import_record(self.backend, CUSTOMER_ID)
        self.assertEqual(self._binding(CUSTOMER_ID), binding)
        self.assertEqual(binding.odoo_id.child_ids, delivery, "no duplicate")

    def test_first_import_binds_the_partner_with_that_email(self):
        existing = self.env["res.partner"].create(
            {"name": "T. Customer", "email": "TEST@example.com"}
        )
        with self.mock_api(ANSWERS):
            self.env[BINDING].import_record(self.backend, CUSTOMER_ID)
        binding = self._binding(CUSTOMER_ID)
        self.assertEqual(binding.odoo_id, existing)
        self.assertEqual(existing.name, "Test Customer")
        # it had no address: the default address becomes its own
        self.assertEqual(existing.city, "Ottawa")
        self.assertEqual(len(existing.child_ids), 1)

    def test_unknown_country_or_state_is_left_empty(self):
        unknown = {"countryCodeV2": "ZZ", "provinceCode": "XX"}
        address = dict(CUSTOMER["defaultAddress"], **unknown)
        customer = dict(CUSTOMER, defaultAddress=address)
        answers = {"GetCustomer": answer({"customer": customer})}
        model = self.env["acme.res.partner"]
        with self.mock_api(answers):
            model.import_record(self.backend, CUSTOMER_ID)
        binding = self._binding(CUSTOMER_ID)
        self.assertEqual(binding.city, "Ottawa")
        self.assertFalse(binding.country_id)
        self.assertFalse(binding.state_id)

    def test_normalise_gives_the_canonical_customer(self):
        adapter = self._adapter()
        values = adapter.normalise(dict(CUSTOMER, firstName=None, lastName=None))
        # no first and last name: the display name
        self.assertEqual(values["name"], "Test Customer")
        self.assertEqual(values["email"], "test@example.com")
        billing = values["billing_address"]
        self.assertEqual(billing["street"], "1 Test Street")
        self.assertEqual(billing["country_code"], "CA")
        self.assertEqual(billing["state_code"], "ON")
        self.assertEqual(billing["state_name"], "Ontario")
        self.assertIsNone(billing["street2"])
        self.assertIsNone(values["shipping_address"])
        # the default address is not repeated among the others
        self.assertEqual([a["city"] for a in values["addresses"]], ["Toronto"])
        self.assertEqual(values["addresses"][0]["company"], "Test Warehouse Inc.")
        self.assertEqual(values["addresses"][0]["id"], WAREHOUSE["id"])
        bare = adapter.normalise({"id": CUSTOMER_ID, "displayName": "Guest"})
        self.assertIsNone(bare["billing_address"])
        self.assertEqual(bare["addresses"], [])

    def test_sync_filters_by_update_date(self):
        checkpoint, since = "customers.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = answer({"customers": connection([{"id": CUSTOMER_ID}])})
        with self.mock_api({"ListCustomers": page}) as fake, trap_jobs() as trap:
            self.backend.sync_customers()
            only = self.env["acme.res.partner"].import_record
            trap.assert_jobs_count(1, only=only)
        variables = fake.variables("ListCustomers")
        self.assertEqual(len(variables), 1)
        self.assertEqual(variables[0]["query"], "updated_at:>'2024-01-02T03:04:05Z'")

    def test_a_listed_customer_is_imported_without_being_read_again(self):
        page = answer({"customers": connection([CUSTOMER])})
        with self.mock_api({"ListCustomers": page}) as fake, trap_jobs() as trap:
            self.backend.sync_customers()
            only = self.env["acme.res.partner"].import_record
            trap.assert_jobs_count(1, only=only)
            trap.perform_enqueued_jobs()
        # the listing selects the fields of the read query, in a smaller page
        self.assertEqual(fake.operations(), ["ListCustomers"])
        query = fake.calls[0][2]["json"]["query"]
        self.assertIn("...CustomerNode", query)
        self.assertIn(
            "addressesV2", self._adapter()._read_query.split("fragment CustomerNode")[1]
        )
        self.assertEqual(fake.variables("ListCustomers")[0]["first"], 35)
        partner = self._binding(CUSTOMER_ID).odoo_id
        self.assertEqual(partner.email, "test@example.com")
        self.assertEqual(partner.city, "Ottawa")

    def _create_binding(self):
        record = self._create_odoo_record()
        binding = (
            self.env["acme.res.partner"]
            .with_context(connector_no_export=True)
            .create({"backend_id": self.backend.id, "odoo_id": record.id})
        )
        return binding.with_env(self.env)

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        created = {"customer": {"id": CUSTOMER_ID}, "userErrors": []}
        answers = {
            "CustomerCreate": answer({"customerCreate": created}),
            "CustomerUpdate": answer({"customerUpdate": created}),
        }
        with self.mock_api(answers) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, CUSTOMER_ID)
        self.assertEqual(
            fake.variables("CustomerCreate")[0]["input"],
            {
                "firstName": "Test",
                "lastName": "Partner",
                "email": "partner@example.com",
                "phone": None,
            },
        )
        with self.mock_api(answers) as fake:
            binding._export_to_external()
        self.assertEqual(fake.operations(), ["CustomerUpdate"])
        updated = fake.variables("CustomerUpdate")[0]["input"]
        self.assertEqual(updated["id"], CUSTOMER_ID)

    def test_user_errors_are_recorded_on_the_binding(self):
        binding = self._create_binding()
        user_errors = [{"field": ["email"], "message": "Email has already been taken"}]
        created = {"customer": None, "userErrors": user_errors}
        with self.mock_api({"CustomerCreate": answer({"customerCreate": created})}):
            binding._export_to_external()
        self.assertFalse(binding.external_id)
        self.assertIn("email: Email has already been taken", binding.sync_error)

    def test_unbinding_deletes_the_customer_on_shopify(self):
        self.backend.delete_on_backend = True
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = CUSTOMER_ID
        with trap_jobs() as trap:
            binding.unlink()
            trap.assert_jobs_count(1, only=self.env[BINDING].export_delete_record)
        deleted = {"deletedCustomerId": CUSTOMER_ID, "userErrors": []}
        answers = {"CustomerDelete": answer({"customerDelete": deleted})}
        with self.mock_api(answers) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual(fake.operations(), ["CustomerDelete"])
        variables = fake.variables("CustomerDelete")[0]
        self.assertEqual(variables["input"], {"id": CUSTOMER_ID})

    def test_write_queues_an_export(self):
        binding = self._create_binding()
        with trap_jobs() as trap:
            binding.odoo_id.write({"email": "changed@example.com"})
            trap.assert_jobs_count(1, only=binding._export_to_external)
