from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AcmeBackend(models.Model):
    """Connection to one Acme account.

    Authentication: API key sent in a request header.

    The shared fields (name, company, sync history, webhooks) live on the
    delegated ``connector.base.backend`` row; the synchronization machinery
    comes from ``generic.backend``.
    """

    _name = "acme.backend"
    _inherit = "generic.backend"
    _description = "Acme Backend"

    #: how the webhook signature (header ``SIGNATURE_HEADER`` of
    #: controllers/main.py) encodes the HMAC-SHA256 of the raw body:
    #: ``"hex"`` or ``"base64"``
    _webhook_signature_encoding = "hex"

    api_url = fields.Char(
        required=True,
        help="Base address of the API, such as https://api.example.com/v1; "
        "endpoints are relative to it.",
    )
    api_key_header = fields.Char(
        string="API Key Header",
        help="Name of the HTTP header carrying the API key, as the API "
        "documentation gives it (often X-API-Key).",
    )
    webhook_secret = fields.Char(
        groups="connector.group_connector_manager",
        copy=False,
        help="Shared secret of the HMAC-SHA256 signature of the webhooks.",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_webhook_url",
        help="Address to register on Acme for the webhooks.",
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        help="Warehouse whose quantities are exported (all warehouses when empty).",
    )
    location_external_id = fields.Char(
        string="External Location ID",
        help="Acme location receiving the exported quantities.",
    )
    guest_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Partner for Guest Orders",
        help="If set, the partner of all guest orders; else each guest gets its own.",
    )

    def _compute_webhook_url(self):
        for backend in self:
            base_url = backend.get_base_url()
            backend.webhook_url = "%s/acme/webhook" % base_url

    def _get_sync_entities(self):
        return [
            "products",
            "inventory",
            "customers",
            "orders",
        ]

    def _test_connection_implementation(self):
        self.get_adapter().test_connection()

    def action_sync(self):
        """Queue one synchronization: ``sync_entity`` of the button context."""
        self.ensure_one()
        entity = self.env.context.get("sync_entity")
        if entity not in self._get_sync_entities():
            raise UserError(_("Unknown synchronization: %s", entity))
        self._check_can_sync()
        self._delay_sync(entity)
        return self._build_notification(
            _("Synchronization"),
            _(
                "%s: synchronization started in the background. Follow it in "
                "Sync Runs.",
                self._sync_entity_label(entity),
            ),
            "success",
        )

    def _webhook_handlers(self):
        return {
            "products/create": ("acme.product.template", "id"),
            "products/update": ("acme.product.template", "id"),
            "products/delete": (
                "acme.product.template",
                "id",
                "delete",
            ),
            "customers/create": ("acme.res.partner", "id"),
            "customers/update": ("acme.res.partner", "id"),
            "customers/delete": (
                "acme.res.partner",
                "id",
                "delete",
            ),
            "orders/create": ("acme.sale.order", "id"),
            "orders/update": ("acme.sale.order", "id"),
        }

    def _webhook_job_channel(self):
        # the imports the webhooks trigger share the channel of the connector
        # (data/queue_job_data.xml)
        return "root.acme"

    def _verify_webhook_signature(self, raw_body, signature):
        """Tell whether ``signature`` is the HMAC-SHA256 of ``raw_body``.

        The digest is encoded as ``_webhook_signature_encoding`` says, and
        compared in constant time by ``generic.backend``.
        """
        self.ensure_one()
        return self._hmac_digest_matches(
            self.sudo().webhook_secret,
            raw_body,
            signature,
            encoding=self._webhook_signature_encoding,
        )

    @api.model
    def _find_webhook_backend(self, raw_body, signature):
        """Return the active backend whose webhook secret signed ``raw_body``."""
        for backend in self.sudo().search([("webhook_secret", "!=", False)]):
            if backend._verify_webhook_signature(raw_body, signature):
                return backend
        return self.browse()

    def sync_products(self):
        return self._run_sync("products")

    def _sync_products_implementation(self):
        return self._import_since(
            "acme.product.template",
            "products.updated_since",
        )

    def sync_inventory(self):
        return self._run_sync("inventory")

    def _sync_inventory_implementation(self):
        products = self.env["acme.product.product"]
        return products._delay_inventory_exports(self)

    def export_product_product(self, record_ids):
        """Entry point of the "Export to Connectors" wizard for these records."""
        records = self.env["product.product"].browse(record_ids)
        return self._export_bindings("acme.product.product", records)

    def export_product_template(self, record_ids):
        """Entry point of the export wizard on product templates: their variants."""
        templates = self.env["product.template"].browse(record_ids)
        return self._export_bindings(
            "acme.product.product", templates.product_variant_ids
        )

    def sync_customers(self):
        return self._run_sync("customers")

    def _sync_customers_implementation(self):
        return self._import_since(
            "acme.res.partner",
            "customers.updated_since",
        )

    def export_res_partner(self, record_ids):
        """Entry point of the "Export to Connectors" wizard for these records."""
        records = self.env["res.partner"].browse(record_ids)
        return self._export_bindings("acme.res.partner", records)

    def sync_orders(self):
        return self._run_sync("orders")

    def _sync_orders_implementation(self):
        return self._import_since(
            "acme.sale.order",
            "orders.updated_since",
        )
