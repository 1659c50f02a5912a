import logging

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import config

_logger = logging.getLogger(__name__)


class AcmeBackend(models.Model):
    """Connection to one Acme account.

    Authentication: OAuth 2 client credentials with refresh tokens.

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
    oauth_client_id = fields.Char(
        string="OAuth Client ID", help="Identifier of the OAuth client (app)."
    )
    oauth_client_secret = fields.Char(
        string="OAuth Client Secret",
        groups="connector.group_connector_manager",
        copy=False,
        help="Secret of the OAuth client (app).",
    )
    oauth_token_url = fields.Char(
        string="OAuth Token URL",
        help="Endpoint issuing access tokens (client credentials and refresh "
        "token grants).",
    )
    # the tokens live in acme.oauth.token, see its docstring
    oauth_refresh_token = fields.Char(
        string="OAuth Refresh Token",
        compute="_compute_oauth_refresh_token",
        inverse="_inverse_oauth_refresh_token",
        groups="connector.group_connector_manager",
        help="Renews the access token. Paste one obtained outside Odoo (e.g. by "
        "an authorization code flow); clear it to drop the stored tokens.",
    )
    oauth_token_expiry = fields.Datetime(
        string="OAuth Token Expiry",
        compute="_compute_oauth_token_expiry",
        help="When the current access token expires; a new one is fetched then.",
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

    @api.constrains("oauth_token_url")
    def _check_oauth_token_url(self):
        # the client secret goes there: an http(s) URL without user info
        self._check_url_fields(["oauth_token_url"])

    def _oauth_tokens(self):
        return self.env["acme.oauth.token"].sudo()

    def _compute_oauth_refresh_token(self):
        for backend in self:
            # _origin: a new backend (creation form) has no tokens yet
            token = self._oauth_tokens()._get_token(backend._origin.id)
            backend.oauth_refresh_token = token["refresh_token"]

    def _compute_oauth_token_expiry(self):
        for backend in self:
            token = self._oauth_tokens()._get_token(backend._origin.id)
            backend.oauth_token_expiry = token["expiry"]

    def _inverse_oauth_refresh_token(self):
        # a new (or no) refresh token starts a new session: the access token
        # of the previous one is dropped, the next request fetches another
        for backend in self:
            self._oauth_tokens()._write_token(
                backend.id,
                {
                    "access_token": False,
                    "refresh_token": backend.oauth_refresh_token or False,
                    "expiry": False,
                },
            )

    def _compute_webhook_url(self):
        for backend in self:
            base_url = backend.get_base_url()
            backend.webhook_url = "%s/acme/webhook" % base_url

    def _get_sync_entities(self):
        return [
            "customers",
            "payments",
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
            "customers/create": ("acme.res.partner", "id"),
            "customers/update": ("acme.res.partner", "id"),
            "customers/delete": (
                "acme.res.partner",
                "id",
                "delete",
            ),
            "payments/create": ("acme.account.payment", "id"),
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

    def export_account_move(self, record_ids):
        """Entry point of the "Export to Connectors" wizard for these records."""
        records = self.env["account.move"].browse(record_ids)
        return self._export_bindings("acme.account.move", records)

    def sync_payments(self):
        return self._run_sync("payments")

    def _sync_payments_implementation(self):
        return self._import_since(
            "acme.account.payment",
            "payments.updated_since",
        )


class AcmeOAuthToken(models.Model):
    """OAuth tokens of one Acme backend, in a table of their own.

    A token endpoint that rotates refresh tokens revokes the previous one when
    it issues a new one: the new one must be stored even if the job that
    received it fails and rolls back. Outside tests, :meth:`_save_token`
    commits the tokens at once from a cursor of its own. They are kept apart
    from the backend row, which the job transaction writes (``last_sync_date``
    of a sync): the job transaction never writes this table, so that commit
    cannot conflict with it. Read and written with ``sudo()`` by the adapter;
    managers only otherwise, never logged.
    """

    _name = "acme.oauth.token"
    _description = "Acme OAuth Token"
    _rec_name = "backend_id"

    backend_id = fields.Many2one(
        comodel_name="acme.backend",
        string="Backend",
        required=True,
        ondelete="cascade",
        index=True,
    )
    access_token = fields.Char(groups="connector.group_connector_manager", copy=False)
    refresh_token = fields.Char(groups="connector.group_connector_manager", copy=False)
    expiry = fields.Datetime(string="Access Token Expiry", copy=False)

    _sql_constraints = [
        (
            "backend_uniq",
            "unique(backend_id)",
            "A backend has one row of OAuth tokens.",
        ),
    ]

    @api.model
    def _committed_key(self, backend_id):
        return "%s(%s)" % (self._name, backend_id)

    @api.model
    def _get_token(self, backend_id):
        """Return the tokens of a backend: ``access_token``, ``refresh_token``
        and ``expiry`` (``False`` when there are none).

        Tokens committed by :meth:`_commit_token` during this transaction come
        first: the snapshot of this transaction predates their commit. They
        are kept in ``postcommit.data`` of the cursor, which Odoo empties at
        the end of the transaction, commit or rollback.
        """
        committed = self.env.cr.postcommit.data.get(self._committed_key(backend_id))
        if committed:
            return dict(committed)
        token = self.search([("backend_id", "=", backend_id or 0)], limit=1)
        return {
            "access_token": token.access_token,
            "refresh_token": token.refresh_token,
            "expiry": token.expiry,
        }

    @api.model
    def _save_token(self, backend_id, values):
        """Store the tokens of a backend so that they outlive the job.

        :param values: ``access_token``, ``refresh_token`` and ``expiry``

        Under tests, a second cursor could not see the uncommitted backend:
        the tokens are written in the test transaction.
        """
        if config["test_enable"]:
            self._write_token(backend_id, values)
            return
        self._commit_token(backend_id, values)
        self.env.cr.postcommit.data[self._committed_key(backend_id)] = dict(values)

    @api.model
    def _write_token(self, backend_id, values):
        """Write the tokens of a backend in the current transaction."""
        token = self.search([("backend_id", "=", backend_id)], limit=1)
        if token:
            token.write(values)
        else:
            self.create(dict(values, backend_id=backend_id))

    @api.model
    def _commit_token(self, backend_id, values):
        """Write the tokens of a backend from a cursor of their own, committed
        at once.

        On failure (two jobs renewing the tokens of one backend at the same
        time), this job goes on with the tokens it received; the next renewal
        falls back to the client credentials if the refresh token is lost.
        """
        try:
            with self.env.registry.cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '10s'")
                env = api.Environment(cr, SUPERUSER_ID, {})
                env[self._name]._write_token(backend_id, values)
        except psycopg2.Error as err:
            _logger.warning(
                "Could not store the OAuth tokens of backend %s: %s",
                backend_id,
                type(err).__name__,
            )
