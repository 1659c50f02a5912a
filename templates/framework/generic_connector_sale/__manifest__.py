# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Generic Connector - Sales",
    "summary": "Orders imported as the shop charged them; fulfilment export",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    "depends": ["generic_connector", "sale", "delivery"],
    "data": ["data/product_data.xml", "views/sale_order_views.xml"],
    "auto_install": True,
    "installable": True,
}
