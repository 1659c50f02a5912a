# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import TransactionCase, new_test_user


class TestConnectorsPage(TransactionCase):
    def test_order_form_has_a_hidden_connectors_page(self):
        user = new_test_user(
            self.env,
            login="connector-manager",
            groups="base.group_user,sales_team.group_sale_salesman,"
            "connector.group_connector_manager",
        )
        SaleOrder = self.env["sale.order"].with_user(user)
        arch = SaleOrder.get_view(view_type="form")["arch"]
        self.assertIn('name="connector"', arch)
