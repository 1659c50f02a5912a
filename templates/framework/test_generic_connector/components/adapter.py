# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.component.core import Component


class TestGenericAdapter(Component):
    """Client of the dummy API: ``/partners`` with ``items`` pages."""

    _name = "test.generic.adapter"
    _inherit = ["generic.adapter", "base.test.generic.connector"]
    _usage = "backend.adapter"

    def get_api_headers(self):
        headers = super().get_api_headers()
        headers["Authorization"] = "Bearer %s" % (
            self.backend_record.sudo().api_key or ""
        )
        return headers

    def test_connection(self):
        return self.get("ping")

    def search(self, filters=None):
        params = dict(filters or {}, limit=self.backend_record.page_size)
        for item in self.get_all("partners", params=params, items_key="items"):
            yield item["id"]

    def read(self, external_id):  # pylint: disable=W8106
        return self.get("partners/%s" % external_id)

    def create(self, data):  # pylint: disable=W8106
        return self.post("partners", data=data)["id"]

    def write(self, external_id, data):  # pylint: disable=W8106
        return self.put("partners/%s" % external_id, data=data)

    def delete_record(self, external_id):
        return self.delete("partners/%s" % external_id)
