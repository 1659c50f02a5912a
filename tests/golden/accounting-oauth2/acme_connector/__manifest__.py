# License LGPL-3
{
    "name": "Acme Connector",
    "summary": "Synchronize Accounting data with Acme",
    "version": "16.0.1.0.0",
    "license": "LGPL-3",
    "category": "Connector",
    "author": "odoo-connector",
    "website": "https://github.com/odoo-connector/odoo-connector",
    "depends": [
        "generic_connector",
        "account",
    ],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/acme_security.xml",
        "security/ir.model.access.csv",
        "data/queue_job_data.xml",
        "data/ir_cron_data.xml",
        "views/acme_backend_views.xml",
        "views/acme_account_move_views.xml",
        "views/acme_account_payment_views.xml",
        "views/acme_res_partner_views.xml",
        "wizards/acme_sync_wizard_views.xml",
        "views/acme_menus.xml",
    ],
    "installable": True,
}
