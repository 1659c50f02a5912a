# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Generic Connector Tests",
    "summary": "Dummy connector for the generic_connector tests only, do not install",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    "depends": ["generic_connector"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "data/queue_job_data.xml",
    ],
    "installable": True,
}
