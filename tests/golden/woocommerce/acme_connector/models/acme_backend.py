from urllib.parse import urlsplit

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AcmeBackend(models.Model):
    """Connection to one Acme account.

    Authentication: HTTP Basic authentication (user and password).

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
    _webhook_signature_encoding = "base64"

    store_url = fields.Char(
        string="Store URL",
        help="Address of the WordPress site, e.g. https://shop.example.com: it "
        "gives the API URL and tells the store of a webhook.",
    )
    api_url = fields.Char(
        string="API URL",
        required=True,
        compute="_compute_api_url",
        store=True,
        readonly=False,
        # computed before the row is inserted: the column is NOT NULL
        precompute=True,
        help="WooCommerce REST API v3: <Store URL>/wp-json/wc/v3 by default; "
        "change it to target a staging site, a proxy or a mock.",
    )
    page_size = fields.Integer(default=100)
    api_username = fields.Char(
        string="Consumer Key",
        groups="connector.group_connector_manager",
        help="Key of a REST API key with Read/Write permissions (WooCommerce > "
        "Settings > Advanced > REST API), sent as HTTP Basic over HTTPS.",
    )
    api_password = fields.Char(
        string="Consumer Secret",
        groups="connector.group_connector_manager",
        copy=False,
        help="Secret of the same REST API key (shown once, when the key is created).",
    )
    webhook_secret = fields.Char(
        groups="connector.group_connector_manager",
        copy=False,
        help="Secret of the WooCommerce webhooks: each delivery carries the "
        "base64 HMAC-SHA256 of its body with it (X-WC-Webhook-Signature).",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_webhook_url",
        help="Delivery URL of the webhooks to create in WooCommerce.",
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        help="Warehouse whose quantities are exported (all warehouses when empty).",
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

    @api.model
    def _default_api_url(self):
        """API URL of a backend without a Store URL."""
        return "https://shop.example.com/wp-json/wc/v3"

    @api.depends("store_url")
    def _compute_api_url(self):
        # an API URL edited by hand stays until the store URL changes
        for backend in self:
            store_url = (backend.store_url or "").strip().rstrip("/")
            if store_url:
                backend.api_url = "%s/wp-json/wc/v3" % store_url
            else:
                backend.api_url = backend.api_url or self._default_api_url()

    @api.model
    def _store_key(self, url):
        """Host and path of a store URL, to compare URLs written differently."""
        parts = urlsplit((url or "").strip().lower())
        return (parts.netloc + parts.path).rstrip("/")

    @api.model
    def _find_store_webhook_backend(self, raw_body, signature, source):
        """Return the backend of store ``source`` whose secret signed ``raw_body``.

        ``source`` is the ``X-WC-Webhook-Source`` header, the site URL. Stores
        sharing a webhook secret are told apart by their Store URL: when a
        backend has the URL of ``source``, only such backends are tried, else
        only the backends without a Store URL; every backend without
        ``source``.
        """
        backends = self.sudo().search([("webhook_secret", "!=", False)])
        key = self._store_key(source)
        if key:
            same_store = backends.filtered(
                lambda backend: self._store_key(backend.store_url) == key
            )
            backends = same_store or backends.filtered(
                lambda backend: not backend.store_url
            )
        for backend in backends:
            if backend._verify_webhook_signature(raw_body, signature):
                return backend
        return self.browse()

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
            "product.created": ("acme.product.template", "id"),
            "product.updated": ("acme.product.template", "id"),
            "product.deleted": (
                "acme.product.template",
                "id",
                "delete",
            ),
            "customer.created": ("acme.res.partner", "id"),
            "customer.updated": ("acme.res.partner", "id"),
            "customer.deleted": (
                "acme.res.partner",
                "id",
                "delete",
            ),
            "order.created": ("acme.sale.order", "id"),
            "order.updated": ("acme.sale.order", "id"),
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

    def sync_orders(self):
        return self._run_sync("orders")

    def _sync_orders_implementation(self):
        return self._import_since(
            "acme.sale.order",
            "orders.updated_since",
        )
