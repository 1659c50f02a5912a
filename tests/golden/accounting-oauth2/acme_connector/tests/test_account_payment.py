from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import API_URL, AcmeTestCase, make_response

RECORD = {
    "id": 1001,
    "reference": "Test Payment",
    "amount": "12.50",
    "customer_id": 2001,
}
ROUTES = {
    ("GET", "/payments/1001"): RECORD,
    ("GET", "/customers/2001"): {
        "id": 2001,
        "name": "Test Customer",
    },
}


class TestAcmeAccountPayment(AcmeTestCase):
    """Payments: import of ``acme.account.payment``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo 16 installs no chart of accounts on a database without a
        # country: create the accounts and journals the tests need
        Account = cls.env["account.account"]
        cls.receivable_account = Account.create(
            {
                "code": "TEST.REC",
                "name": "Test Receivable",
                "account_type": "asset_receivable",
                "reconcile": True,
            }
        )
        cls.income_account = Account.create(
            {"code": "TEST.INC", "name": "Test Income", "account_type": "income"}
        )
        cls.bank_account = Account.create(
            {"code": "TEST.BNK", "name": "Test Bank", "account_type": "asset_cash"}
        )
        cls.outstanding_account = Account.create(
            {
                "code": "TEST.OUT",
                "name": "Test Outstanding Receipts",
                "account_type": "asset_current",
                "reconcile": True,
            }
        )
        Journal = cls.env["account.journal"]
        cls.sale_journal = Journal.create(
            {
                "name": "Test Sales",
                "code": "TSAL",
                "type": "sale",
                "default_account_id": cls.income_account.id,
            }
        )
        cls.bank_journal = Journal.create(
            {
                "name": "Test Bank",
                "code": "TBNK",
                "type": "bank",
                "default_account_id": cls.bank_account.id,
            }
        )
        payment_methods = cls.bank_journal.inbound_payment_method_line_ids
        payment_methods.payment_account_id = cls.outstanding_account
        # the receivable account of new partners (a chart of accounts sets it):
        # payments take their counterpart account from the partner
        cls.env["ir.property"]._set_default(
            "property_account_receivable_id",
            "res.partner",
            cls.receivable_account,
            cls.env.company,
        )

    def _binding(self, external_id, model="acme.account.payment"):
        return self.env[model].search(
            [("backend_id", "=", self.backend.id), ("external_id", "=", external_id)]
        )

    def test_import_creates_then_updates(self):
        model = self.env["acme.account.payment"]
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        binding = self._binding("1001")
        self.assertEqual(len(binding), 1)
        self.assertTrue(binding.sync_date)
        self.assertEqual(binding.ref, "Test Payment")
        self.assertAlmostEqual(binding.amount, 12.5)
        related = self._binding("2001", "acme.res.partner")
        self.assertEqual(binding.partner_id, related.odoo_id)
        # a second import updates the same binding
        with self.mock_api(ROUTES):
            model.import_record(self.backend, "1001")
        self.assertEqual(self._binding("1001"), binding)

    def test_bound_record_is_kept_until_unbound(self):
        model = self.env["acme.account.payment"]
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
        checkpoint, since = "payments.updated_since", "2024-01-02 03:04:05"
        self.backend._set_checkpoint(checkpoint, since)
        page = make_response(200, [{"id": 1001}])
        routes = {("GET", "/payments"): page}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_payments()
            only = self.env["acme.account.payment"].import_record
            trap.assert_jobs_count(1, only=only)
            self.assertTrue(trap.enqueued_jobs[0].identity_key)
        params = fake.calls[0][2]["params"]
        self.assertEqual(params["updated_since"], "2024-01-02T03:04:05Z")
        self.assertGreater(self.backend._get_checkpoint(checkpoint), since)

    def test_sync_reads_one_page_per_job_and_passes_the_listed_records(self):
        checkpoint = "payments.updated_since"
        next_url = "%s/payments-page-2" % API_URL
        link = {"Link": '<%s>; rel="next"' % next_url}
        first = make_response(200, [{"id": 1001}], headers=link)
        last = make_response(200, [{"id": 1001}])
        routes = {
            ("GET", "/payments"): first,
            ("GET", "/payments-page-2"): last,
        }
        model = self.env["acme.account.payment"]
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            self.backend.sync_payments()
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
