# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from odoo.addons.queue_job.job import identity_exact
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase


class TestExportRouting(GenericConnectorCase):
    def _partner(self, name="Routed"):
        return self.env["res.partner"].create(
            {"name": name, "email": "%s@example.test" % name.lower()}
        )

    def test_concrete_candidates_skip_abstract_models(self):
        BaseBackend = self.env["connector.base.backend"]
        self.assertIn("generic.backend", type(BaseBackend)._inherits_children)
        names = [model._name for model, __ in BaseBackend._concrete_candidates()]
        self.assertIn("test.generic.backend", names)
        self.assertNotIn("generic.backend", names)

    def test_archived_backend_is_resolved(self):
        self.backend.active = False
        self.assertEqual(self.base_backend._get_concrete_backend(), self.backend)

    def test_supports_export(self):
        self.assertTrue(self.base_backend.supports_export("res.partner"))
        self.assertFalse(self.base_backend.supports_export("product.product"))

    def test_export_records_routes_to_concrete_method(self):
        partner = self._partner()
        with trap_jobs() as trap:
            action = self.base_backend.export_records("res.partner", partner.ids)
            binding = partner.test_generic_bind_ids
            self.assertEqual(len(binding), 1)
            self.assertEqual(binding.backend_id, self.backend)
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(
                binding._export_to_external,
                properties={"identity_key": identity_exact},
            )
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertTrue(self.backend.last_export_date)
        # a second export reuses the binding
        with trap_jobs() as trap:
            self.base_backend.export_records("res.partner", partner.ids)
            trap.assert_jobs_count(1)
        self.assertEqual(len(partner.test_generic_bind_ids), 1)

    def test_export_skips_no_export_bindings(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).no_export = True
        with trap_jobs() as trap:
            action = self.base_backend.export_records(
                "res.partner", binding.odoo_id.ids
            )
            trap.assert_jobs_count(0)
        self.assertEqual(action["params"]["type"], "warning")

    def test_explicit_export_replays_failed_binding(self):
        binding = self._create_binding()
        binding.with_context(connector_no_export=True).write(
            {"retry_count": 3, "sync_error": "UserError: rejected"}
        )
        with trap_jobs() as trap:
            self.base_backend.export_records("res.partner", binding.odoo_id.ids)
            trap.assert_enqueued_job(binding._export_to_external)
        self.assertEqual(binding.retry_count, 0)
        self.assertFalse(binding.sync_error)

    def test_export_unsupported_model(self):
        with self.assertRaisesRegex(UserError, "export_product_product"):
            self.base_backend.export_records("product.product", [1])


class TestExportWizard(GenericConnectorCase):
    def _wizard(self, records, user=None, **values):
        Wizard = self.env["connector.export.wizard"]
        if user:
            Wizard = Wizard.with_user(user)
        return Wizard.with_context(
            active_model=records._name, active_ids=records.ids
        ).create(values)

    def _partners(self, count=2):
        return self.env["res.partner"].create(
            [
                {"name": "Wizard %s" % i, "email": "wizard%s@example.test" % i}
                for i in range(count)
            ]
        )

    def test_wizard_lists_backends_implementing_the_export(self):
        wizard = self._wizard(self._partners())
        self.assertEqual(wizard.res_model, "res.partner")
        self.assertEqual(wizard.record_count, 2)
        self.assertIn(self.base_backend, wizard.available_backend_ids)
        self.assertEqual(wizard.backend_count, len(wizard.available_backend_ids))
        product = self.env["product.product"].create({"name": "Not exported"})
        wizard = self._wizard(product)
        self.assertNotIn(self.base_backend, wizard.available_backend_ids)

    def test_wizard_export(self):
        partners = self._partners()
        wizard = self._wizard(partners, backend_id=self.base_backend.id)
        with trap_jobs() as trap:
            action = wizard.action_export()
            trap.assert_jobs_count(2)
        self.assertEqual(len(partners.test_generic_bind_ids), 2)
        self.assertEqual(
            action["params"]["next"], {"type": "ir.actions.act_window_close"}
        )

    def test_wizard_without_backend(self):
        wizard = self._wizard(self._partners(1))
        wizard.backend_id = False
        with self.assertRaisesRegex(UserError, "Choose the backend"):
            wizard.action_export()

    def test_wizard_when_no_backend_supports_the_model(self):
        wizard = self._wizard(self.env.ref("base.be"))
        self.assertEqual(wizard.backend_count, 0)
        with self.assertRaisesRegex(UserError, "No active connector backend"):
            wizard.action_export()

    def test_wizard_as_connector_user(self):
        user = self.env["res.users"].create(
            {
                "name": "Connector Test User",
                "login": "generic_connector_test_user",
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            self.env.ref("base.group_user").id,
                            self.env.ref(
                                "connector_base_backend.group_connector_user"
                            ).id,
                        ],
                    )
                ],
            }
        )
        partner = self._partners(1)
        wizard = self._wizard(partner, user=user, backend_id=self.base_backend.id)
        self.assertIn(self.base_backend, wizard.available_backend_ids)
        with trap_jobs() as trap:
            wizard.action_export()
            trap.assert_jobs_count(1)
            # the user may not write bindings: the export runs as superuser
            self.assertTrue(trap.enqueued_jobs[0].recordset.env.su)
        self.assertEqual(len(partner.test_generic_bind_ids), 1)
