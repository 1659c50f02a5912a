# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Generic Connector - Stock",
    "summary": "Export of the free quantities that changed, per mapped warehouse",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    # connector(_base_backend): the groups of the access rows
    "depends": [
        "connector_base_backend",
        "connector",
        "generic_connector_product",
        "stock",
    ],
    "data": ["security/ir.model.access.csv"],
    "auto_install": True,
    "installable": True,
}
