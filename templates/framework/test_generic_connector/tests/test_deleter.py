# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest import mock

from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from odoo.addons.generic_connector.components.deleter import GenericDeleter
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase, make_response


class TestDeleter(GenericConnectorCase):
    """Exported records unbound in Odoo are deleted on the backend when the
    backend allows it; nothing else deletes them there."""

    def _delete_jobs(self, trap):
        return [
            job
            for job in trap.enqueued_jobs
            if job.method_name == "export_delete_record"
        ]

    def test_off_by_default_unbinding_deletes_nothing(self):
        self.assertFalse(self.backend.delete_on_backend)
        binding = self._create_binding(external_id="42")
        with trap_jobs() as trap:
            binding.unlink()
        self.assertFalse(self._delete_jobs(trap))

    def test_unbinding_queues_the_deletion(self):
        self.backend.delete_on_backend = True
        binding = self._create_binding(external_id="42")
        with trap_jobs() as trap:
            binding.unlink()
        jobs = self._delete_jobs(trap)
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs[0].args, (self.backend, "42"))
        with self.mock_api({("DELETE", "/partners/42"): {}}) as fake:
            trap.perform_enqueued_jobs()
        deletes = [call for call in fake.calls if call[0] == "DELETE"]
        self.assertEqual(len(deletes), 1)
        self.assertTrue(deletes[0][1].endswith("/partners/42"))

    def test_delete_values_of_the_binding_reach_the_adapter(self):
        # e.g. the parent of a record deleted under it, kept on the binding
        self.backend.delete_on_backend = True
        binding = self._create_binding(external_id="42")
        values = {"parent_id": "7"}
        with mock.patch.object(type(binding), "_delete_values", return_value=values):
            with trap_jobs() as trap:
                binding.unlink()
        jobs = self._delete_jobs(trap)
        self.assertEqual(jobs[0].kwargs, values)
        adapter = "odoo.addons.test_generic_connector.components.adapter"
        with mock.patch(adapter + ".TestGenericAdapter.delete_record") as delete:
            trap.perform_enqueued_jobs()
        delete.assert_called_once_with("42", parent_id="7")

    def test_never_exported_or_remotely_deleted_bindings_queue_nothing(self):
        self.backend.delete_on_backend = True
        never_exported = self._create_binding()
        with trap_jobs() as trap:
            never_exported.unlink()
        self.assertFalse(self._delete_jobs(trap))
        self._create_binding(external_id="43")
        with trap_jobs() as trap, self.mock_api({}):
            # 404 on read: the backend deleted it, nothing to send back
            self.Binding.import_record(self.backend, "43")
        self.assertFalse(self._delete_jobs(trap))

    def test_deleting_the_odoo_record_deletes_it_on_the_backend(self):
        self.backend.delete_on_backend = True
        binding = self._create_binding(external_id="42")
        partner = binding.odoo_id
        with trap_jobs() as trap:
            partner.unlink()
        self.assertFalse(partner.exists())
        self.assertFalse(binding.exists())
        self.assertEqual(self._delete_jobs(trap)[0].args, (self.backend, "42"))

    def test_deleting_the_odoo_record_is_refused_when_off(self):
        binding = self._create_binding(external_id="42")
        partner = binding.odoo_id
        with self.assertRaises(IntegrityError), mute_logger(
            "odoo.sql_db"
        ), self.env.cr.savepoint():
            partner.unlink()
        self.assertTrue(binding.exists())

    def test_records_the_adapter_cannot_delete_stay_bound(self):
        self.backend.delete_on_backend = True
        binding = self._create_binding(external_id="42")
        partner = binding.odoo_id
        unsupported = mock.patch.object(
            GenericDeleter, "supports_delete", return_value=False
        )
        with unsupported, trap_jobs() as trap:
            with self.assertRaises(IntegrityError), mute_logger(
                "odoo.sql_db"
            ), self.env.cr.savepoint():
                partner.unlink()
            binding.unlink()
        self.assertTrue(partner.exists())
        self.assertFalse(self._delete_jobs(trap))

    def test_deleter_skips_what_is_bound_again_or_already_gone(self):
        self._create_binding(external_id="44")
        with self.mock_api({}) as fake:
            message = self.Binding.export_delete_record(self.backend, "44")
        self.assertIn("bound again", message)
        self.assertFalse(fake.calls)
        gone = make_response(404, {"error": "not found"})
        with self.mock_api({("DELETE", "/partners/45"): gone}):
            message = self.Binding.export_delete_record(self.backend, "45")
        self.assertIn("already deleted", message)
