from lxml import etree
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "name": "Test Customer",
    "email": "test@example.com",
    "phone": "+1 555 0100",
}
ROUTES = {
    ("GET", "/customers/1001"): RECORD,
}


class TestAcmeResPartner(AcmeTestCase):
    """Customers: import and export of ``acme.res.partner``."""

    def _create_odoo_record(self):
        return self.env["res.partner"].create(
            {"name": "Test Partner", "email": "partner@example.com"}
        )

    def _binding(self, external_id, model="acme.res.partner"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_then_updates(self):
        model = self.env["acme.res.partner"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.name, "Test Customer")
        self.assertEqual(binding.email, "test@example.com")
        self.assertEqual(binding.phone, "+1 555 0100")
        # a second import updates the same binding
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        self.assertEqual(self._binding("1001"), binding)

    def test_bound_record_is_kept_until_unbound(self):
        model = self.env["acme.res.partner"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        record = binding.odoo_id
        # odoo_id is ondelete="restrict": deleting a bound record is refused
        with self.assertRaises(IntegrityError) as refused, mute_logger(
            "odoo.sql_db"
        ), self.env.cr.savepoint():
            record.unlink()
        self.assertEqual(
            refused.exception.diag.constraint_name,
            "%s_odoo_id_fkey" % binding._table,
        )
        # unbinding first keeps the Odoo record
        binding.unlink()
        self.assertTrue(record.exists())

    def test_sync_queues_the_changed_records(self):
        checkpoint, since = "customers.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/customers"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_customers()
            only = self.env["acme.res.partner"].import_record
            trap.assert_jobs_count(1, only=only)
            self.assertTrue(trap.enqueued_jobs[0].identity_key)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_sync_reads_one_page_per_job_and_passes_the_listed_records(self):
        checkpoint = "customers.updated_since"
        next_url = "%s/customers-page-2" % API_URL
        link = {"Link": '<%s>; rel="next"' % next_url}
        first = make_response(200, [{"id": 1001}], headers=link)
        last = make_response(200, [{"id": 1001}])
        routes = {
            ("GET", "/customers"): first,
            ("GET", "/customers-page-2"): last,
        }
        model = self.env["acme.res.partner"]
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_customers()
            self.assertEqual(len(fake.calls), 1, "the first page only")
            trap.assert_jobs_count(1, only=model.import_record)
            trap.assert_jobs_count(1, only=self.backend.import_page)
            self.assertFalse(self.backend._get_checkpoint(checkpoint))
            page_job = trap._filtered_enqueued_jobs(self.backend.import_page)[0]
            self.assertEqual(page_job.channel, "root.acme")
            import_job = trap._filtered_enqueued_jobs(model.import_record)[0]
            self.assertEqual(import_job.channel, "root.acme.import")
            listed = import_job.kwargs["listed_data"]
            self.assertEqual(str(listed["id"]), "1001")
            # the next page, as its job runs it: the last one moves the checkpoint
            self.backend.import_page(*page_job.args)
        self.assertEqual(fake.calls[-1][1], next_url)
        self.assertTrue(self.backend._get_checkpoint(checkpoint))
        # its import job reads the listed record, not the API
        with self.backend.work_on(model._name) as work:
            adapter = work.component(usage="backend.adapter")
            adapter.remember_listed("1001", listed)
            with self.mock_api({}) as fake:
                self.assertEqual(adapter.read("1001"), listed)
        self.assertFalse(fake.calls)

    def _create_binding(self):
        record = self._create_odoo_record()
        binding = (
            self.env["acme.res.partner"]
            .with_context(connector_no_export=True)
            .create({"backend_id": self.backend.id, "odoo_id": record.id})
        )
        # drop connector_no_export, which would stick to the recordset
        return binding.with_env(self.env)

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        routes = {
            ("POST", "/customers"): {"id": 1001},
        }
        with self.mock_api(routes) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, "1001")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual(method, "POST")
        self.assertLessEqual(
            {
                "name",
                "email",
                "phone",
            },
            set(kwargs["json"]),
        )
        update_route = ("PUT", "/customers/1001")
        with self.mock_api({update_route: {"id": 1001}}) as fake:
            binding._export_to_external()
        self.assertEqual([call[0] for call in fake.calls], ["PUT"])

    def test_no_export_flag(self):
        binding = self._create_binding()
        binding.no_export = True
        with self.mock_api({}) as fake:
            binding._export_to_external()
        self.assertFalse(fake.calls)
        self.assertFalse(binding.external_id)

    def test_write_queues_an_export(self):
        binding = self._create_binding()
        with trap_jobs() as trap:
            binding.odoo_id.write({"name": "Changed by a test"})
            trap.assert_jobs_count(1, only=binding._export_to_external)
        with trap_jobs() as trap:
            binding.odoo_id.with_context(connector_no_export=True).write(
                {"name": "Changed by an import"}
            )
            trap.assert_jobs_count(0)

    def test_export_wizard_entry_point(self):
        record = self._create_odoo_record()
        with trap_jobs() as trap:
            base_backend = self.backend.base_backend_id
            base_backend.export_records("res.partner", record.ids)
            binding = record.acme_bind_ids
            self.assertEqual(len(binding), 1)
            trap.assert_jobs_count(1, only=binding._export_to_external)

    def test_deleting_the_record_deletes_it_on_the_backend(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        model = self.env["acme.res.partner"]
        # off by default: odoo_id (restrict) refuses the deletion
        self.backend.delete_on_backend = True
        record = binding.odoo_id
        with trap_jobs() as trap:
            record.unlink()
            trap.assert_jobs_count(1, only=model.export_delete_record)
        self.assertFalse(binding.exists())
        route = ("DELETE", "/customers/1001")
        with self.mock_api({route: {}}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual([call[0] for call in fake.calls], ["DELETE"])

    def _customer_payload(self, **values):
        """A customer as the API serves it: the canonical CUSTOMER shape."""
        billing = {
            "name": "Test Customer",
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
        shipping = dict(
            billing,
            street="350 5th Ave",
            street2=None,
            city="New York",
            zip="10118",
            state_code="NY",
            state_name="New York",
        )
        payload = dict(
            RECORD,
            email="customer@example.com",
            billing_address=billing,
            shipping_address=shipping,
            addresses=[dict(shipping, id=9)],
        )
        payload.update(values)
        return payload

    def _import_customer(self, payload):
        routes = {("GET", "/customers/1001"): payload}
        model = self.env["acme.res.partner"]
        with self.mock_api(routes):
            model.import_record(self.backend, "1001")
        return self._binding("1001")

    def test_import_addresses_as_child_contacts(self):
        binding = self._import_customer(self._customer_payload())
        partner = binding.odoo_id
        # the billing address is the customer's own
        self.assertEqual(partner.street, "1 Market St")
        self.assertEqual(partner.street2, "Suite 5")
        self.assertEqual(partner.country_id, self.env.ref("base.us"))
        self.assertEqual(partner.state_id, self.env.ref("base.state_us_5"))
        self.assertEqual(partner.company_id, self.backend.company_id)
        delivery = partner.child_ids
        self.assertEqual(len(delivery), 1)
        self.assertEqual(delivery.type, "delivery")
        self.assertEqual(delivery.name, "Test Customer")
        self.assertEqual(delivery.street, "350 5th Ave")
        self.assertEqual(delivery.city, "New York")
        self.assertEqual(delivery.zip, "10118")
        self.assertEqual(delivery.country_id, self.env.ref("base.us"))
        self.assertEqual(delivery.state_id, self.env.ref("base.state_us_27"))
        # a re-import finds the same contact again: no duplicate
        self._import_customer(self._customer_payload())
        self.assertEqual(partner.child_ids, delivery)

    def test_unknown_country_and_state_are_left_empty(self):
        payload = self._customer_payload(shipping_address=None, addresses=[])
        payload["billing_address"] = dict(
            payload["billing_address"], country_code="ZZ", state_code="XX"
        )
        partner = self._import_customer(payload).odoo_id
        self.assertEqual(partner.city, "San Francisco")
        self.assertFalse(partner.country_id)
        self.assertFalse(partner.state_id)
        self.assertFalse(partner.child_ids)

    def test_first_import_binds_the_partner_with_that_email(self):
        existing = self.env["res.partner"].create(
            {"name": "Existing", "email": "Customer@Example.com", "city": "Paris"}
        )
        self.assertTrue(self.backend.partner_match_email, "on by default")
        partner = self._import_customer(self._customer_payload()).odoo_id
        self.assertEqual(partner, existing)
        self.assertEqual(partner.name, "Test Customer")
        # its own address is kept: the shop's becomes an invoice contact
        self.assertEqual(partner.city, "Paris")
        invoice = partner.child_ids.filtered(lambda child: child.type == "invoice")
        self.assertEqual(invoice.street, "1 Market St")
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("email", "=ilike", "customer@example.com")]
            ),
            1,
        )

    def test_matching_by_email_switched_off(self):
        existing = self.env["res.partner"].create(
            {"name": "Existing", "email": "customer@example.com"}
        )
        self.backend.partner_match_email = False
        partner = self._import_customer(self._customer_payload()).odoo_id
        self.assertNotEqual(partner, existing)
        self.assertEqual(partner.email, "customer@example.com")

    def test_guest_partner_helper(self):
        with self.backend.work_on("acme.res.partner") as work:
            component = work.component(usage="partner.address")
            billing = self._customer_payload()["billing_address"]
            guest = component.guest_partner("guest@example.com", billing)
            other = component.guest_partner("other@example.com", billing)
            again = component.guest_partner("GUEST@example.com", None)
        self.assertEqual(guest.name, "Test Customer")
        self.assertEqual(guest.email, "guest@example.com")
        self.assertEqual(guest.state_id, self.env.ref("base.state_us_5"))
        self.assertNotEqual(other, guest, "each guest has their own partner")
        self.assertEqual(again, guest, "found again by email")

    def test_connectors_page_lists_the_bindings(self):
        view = self.env.ref("base.view_partner_form")
        arch = self.env["res.partner"].get_view(view.id, "form")["arch"]
        pages = etree.fromstring(arch).xpath("//page[@name='connector']")
        self.assertEqual(len(pages), 1, "one Connectors page, shared")
        fields = [field.get("name") for field in pages[0].iter("field")]
        self.assertIn("acme_bind_ids", fields)
        self.assertNotIn('"invisible": true', pages[0].get("modifiers", ""))
