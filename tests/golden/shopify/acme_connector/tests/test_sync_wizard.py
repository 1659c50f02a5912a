from unittest import mock

from odoo.exceptions import UserError
from odoo.tests.common import new_test_user

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import AcmeTestCase, answer, connection

EMPTY_PAGES = {
    "ListProducts": answer({"products": connection([])}),
    "ListCustomers": answer({"customers": connection([])}),
    "ListOrders": answer({"orders": connection([])}),
}


class TestSyncWizard(AcmeTestCase):
    """The manual synchronization wizard."""

    def _wizard(self, user=None, **values):
        Wizard = self.env["acme.sync.wizard"].with_context(
            active_model="acme.backend", active_id=self.backend.id
        )
        if user:
            Wizard = Wizard.with_user(user)
        return Wizard.create(values)

    def test_defaults_to_the_active_backend(self):
        wizard = self._wizard()
        self.assertEqual(wizard.backend_id, self.backend)
        self.assertEqual(wizard.entity, "all")
        self.assertEqual(wizard.run_mode, "queue")

    def test_offers_every_synchronization(self):
        selection = self.env["acme.sync.wizard"]._selection_entity()
        keys = [key for key, __ in selection]
        self.assertEqual(keys, ["all"] + self.backend._get_sync_entities())

    def test_queue_all(self):
        wizard = self._wizard()
        with trap_jobs() as trap:
            action = wizard.action_run()
            trap.assert_jobs_count(len(self.backend._get_sync_entities()))
        self.assertEqual(
            action["params"]["next"]["type"], "ir.actions.act_window_close"
        )

    def test_queue_one(self):
        wizard = self._wizard(entity="products")
        with trap_jobs() as trap:
            wizard.action_run()
            trap.assert_jobs_count(1, only=self.backend.sync_products)

    def test_run_now(self):
        wizard = self._wizard(entity="products", run_mode="now")
        with self.mock_api(EMPTY_PAGES) as fake:
            with trap_jobs() as trap:
                wizard.action_run()
                trap.assert_jobs_count(0)
        self.assertEqual(len(fake.calls), 1)
        self.assertTrue(self.backend.last_sync_date)

    def test_a_connector_user_can_run_it(self):
        user = new_test_user(
            self.env,
            login="connector-user",
            groups="base.group_user,connector_base_backend.group_connector_user",
        )
        wizard = self._wizard(user, entity="products")
        with trap_jobs() as trap:
            wizard.action_run()
            trap.assert_jobs_count(1, only=self.backend.sync_products)

    def test_refused_unless_the_backend_is_confirmed(self):
        for state in ("draft", "error"):
            self.backend.state = state
            wizard = self._wizard()
            with self.subTest(state=state), trap_jobs() as trap:
                with self.assertRaisesRegex(UserError, "Test Connection"):
                    wizard.action_run()
                trap.assert_jobs_count(0)
            self.assertEqual(wizard.backend_state, state)

    def test_run_now_failure_is_a_clear_error(self):
        wizard = self._wizard(entity="products", run_mode="now")
        with mock.patch.object(
            type(self.backend),
            "sync_products",
            side_effect=RuntimeError("boom"),
        ):
            with self.assertRaisesRegex(UserError, "boom"):
                wizard.action_run()
