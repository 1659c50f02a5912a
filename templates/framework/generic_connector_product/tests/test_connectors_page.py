# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase, new_test_user


class TestConnectorsPage(TransactionCase):
    def test_product_forms_have_a_hidden_connectors_page(self):
        user = new_test_user(
            self.env,
            login="connector-manager",
            groups="base.group_user,connector.group_connector_manager",
        )
        for model in ("product.template", "product.product"):
            arch = self.env[model].with_user(user).get_view(view_type="form")["arch"]
            self.assertIn('name="connector"', arch, model)
