import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

#: default Admin API version of new backends (quarterly: YYYY-01/04/07/10,
#: each supported about twelve months: move to the newest stable one)
DEFAULT_API_VERSION = "2026-10"
API_URL_PATTERN = "https://%s/admin/api/%s/graphql.json"
#: API URL of a backend without shop domain
DEFAULT_API_URL = "https://your-shop.myshopify.com/admin/api/2026-10/graphql.json"
SHOP_DOMAIN_RE = re.compile(r"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")
API_VERSION_RE = re.compile(r"^\d{4}-(01|04|07|10)$")
#: key of a webhook body holding the record's GraphQL id (bodies are REST-shaped)
GID_KEY = "admin_graphql_api_id"
#: deletions, whose bodies hold the REST id only: the GraphQL type of the
#: record, to build the gid the bindings hold
DELETE_TOPICS = {"products/delete": "Product", "customers/delete": "Customer"}
UNINSTALLED_TOPIC = "app/uninstalled"


class AcmeBackend(models.Model):
    """Connection to one Shopify shop through a custom app.

    Authentication: the app's Admin API access token, sent in
    ``X-Shopify-Access-Token``. The API URL is derived from the shop domain
    and the API version, and stays editable (a proxy, a mock).

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

    shop_domain = fields.Char(
        copy=False,
        help="The shop's myshopify.com domain, e.g. my-shop.myshopify.com (not a "
        "custom domain): it builds the API URL and routes the webhooks.",
    )
    api_version = fields.Char(
        string="API Version",
        required=True,
        default=DEFAULT_API_VERSION,
        help="Admin API version (YYYY-MM). Shopify releases one a quarter "
        "and supports each about twelve months.",
    )
    api_url = fields.Char(
        required=True,
        compute="_compute_api_url",
        store=True,
        readonly=False,
        precompute=True,
        help="Derived from the shop domain and the API version; change it to "
        "target a proxy or a mock.",
    )
    api_key = fields.Char(
        string="Access Token",
        groups="connector.group_connector_manager",
        copy=False,
        help="Admin API access token of an app created in the shop's admin "
        "(shpat_...). Leave it empty for an app of the Dev Dashboard: the "
        "client ID and secret then obtain tokens (client credentials grant).",
    )
    client_id = fields.Char(
        string="Client ID",
        help="Client ID of the app (Dev Dashboard > app > Settings).",
    )
    webhook_secret = fields.Char(
        string="Client Secret",
        groups="connector.group_connector_manager",
        copy=False,
        help="Client secret of the app: Shopify signs the webhooks with it, "
        "and with the client ID it obtains access tokens.",
    )
    page_size = fields.Integer(
        default=250,
        help="Records per page of a listing (Shopify allows 250 at most).",
    )
    app_uninstalled = fields.Boolean(
        readonly=True,
        copy=False,
        help="The app was uninstalled from the shop: its token no longer works "
        "and the scheduled synchronizations skip this backend.",
    )
    webhook_url = fields.Char(
        string="Webhook URL",
        compute="_compute_webhook_url",
        help="Address to register on Shopify for the webhooks.",
    )
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        help="Warehouse whose quantities are exported (all warehouses when empty).",
    )
    location_external_id = fields.Char(
        string="Shopify Location ID",
        help="gid of the Shopify location receiving the exported quantities, "
        "e.g. gid://shopify/Location/123.",
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

    _sql_constraints = [
        (
            "shop_domain_uniq",
            "unique(shop_domain)",
            "Another backend already connects this shop.",
        ),
    ]

    @api.constrains("shop_domain")
    def _check_shop_domain(self):
        for backend in self:
            if backend.shop_domain and not SHOP_DOMAIN_RE.match(backend.shop_domain):
                raise ValidationError(
                    _(
                        "Shop domain %s is not a myshopify.com domain: enter it as "
                        "my-shop.myshopify.com, without https:// or a path.",
                        backend.shop_domain,
                    )
                )

    @api.constrains("api_version")
    def _check_api_version(self):
        for backend in self:
            if not API_VERSION_RE.match(backend.api_version or ""):
                raise ValidationError(
                    _(
                        "API version %s is not a Shopify version: use YYYY-MM "
                        "with a month of 01, 04, 07 or 10, e.g. %s.",
                        backend.api_version,
                        DEFAULT_API_VERSION,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalise_shop_domain(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalise_shop_domain(vals)
        return super().write(vals)

    @api.model
    def _normalise_shop_domain(self, vals):
        # pasted from the browser: https://My-Shop.myshopify.com/
        if vals.get("shop_domain"):
            domain = vals["shop_domain"].strip().lower()
            domain = re.sub(r"^https?://", "", domain).rstrip("/")
            vals["shop_domain"] = domain

    @api.depends("shop_domain", "api_version")
    def _compute_api_url(self):
        for backend in self:
            if backend.shop_domain and backend.api_version:
                backend.api_url = API_URL_PATTERN % (
                    backend.shop_domain,
                    backend.api_version,
                )
            elif not backend.api_url:
                backend.api_url = DEFAULT_API_URL

    def action_test_connection(self):
        result = super().action_test_connection()
        if self.state == "confirmed" and self.app_uninstalled:
            # the token works again: the app was installed again
            self.app_uninstalled = False
        return result

    @api.model
    def cron_sync(self, entity):
        """Scheduled action: skip the shops that uninstalled the app."""
        self.search(
            [
                ("state", "in", ("confirmed", "error")),
                ("app_uninstalled", "=", False),
            ]
        )._delay_sync(entity, trigger="cron")

    def process_webhook(self, webhook):
        """Process one stored delivery, by topic (``X-Shopify-Topic``)."""
        self.ensure_one()
        topic = webhook.event_type
        if topic == UNINSTALLED_TOPIC:
            return self._process_app_uninstalled(webhook)
        return super().process_webhook(webhook)

    def _webhook_external_id(self, webhook, handler):
        external_id = super()._webhook_external_id(webhook, handler)
        gid_type = DELETE_TOPICS.get(webhook.event_type)
        if gid_type and external_id not in (None, False, ""):
            return "gid://shopify/%s/%s" % (gid_type, external_id)
        return external_id

    def _process_app_uninstalled(self, webhook):
        message = _(
            "The Shopify app was uninstalled from %s: its access token no "
            "longer works. Install the app again, paste its new access token, "
            "then test the connection.",
            self.shop_domain,
        )
        self.write({"state": "error", "app_uninstalled": True, "last_error": message})
        return webhook.mark_as_processed()

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
            "products/create": ("acme.product.template", GID_KEY),
            "products/update": ("acme.product.template", GID_KEY),
            "products/delete": (
                "acme.product.template",
                "id",
                "delete",
            ),
            "customers/create": ("acme.res.partner", GID_KEY),
            "customers/update": ("acme.res.partner", GID_KEY),
            "customers/delete": (
                "acme.res.partner",
                "id",
                "delete",
            ),
            "orders/create": ("acme.sale.order", GID_KEY),
            "orders/updated": ("acme.sale.order", GID_KEY),
            "orders/cancelled": ("acme.sale.order", GID_KEY),
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
    def _find_webhook_backend(self, shop_domain, raw_body, signature):
        """Return the active backend of ``shop_domain`` if it signed ``raw_body``.

        Several shops may share one app, hence one secret: the shop domain
        (``X-Shopify-Shop-Domain``) picks the backend, the signature only
        proves the delivery.
        """
        domain = (shop_domain or "").strip().lower()
        if not domain:
            return self.browse()
        backend = self.sudo().search([("shop_domain", "=", domain)], limit=1)
        if backend and backend._verify_webhook_signature(raw_body, signature):
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
