# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import hmac
import logging
import time
from contextlib import contextmanager
from datetime import timedelta

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.connector.database import pg_try_advisory_lock
from odoo.addons.connector.exception import (
    IDMissingInBackend,
    InvalidDataError,
    MappingError,
    NetworkRetryableError,
)
from odoo.addons.queue_job.exception import JobError, RetryableJobError
from odoo.addons.queue_job.job import identity_exact

from ..exception import BackendAuthenticationError, ForeignOriginError
from ..urls import has_userinfo, loggable_url, url_origin

_logger = logging.getLogger(__name__)

#: errors that retrying will not fix: recorded on the webhook, the job ends
WEBHOOK_BUSINESS_ERRORS = (
    UserError,
    MappingError,
    InvalidDataError,
    IDMissingInBackend,
)


class GenericBackend(models.AbstractModel):
    """Base of every generated backend.

    A concrete backend declares ``_name = "<prefix>.backend"`` and
    ``_inherit = "generic.backend"``. It gets the methods below by inheritance
    and its shared fields (name, company, sync history...) by delegation to a
    ``connector.base.backend`` row.
    """

    _name = "generic.backend"
    _inherit = ["connector.backend", "generic.partner.backend.mixin"]
    _description = "Generic Connector Backend (abstract)"

    #: seconds subtracted from the run start before storing it as checkpoint,
    #: a margin for clock skew: records of the overlap are imported again
    _checkpoint_overlap = 60
    #: seconds during which a webhook whose signed content (raw body, and
    #: signed timestamp) was already received is dropped as a replay
    _webhook_replay_window = 24 * 3600
    #: seconds a signed webhook timestamp may differ from now
    _webhook_timestamp_tolerance = 300

    base_backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Base Backend",
        required=True,
        ondelete="cascade",
        delegate=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("error", "Error")],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        help="Draft: never tested. Confirmed: the last connection test (or "
        "synchronization) succeeded. Error: it failed, see Last Error.",
    )
    api_url = fields.Char(
        string="API URL",
        help="Base address of the API; endpoints are relative to it.",
    )
    api_key = fields.Char(
        string="API Key",
        groups="connector.group_connector_manager",
        copy=False,
        help="Secret credential issued by the external system. Only connector "
        "managers can read it.",
    )
    api_timeout = fields.Integer(
        string="API Timeout (s)",
        default=30,
        help="Seconds to wait for each HTTP request before giving up.",
    )
    page_size = fields.Integer(
        default=50,
        help="Records requested per page when listing records on the API.",
    )
    last_test_date = fields.Datetime(
        string="Last Connection Test", readonly=True, copy=False
    )
    last_sync_date = fields.Datetime(
        string="Last Synchronization", readonly=True, copy=False
    )
    last_export_date = fields.Datetime(string="Last Export", readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    can_sync = fields.Boolean(
        compute="_compute_can_sync",
        help="Manual synchronizations need a successful connection test.",
    )

    @api.depends("state")
    def _compute_can_sync(self):
        for backend in self:
            backend.can_sync = backend.state == "confirmed"

    def _check_can_sync(self):
        """Refuse manual synchronizations on backends not confirmed.

        Scheduled ones (:meth:`cron_sync`) still run on backends in error.
        """
        for backend in self:
            if backend.state == "confirmed":
                continue
            if backend.state == "error":
                reason = _(
                    "its last connection test failed. Check Last Error, fix "
                    "the settings and click Test Connection."
                )
            else:
                reason = _("its connection was never tested. Click Test Connection.")
            raise UserError(
                _(
                    "Backend %(backend)s cannot synchronize yet: %(reason)s",
                    backend=backend.display_name,
                    reason=reason,
                )
            )

    @api.constrains("api_url")
    def _check_api_url(self):
        self._check_url_fields(["api_url"])

    def _check_url_fields(self, field_names):
        """Refuse URLs the credentials could leak through: each field must be
        empty or an absolute http(s) URL with a host and no user info.

        Generated backends call it for their other URLs (OAuth token URL).
        """
        for backend in self:
            for name in field_names:
                value = (backend[name] or "").strip()
                if not value:
                    continue
                label = self._fields[name]._description_string(self.env)
                if url_origin(value) is None:
                    raise ValidationError(
                        _(
                            "%(field)s of backend %(backend)s must be an absolute "
                            "http(s) URL with a host, such as "
                            "https://api.example.com/v1: %(url)s",
                            field=label,
                            backend=backend.display_name,
                            url=loggable_url(value),
                        )
                    )
                if has_userinfo(value):
                    raise ValidationError(
                        _(
                            "%(field)s of backend %(backend)s must not contain a "
                            "user name or password (user:password@): put the "
                            "credentials in their own fields. %(url)s",
                            field=label,
                            backend=backend.display_name,
                            url=loggable_url(value),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("backend_model", self._name)
        return super().create(vals_list)

    def unlink(self):
        # the shared row means nothing without its concrete backend
        base_backends = self.mapped("base_backend_id")
        result = super().unlink()
        base_backends.unlink()
        return result

    @api.model
    def _job_prepare_context_before_enqueue_keys(self):
        # the trigger of a delayed synchronization travels with its job
        # and the page jobs of a run count their records in it
        return super()._job_prepare_context_before_enqueue_keys() + (
            "generic_sync_trigger",
            "generic_sync_run_id",
        )

    # -- company -------------------------------------------------------------

    def _in_backend_company(self):
        """This backend in an environment whose current company is its own.

        Jobs run with the companies of the user who queued them: a job for
        shop B queued from company A would create B's records in A. Every
        component works through :meth:`work_on`, which calls this, and so do
        :meth:`_run_sync` and the webhook processing.
        """
        self.ensure_one()
        if not self.company_id:
            return self
        return self.with_company(self.company_id)

    @contextmanager
    def work_on(self, model_name, **kwargs):
        backend = self._in_backend_company()
        with super(GenericBackend, backend).work_on(model_name, **kwargs) as work:
            yield work

    # -- components ----------------------------------------------------------

    def get_adapter(self, name=None, model_name=None):
        """Return the backend adapter, by usage or by component name.

        :param name: component name, e.g. ``"shopify.adapter"``
        :param model_name: model the adapter works on (default: the backend)
        """
        self.ensure_one()
        with self.work_on(model_name or self._name) as work:
            if name:
                return work.component_by_name(name, model_name=model_name)
            return work.component(usage="backend.adapter")

    # -- notifications -------------------------------------------------------

    @api.model
    def _build_notification(
        self, title, message, notif_type="info", sticky=False, reload=False
    ):
        """Return a ``display_notification`` client action.

        :param notif_type: ``info``, ``success``, ``warning`` or ``danger``
        :param reload: reload the current view after showing it, so that a
            form shows at once what the button wrote (a notification alone
            leaves it stale)
        """
        action = {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": message,
                "type": notif_type,
                "sticky": sticky,
            },
        }
        if reload:
            action["params"]["next"] = {
                "type": "ir.actions.client",
                "tag": "soft_reload",
            }
        return action

    # -- connection test -----------------------------------------------------

    def _test_connection_implementation(self):
        """Raise if the API cannot be reached with the current settings.

        Default: ``test_connection()`` of the backend adapter.
        """
        return self.get_adapter().test_connection()

    def action_test_connection(self):
        self.ensure_one()
        try:
            self._test_connection_implementation()
        except (UserError, JobError, NotImplementedError) as err:
            _logger.info("Connection test failed for %s: %s", self.display_name, err)
            return self._connection_failed(err)
        except Exception as err:
            _logger.exception("Connection test crashed for %s", self.display_name)
            return self._connection_failed(err)
        self.write(
            {
                "state": "confirmed",
                "last_error": False,
                "last_test_date": fields.Datetime.now(),
            }
        )
        return self._build_notification(
            _("Connection Test"),
            _("Connection successful: you can synchronize now."),
            "success",
            reload=True,
        )

    def _connection_failed(self, error):
        message = "%s\n%s" % (
            str(error) or type(error).__name__,
            self._connection_hint(error),
        )
        self.write(
            {
                "state": "error",
                "last_error": message,
                "last_test_date": fields.Datetime.now(),
            }
        )
        return self._build_notification(
            _("Connection Test Failed"), message, "danger", sticky=True, reload=True
        )

    def _connection_hint(self, error):
        """What to check after a failed connection test, by class of error."""
        if isinstance(error, NetworkRetryableError):
            return _(
                "Likely cause: the API could not be reached. Check the API URL "
                "(host name, https), that this server can reach it (network, "
                "firewall, proxy) and that the service is up."
            )
        if isinstance(error, BackendAuthenticationError):
            return _(
                "Likely cause: the credentials were refused. Check the API key "
                "or other credentials, that they are still valid, and that they "
                "grant the permissions (scopes) the connector needs."
            )
        if isinstance(error, IDMissingInBackend):
            return _(
                "Likely cause: the address does not exist (HTTP 404). Check the "
                "API URL: its path and API version."
            )
        if isinstance(error, ForeignOriginError):
            return _(
                "Likely cause: the API redirected to another address. Put the "
                "final address in the API URL."
            )
        if isinstance(error, RetryableJobError):
            return _(
                "Likely cause: the API is busy or failing (rate limit or server "
                "error). Try again in a few minutes."
            )
        if isinstance(error, NotImplementedError):
            return _(
                "Likely cause: this connector does not implement the connection "
                "test yet (test_connection of its adapter)."
            )
        return _(
            "Check the API URL, the credentials and their permissions (scopes), "
            "and that this server can reach the API."
        )

    # -- synchronizations ----------------------------------------------------

    def _get_sync_entities(self):
        """Entity keys synchronized by :meth:`action_sync_all`.

        Each entity ``x`` needs a ``sync_x()`` method returning
        ``self._run_sync("x")``, a ``_sync_x_implementation()`` and a job
        function for ``sync_x``.
        """
        return []

    def _sync_entity_labels(self):
        """Map entity keys to the names users see; override to rename some."""
        return {}

    def _sync_entity_label(self, entity):
        """Human name of a synchronization: ``sale_orders`` -> ``Sale Orders``."""
        return (
            self._sync_entity_labels().get(entity) or entity.replace("_", " ").title()
        )

    def _delay_sync(self, entity, trigger="manual"):
        """Queue ``sync_<entity>()`` for each backend, at most once at a time."""
        method = "sync_%s" % entity
        if not callable(getattr(self, method, None)):
            raise UserError(
                _(
                    "%(model)s has no %(method)s method.",
                    model=self._name,
                    method=method,
                )
            )
        for backend in self:
            delayable = backend.with_context(generic_sync_trigger=trigger).with_delay(
                description=_(
                    "%(backend)s: synchronize %(entity)s",
                    backend=backend.name,
                    entity=backend._sync_entity_label(entity),
                ),
                identity_key=identity_exact,
            )
            getattr(delayable, method)()

    def action_sync_all(self):
        self._check_can_sync()
        count = 0
        for backend in self:
            for entity in backend._get_sync_entities():
                backend._delay_sync(entity)
                count += 1
        return self._build_notification(
            _("Synchronization"),
            _("%s synchronization job(s) queued.", count),
            "success" if count else "warning",
        )

    @api.model
    def cron_sync(self, entity):
        """Scheduled action: queue ``sync_<entity>`` on the tested backends.

        Backends in error (a failed connection test) are synchronized too:
        one failed test must not stop the schedule silently. Their failing
        runs show in the sync history and the jobs, and a successful run puts
        them back to confirmed (:meth:`_run_sync`). Draft backends, never
        tested, are skipped.
        """
        self.search([("state", "in", ("confirmed", "error"))])._delay_sync(
            entity, trigger="cron"
        )

    def _sync_lock_name(self, entity):
        return "generic_connector.sync(%s, %s, %s)" % (self._name, self.id, entity)

    def _run_sync(self, entity, trigger=None):
        """Run ``_sync_<entity>_implementation()`` once, recorded as a sync run.

        An advisory lock per (backend, entity) prevents overlapping runs: when
        it is taken, the job is retried later without counting a try. The
        implementation returns a count or a dict of counts (processed,
        created, updated, skipped, failed).

        :param trigger: ``manual``, ``cron`` or ``webhook``; by default the
            ``generic_sync_trigger`` context key set by :meth:`_delay_sync`
        """
        self.ensure_one()
        implementation = "_sync_%s_implementation" % entity
        if not callable(getattr(self, implementation, None)):
            raise UserError(
                _(
                    "%(model)s has no %(method)s method.",
                    model=self._name,
                    method=implementation,
                )
            )
        if not pg_try_advisory_lock(self.env, self._sync_lock_name(entity)):
            _logger.info(
                "Sync of %s already running on %s, retried later", entity, self
            )
            raise RetryableJobError(
                "A synchronization of %s is already running for %s."
                % (entity, self.display_name),
                seconds=60,
                ignore_retry=True,
            )
        run = (
            self.env["generic.sync.run"]
            .sudo()
            .create(
                {
                    "backend_id": self.base_backend_id.id,
                    "entity": entity,
                    "trigger": trigger
                    or self.env.context.get("generic_sync_trigger")
                    or "manual",
                    "job_uuid": self.env.context.get("job_uuid"),
                }
            )
        )
        backend = self._in_backend_company().with_context(generic_sync_run_id=run.id)
        started = time.monotonic()
        try:
            result = getattr(backend, implementation)()
        except Exception as err:
            run._record_failure(err, time.monotonic() - started)
            raise
        run._record_done(result, time.monotonic() - started)
        values = {"last_sync_date": fields.Datetime.now()}
        if self.state == "error":
            # the API answered: the error of the last connection test is over
            values.update(state="confirmed", last_error=False)
        self.sudo().write(values)
        return result

    def _update_sync_run(self, **values):
        """Write values (counts, checkpoint) on the sync run in progress, if any."""
        run_id = self.env.context.get("generic_sync_run_id")
        if run_id:
            self.env["generic.sync.run"].sudo().browse(run_id).write(values)

    # -- checkpoints ---------------------------------------------------------

    def _get_checkpoint(self, key):
        self.ensure_one()
        return self.env["generic.sync.checkpoint"].sudo().get_value(self, key)

    def _set_checkpoint(self, key, value):
        self.ensure_one()
        return self.env["generic.sync.checkpoint"].sudo().set_value(self, key, value)

    def _import_since(self, binding_model, checkpoint_key):
        """Queue the import of the records changed since the checkpoint.

        The adapter's ``search_page`` (or ``search``) receives
        ``{"updated_since": <checkpoint>}`` (an Odoo UTC datetime string,
        ``%Y-%m-%d %H:%M:%S``), or no filter on the first run. This job reads
        the first page; each further page is a job of its own
        (:meth:`import_page`), so that a first synchronization of a big
        catalogue is never killed by ``limit_time_real``. The new checkpoint
        is the start of this run (minus ``_checkpoint_overlap``), written by
        the job of the last page: if a page fails for good, the next run
        starts again from the old checkpoint.

        :return: number of import jobs queued by this job
        """
        self.ensure_one()
        since = self._get_checkpoint(checkpoint_key)
        started = fields.Datetime.now() - timedelta(seconds=self._checkpoint_overlap)
        filters = {"updated_since": since} if since else {}
        self._update_sync_run(checkpoint_key=checkpoint_key, checkpoint_before=since)
        checkpoint = fields.Datetime.to_string(started)
        with self.work_on(binding_model) as work:
            paginated = work.component(usage="backend.adapter")._paginated_search
        if paginated:
            return self._import_page(binding_model, filters, checkpoint_key, checkpoint)
        # an adapter without search_page: every page in this job
        count = self.env[binding_model].import_batch(self, filters=filters)
        self._set_checkpoint(checkpoint_key, checkpoint)
        self._update_sync_run(checkpoint_after=checkpoint, processed_count=count)
        return count

    def import_page(self, binding_model, filters, checkpoint_key, checkpoint, page):
        """Job: import one further page of a synchronization (see
        :meth:`_import_since`); its records count in the sync run."""
        self.ensure_one()
        backend = self._in_backend_company()
        count = backend._import_page(
            binding_model, filters, checkpoint_key, checkpoint, page=page
        )
        run_id = self.env.context.get("generic_sync_run_id")
        run = self.env["generic.sync.run"].sudo().browse(run_id).exists()
        if run:
            run.processed_count += count
        return _("%s records queued.", count)

    def _import_page(
        self, binding_model, filters, checkpoint_key, checkpoint, page=None
    ):
        """Queue the imports of one page, then the job of the next page, or
        move the checkpoint after the last one. Return the imports queued."""
        with self.work_on(binding_model) as work:
            importer = work.component(usage="batch.importer")
            count, next_page = importer.run_page(filters=filters, page=page)
        if next_page:
            self.with_delay(
                description=_(
                    "%(backend)s: import %(model)s, next page",
                    backend=self.name,
                    model=self.env[binding_model]._description,
                ),
                identity_key=identity_exact,
            ).import_page(binding_model, filters, checkpoint_key, checkpoint, next_page)
        else:
            self._set_checkpoint(checkpoint_key, checkpoint)
            self._update_sync_run(checkpoint_after=checkpoint)
        return count

    # -- exports -------------------------------------------------------------

    def _export_bindings(self, binding_model, records, extra_vals=None):
        """Queue the export of Odoo records, creating their bindings if needed.

        Used by the ``export_<model>`` methods the export wizard calls. An
        explicit export is also a replay: bindings whose last exports failed
        get their retries back.

        :param records: recordset of the bound Odoo model
        :param extra_vals: dict, or callable(record) -> dict, of values for
            new bindings
        :return: a notification with the counts
        """
        self.ensure_one()
        Binding = self.env[binding_model].with_context(active_test=False)
        existing = {
            binding.odoo_id.id: binding
            for binding in Binding.search(
                [("backend_id", "=", self.id), ("odoo_id", "in", records.ids)]
            )
        }
        created = queued = skipped = 0
        for record in records:
            binding = existing.get(record.id)
            if not binding:
                vals = {"backend_id": self.id, "odoo_id": record.id}
                if extra_vals:
                    vals.update(
                        extra_vals(record) if callable(extra_vals) else extra_vals
                    )
                binding = Binding.with_context(connector_no_export=True).create(vals)
                created += 1
            if binding.no_export:
                skipped += 1
                continue
            if binding.retry_count or binding.sync_error:
                binding.with_context(connector_no_export=True).write(
                    {"retry_count": 0, "sync_error": False}
                )
            binding.with_env(self.env)._delay_export()
            queued += 1
        if queued:
            self.last_export_date = fields.Datetime.now()
        message = _(
            "%(queued)s export(s) queued, %(created)s new binding(s), "
            "%(skipped)s skipped (do not export).",
            queued=queued,
            created=created,
            skipped=skipped,
        )
        return self._build_notification(
            _("Export"), message, "success" if queued else "warning"
        )

    # -- webhooks ------------------------------------------------------------

    @api.model
    def _hmac_digest_matches(
        self, secret, raw_body, received, encoding="base64", digestmod=hashlib.sha256
    ):
        """Tell whether ``received`` is the HMAC of ``raw_body`` keyed by ``secret``.

        :param encoding: ``"base64"`` or ``"hex"``, how the sender encodes it
        :param digestmod: hash constructor, SHA-256 by default
        """
        if not (secret and received and raw_body is not None):
            return False
        if isinstance(secret, str):
            secret = secret.encode()
        if isinstance(raw_body, str):
            raw_body = raw_body.encode()
        if isinstance(received, bytes):
            received = received.decode(errors="replace")
        digest = hmac.new(secret, raw_body, digestmod).digest()
        if encoding == "hex":
            expected = digest.hex()
            received = received.strip().lower()
        elif encoding == "base64":
            expected = base64.b64encode(digest).decode()
            received = received.strip()
        else:
            raise ValueError("Unknown digest encoding %r" % encoding)
        return hmac.compare_digest(expected.encode(), received.encode())

    def _store_webhook(
        self, event_type, event_id, raw_body, signature, signed_timestamp=None
    ):
        """Store a verified webhook delivery and queue its processing.

        Call it once the signature is verified. External systems deliver at
        least once, and anyone who saw a delivery can send it again: a
        delivery is dropped as a duplicate when its ``event_id`` was received
        (Shopify's ``X-Shopify-Webhook-Id``), or when its signed content was
        received in the last ``_webhook_replay_window`` seconds. The delivery
        id travels in a header the signature does not cover, so a replay
        with a new id is recognised by the digest of what is signed: the raw
        body, and ``signed_timestamp`` when the scheme signs one.

        :param signed_timestamp: Unix time covered by the signature (schemes
            that sign one); a delivery more than
            ``_webhook_timestamp_tolerance`` seconds away from now is refused
        :return: ``(http_status, body_dict)`` for the controller to answer
        """
        self.ensure_one()
        # the controller runs without a user (auth="none"): work as superuser
        Webhook = self.env["generic.webhook"].with_user(SUPERUSER_ID).sudo()
        if isinstance(raw_body, str):
            raw_body = raw_body.encode()
        raw_body = raw_body or b""
        if signed_timestamp is not None and not self._webhook_timestamp_is_fresh(
            signed_timestamp
        ):
            return 400, {"error": "timestamp outside the tolerance window"}
        digest = self._webhook_digest(raw_body, signed_timestamp)
        event_id = str(event_id) if event_id not in (None, False, "") else False
        if self._webhook_is_duplicate(event_id, digest):
            return 200, {"status": "duplicate"}
        webhook = Webhook.create(
            {
                "backend_id": self.base_backend_id.id,
                "event_type": event_type or "unknown",
                "external_event_id": event_id,
                "body_digest": digest,
                "payload": raw_body.decode("utf-8", errors="replace"),
                "signature": signature,
            }
        )
        webhook.with_delay(
            channel=self._webhook_job_channel(),
            description=_("Process webhook %s", webhook.event_type),
        ).process_webhook()
        return 200, {"status": "accepted", "webhook_id": webhook.id}

    @api.model
    def _webhook_digest(self, raw_body, signed_timestamp=None):
        """SHA-256 (hex) of the signed content of a delivery."""
        digest = hashlib.sha256()
        if signed_timestamp is not None:
            digest.update(("%s." % signed_timestamp).encode())
        digest.update(raw_body)
        return digest.hexdigest()

    def _webhook_timestamp_is_fresh(self, signed_timestamp):
        """Tell whether a signed Unix time is within the tolerance of now."""
        try:
            sent_at = float(signed_timestamp)
        except (TypeError, ValueError):
            return False
        return abs(time.time() - sent_at) <= self._webhook_timestamp_tolerance

    def _webhook_is_duplicate(self, event_id, digest):
        """Tell whether a delivery with this id, or this signed content
        recently, was already received by this backend."""
        Webhook = self.env["generic.webhook"].sudo()
        backend_domain = [("backend_id", "=", self.base_backend_id.id)]
        if event_id and Webhook.search_count(
            backend_domain + [("external_event_id", "=", event_id)]
        ):
            return True
        window = max(self._webhook_replay_window, self._webhook_timestamp_tolerance)
        since = fields.Datetime.now() - timedelta(seconds=window)
        return bool(
            Webhook.search_count(
                backend_domain
                + [("body_digest", "=", digest), ("create_date", ">=", since)]
            )
        )

    def _webhook_job_channel(self):
        """Complete name of the queue.job channel processing the webhooks.

        ``None`` (default): the channel of the job function of
        ``generic.webhook.process_webhook``, ``root.generic_connector``. A
        connector returns its own channel (e.g. ``"root.shopify"``) so that
        the imports its webhooks trigger share its throttling.
        """
        return None

    def _webhook_handlers(self):
        """Map event types to ``(binding_model, payload_key)``, or to
        ``(binding_model, payload_key, "delete")`` for deletion events.

        The default :meth:`process_webhook` imports the record whose external
        id is ``payload[payload_key]``, or handles its deletion
        (``generic.binding.delete_record``: archive or unbind, per the
        backend). Override to declare the events.
        """
        return {}

    def _webhook_external_id(self, webhook, handler):
        """The external id a delivery is about: ``payload[payload_key]`` of its
        handler. A platform whose deletion bodies carry another form of the
        id than its bindings (a REST id for a GraphQL id) converts it here."""
        return webhook.get_payload().get(handler[1])

    def process_webhook(self, webhook):
        """Process one stored delivery; called by ``generic.webhook``.

        Errors that a retry will not fix mark the delivery failed (it can be
        requeued from its form); retryable errors propagate so the job retries.
        """
        self.ensure_one()
        handler = self._webhook_handlers().get(webhook.event_type)
        if not handler:
            return webhook.mark_as_ignored(
                _("No handler for event %s.", webhook.event_type)
            )
        binding_model = handler[0]
        delete = handler[2:] == ("delete",)
        external_id = self._webhook_external_id(webhook, handler)
        if external_id in (None, False, ""):
            return webhook.mark_as_failed(_("The payload has no %s key.", handler[1]))
        try:
            with self.env.cr.savepoint():
                if delete:
                    self.env[binding_model].delete_record(self, str(external_id))
                else:
                    self.env[binding_model].import_record(self, str(external_id))
        except WEBHOOK_BUSINESS_ERRORS as err:
            return webhook.mark_as_failed(str(err) or type(err).__name__)
        return webhook.mark_as_processed()

    # -- views ---------------------------------------------------------------

    def action_view_sync_runs(self):
        return self.base_backend_id.action_view_sync_runs()

    def action_view_webhooks(self):
        return self.base_backend_id.action_view_webhooks()
