# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Generic Connector - Products",
    "summary": "Catalogue import (templates, attributes, variants, matching) and "
    "the Connectors page of the product forms",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    "depends": ["generic_connector", "product"],
    "data": ["views/product_views.xml"],
    "auto_install": True,
    "installable": True,
}
