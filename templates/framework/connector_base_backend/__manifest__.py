# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Connector Base Backend",
    "summary": "Shared backend table, export wizard and groups for connectors",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    "depends": ["connector", "product"],
    "data": [
        "security/connector_base_backend_security.xml",
        "security/ir.model.access.csv",
        "views/connector_base_backend_views.xml",
        "wizards/connector_export_wizard_views.xml",
        "views/connector_base_backend_menus.xml",
    ],
    "installable": True,
}
