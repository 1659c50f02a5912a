# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import identity_exact
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase, make_response


class TestExport(GenericConnectorCase):
    def test_export_creates_then_updates(self):
        binding = self._create_binding()
        routes = {("POST", "/partners"): make_response(201, {"id": 501})}
        with self.mock_api(routes) as fake, trap_jobs() as trap:
            binding._export_to_external()
            # binding the external id does not trigger another export
            trap.assert_jobs_count(0)
        self.assertEqual(binding.external_id, "501")
        self.assertTrue(binding.sync_date)
        self.assertEqual(
            fake.calls[0][2]["json"], {"name": "Bob", "email": "bob@example.test"}
        )
        with self.mock_api({("PUT", "/partners/501"): {"id": 501}}) as fake:
            binding._export_to_external(fields=["name"])
        self.assertEqual(fake.calls[0][0], "PUT")
        self.assertEqual(fake.calls[0][2]["json"], {"name": "Bob"})

    def test_sync_state_follows_the_export(self):
        binding = self._create_binding()
        self.assertEqual(binding.sync_state, "new")
        binding.action_retry_export()
        # a real queued job (no trap): the binding links to it
        self.assertTrue(binding.export_job_id)
        self.assertEqual(binding.sync_state, "pending")
        routes = {("POST", "/partners"): make_response(201, {"id": 777})}
        with self.mock_api(routes):
            binding._export_to_external()
            binding.export_job_id.state = "done"
        self.assertEqual(binding.external_id, "777")
        self.assertEqual(binding.sync_state, "synced")

    def test_sync_state_failed(self):
        binding = self._create_binding()
        response = make_response(422, {"error": "email already taken"})
        with self.mock_api({("POST", "/partners"): response}):
            binding._export_to_external()
        self.assertEqual(binding.sync_state, "failed")

    def test_no_export_flag(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).no_export = True
        with self.mock_api({}) as fake:
            result = binding._export_to_external()
        self.assertFalse(fake.calls)
        self.assertIn("Do Not Export", result)

    def test_rejected_export_is_recorded(self):
        binding = self._create_binding()
        response = make_response(422, {"error": "email already taken"})
        with self.mock_api({("POST", "/partners"): response}):
            # the job ends normally, so these writes are committed
            result = binding._export_to_external()
        self.assertIn("email already taken", result)
        self.assertEqual(binding.retry_count, 1)
        self.assertIn("UserError", binding.sync_error)
        self.assertIn("email already taken", binding.sync_error)
        self.assertFalse(binding.external_id)

    def test_invalid_data_is_recorded(self):
        binding = self._create_binding(email=False)
        with self.mock_api({}) as fake:
            binding._export_to_external()
        self.assertFalse(fake.calls)
        self.assertEqual(binding.retry_count, 1)
        self.assertIn("InvalidDataError", binding.sync_error)

    def test_exhausted_retries_skip_the_export(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).retry_count = 3
        with self.mock_api({}) as fake:
            result = binding._export_to_external()
        self.assertFalse(fake.calls)
        self.assertIn("Skipped", result)

    def test_success_resets_the_failures(self):
        binding = self._create_binding(external_id="501")
        binding.with_context(connector_no_export=True).write(
            {"retry_count": 2, "sync_error": "UserError: rejected"}
        )
        with self.mock_api({("PUT", "/partners/501"): {"id": 501}}):
            binding._export_to_external()
        self.assertEqual(binding.retry_count, 0)
        self.assertFalse(binding.sync_error)

    def test_retryable_error_propagates(self):
        binding = self._create_binding()
        with self.mock_api({("POST", "/partners"): make_response(503, {})}):
            # not assertRaises: its savepoint would hide a wrong write
            try:
                binding._export_to_external()
            except RetryableJobError:
                pass
            else:
                self.fail("RetryableJobError not raised")
        self.assertEqual(binding.retry_count, 0)
        self.assertFalse(binding.sync_error)

    def test_creation_sends_a_stable_idempotency_key(self):
        binding = self._create_binding()
        key = "test.generic.res.partner-%s" % binding.id
        routes = {("POST", "/partners"): [make_response(503, {}), {"id": 501}]}
        with self.mock_api(routes) as fake:
            try:
                binding._export_to_external()
            except RetryableJobError:
                pass
            else:
                self.fail("RetryableJobError not raised")
            # the retry of the job sends the same key: no duplicate remotely
            binding._export_to_external()
        self.assertEqual(binding.external_id, "501")
        keys = [call[2]["headers"].get("Idempotency-Key") for call in fake.calls]
        self.assertEqual(keys, [key, key])
        # updates are idempotent: no key
        with self.mock_api({("PUT", "/partners/501"): {"id": 501}}) as fake:
            binding._export_to_external()
        self.assertNotIn("Idempotency-Key", fake.calls[0][2]["headers"])
        # nor any other request sent later by the same adapter
        with self.mock_api({("GET", "/ping"): {"pong": True}}) as fake:
            self.backend.get_adapter().test_connection()
        self.assertNotIn("Idempotency-Key", fake.calls[0][2]["headers"])

    def test_retry_export_action(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).write(
            {"retry_count": 3, "sync_error": "UserError: rejected"}
        )
        with trap_jobs() as trap:
            action = binding.action_retry_export()
            trap.assert_enqueued_job(
                binding._export_to_external,
                properties={"identity_key": identity_exact},
            )
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(binding.retry_count, 0)
        self.assertFalse(binding.sync_error)

    def test_partner_change_delays_export(self):
        binding = self._create_binding(external_id="501")
        with trap_jobs() as trap:
            binding.odoo_id.write({"name": "Renamed"})
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(
                binding._export_to_external, kwargs={"fields": ["name"]}
            )
        with trap_jobs() as trap:
            binding.odoo_id.with_context(connector_no_export=True).name = "Again"
            trap.assert_jobs_count(0)

    def test_binding_change_delays_export(self):
        binding = self._create_binding(external_id="501")
        with trap_jobs() as trap:
            binding.write({"email": "new@example.test"})
            # the binding and partner listeners queue the same job once
            trap.assert_jobs_count(1)
        with trap_jobs() as trap:
            binding.with_context(connector_no_export=True).no_export = True
            binding.write({"email": "newer@example.test"})
            trap.assert_jobs_count(0)

    def test_batch_export(self):
        exported = self._create_binding(external_id="501")
        self._create_binding(external_id="502", name="Skipped").with_context(
            connector_no_export=True
        ).no_export = True
        with trap_jobs() as trap:
            with self.backend.work_on("test.generic.res.partner") as work:
                count = work.component(usage="batch.exporter").run()
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(exported._export_to_external)
        self.assertEqual(count, 1)
