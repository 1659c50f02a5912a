# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Generic Connector",
    "summary": "Framework for REST connectors on top of OCA connector and queue_job",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "category": "Connector",
    "depends": ["connector_base_backend", "connector", "queue_job"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/generic_connector_security.xml",
        "data/queue_job_data.xml",
        "data/ir_cron_data.xml",
        "views/generic_sync_run_views.xml",
        "views/generic_webhook_views.xml",
        "views/generic_sync_checkpoint_views.xml",
        "views/connector_base_backend_views.xml",
        "views/generic_connector_menus.xml",
    ],
    "installable": True,
}
