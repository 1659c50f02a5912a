# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.tools import mute_logger

from .common import GenericConnectorCase


class TestBindingLink(GenericConnectorCase):
    """``odoo_id`` is ``ondelete="restrict"``, as in the OCA connectors."""

    def test_deleting_a_bound_record_is_refused(self):
        binding = self._create_binding(external_id="42")
        partner = binding.odoo_id
        with self.assertRaises(IntegrityError) as refused, mute_logger(
            "odoo.sql_db"
        ), self.env.cr.savepoint():
            partner.unlink()
        self.assertEqual(
            refused.exception.diag.constraint_name,
            "test_generic_res_partner_odoo_id_fkey",
        )
        self.assertTrue(partner.exists())
        self.assertTrue(binding.exists())

    def test_unbinding_keeps_the_odoo_record(self):
        binding = self._create_binding(external_id="42")
        partner = binding.odoo_id
        binding.unlink()
        self.assertTrue(partner.exists())
        self.assertFalse(partner.test_generic_bind_ids)
        # once unbound, the record can be deleted
        partner.unlink()
        self.assertFalse(partner.exists())
