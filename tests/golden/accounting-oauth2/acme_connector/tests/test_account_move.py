from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase


class TestAcmeAccountMove(AcmeTestCase):
    """Invoices: export of ``acme.account.move``."""

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

    def _create_odoo_record(self):
        customer = self.env["res.partner"].create({"name": "Test Customer"})
        line = {
            "name": "Test service",
            "quantity": 1.0,
            "price_unit": 100.0,
            "account_id": self.income_account.id,
        }
        return self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "journal_id": self.sale_journal.id,
                "ref": "TEST-1",
                "invoice_line_ids": [(0, 0, line)],
            }
        )

    def test_posting_exports_the_number(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        with trap_jobs() as trap:
            binding.odoo_id.action_post()
            # posting writes the state; the number is computed from it
            exported = [
                job.kwargs.get("fields") or ()
                for job in trap.enqueued_jobs
                if job.recordset == binding
            ]
            self.assertTrue([fields for fields in exported if "state" in fields])
            update_route = ("PUT", "/invoices/1001")
            routes = {
                update_route: {"id": 1001},
                ("POST", "/customers"): {"id": 2001},
            }
            with self.mock_api(routes) as fake:
                trap.perform_enqueued_jobs()
        self.assertNotEqual(binding.name, "/")
        sent = [
            kwargs["json"].get("number")
            for method, __, kwargs in fake.calls
            if method == "PUT"
        ]
        self.assertIn(binding.name, sent)

    def _create_binding(self):
        record = self._create_odoo_record()
        binding = (
            self.env["acme.account.move"]
            .with_context(connector_no_export=True)
            .create({"backend_id": self.backend.id, "odoo_id": record.id})
        )
        # drop connector_no_export, which would stick to the recordset
        return binding.with_env(self.env)

    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        routes = {
            ("POST", "/invoices"): {"id": 1001},
            ("POST", "/customers"): {"id": 2001},
        }
        with self.mock_api(routes) as fake:
            binding._export_to_external()
        self.assertEqual(binding.external_id, "1001")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual(method, "POST")
        self.assertLessEqual(
            {
                "number",
                "reference",
                "total",
                "customer_id",
            },
            set(kwargs["json"]),
        )
        self.assertEqual(kwargs["json"]["customer_id"], "2001")
        update_route = ("PUT", "/invoices/1001")
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
            binding.odoo_id.write({"ref": "Changed by a test"})
            trap.assert_jobs_count(1, only=binding._export_to_external)
        with trap_jobs() as trap:
            binding.odoo_id.with_context(connector_no_export=True).write(
                {"ref": "Changed by an import"}
            )
            trap.assert_jobs_count(0)

    def test_export_wizard_entry_point(self):
        record = self._create_odoo_record()
        with trap_jobs() as trap:
            base_backend = self.backend.base_backend_id
            base_backend.export_records("account.move", record.ids)
            binding = record.acme_bind_ids
            self.assertEqual(len(binding), 1)
            trap.assert_jobs_count(1, only=binding._export_to_external)

    def test_deleting_the_record_deletes_it_on_the_backend(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).external_id = "1001"
        model = self.env["acme.account.move"]
        # off by default: odoo_id (restrict) refuses the deletion
        self.backend.delete_on_backend = True
        record = binding.odoo_id
        with trap_jobs() as trap:
            record.unlink()
            trap.assert_jobs_count(1, only=model.export_delete_record)
        self.assertFalse(binding.exists())
        route = ("DELETE", "/invoices/1001")
        with self.mock_api({route: {}}) as fake:
            trap.perform_enqueued_jobs()
        self.assertEqual([call[0] for call in fake.calls], ["DELETE"])
