import hashlib
import re

from odoo import http
from odoo.http import request

# headers of a WooCommerce delivery (WC_Webhook::deliver)
SIGNATURE_HEADER = "X-WC-Webhook-Signature"
EVENT_HEADER = "X-WC-Webhook-Topic"
EVENT_ID_HEADER = "X-WC-Webhook-Delivery-ID"
SOURCE_HEADER = "X-WC-Webhook-Source"
# body of the ping WooCommerce sends when a webhook is saved
# (WC_Webhook::deliver_ping): no signature, no topic
PING_BODY = re.compile(rb"webhook_id=\d+")


class AcmeWebhookController(http.Controller):
    @http.route(
        "/acme/webhook",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def acme_webhook(self, **params):
        """Receive a WooCommerce webhook: check its signature, store it, queue it.

        The signature (``X-WC-Webhook-Signature``) is the base64 HMAC-SHA256 of
        the raw body with the webhook secret; the backend is the one of the
        store named by ``X-WC-Webhook-Source`` whose secret verifies it.

        Saving a webhook in WooCommerce sends an unsigned ping, the form body
        ``webhook_id=<id>``: WooCommerce refuses to save the webhook unless it
        is answered 200. It is answered so, and nothing is stored or queued.

        ``params``: Odoo passes the query string and a form body as keyword
        arguments (the ping's ``webhook_id``); a delivery has neither.
        """
        headers = request.httprequest.headers
        raw_body = request.httprequest.get_data()
        signature = headers.get(SIGNATURE_HEADER, "")
        if self._is_ping(headers, raw_body, params):
            return request.make_json_response({"status": "pong"})
        Backend = request.env(su=True)["acme.backend"]
        backend = Backend._find_store_webhook_backend(
            raw_body, signature, headers.get(SOURCE_HEADER)
        )
        if not backend:
            return request.make_json_response(
                {"error": "invalid signature"}, status=401
            )
        status, body = backend._store_webhook(
            headers.get(EVENT_HEADER),
            self._event_id(headers, raw_body),
            raw_body,
            signature,
        )
        return request.make_json_response(body, status=status)

    @staticmethod
    def _is_ping(headers, raw_body, params):
        """Tell whether the request is the ping of a webhook being saved."""
        if headers.get(SIGNATURE_HEADER) or headers.get(EVENT_HEADER):
            return False
        # a form body is parsed into ``params``, and is no longer raw data then
        webhook_id = str(params.get("webhook_id") or "")
        return webhook_id.isdigit() or bool(PING_BODY.fullmatch(raw_body.strip()))

    @staticmethod
    def _event_id(headers, raw_body):
        """Key dropping a delivery received twice.

        WooCommerce derives the delivery id from the webhook id and the
        current second only: two deliveries of one webhook within a second
        share it. The digest of the body tells them apart.
        """
        delivery_id = headers.get(EVENT_ID_HEADER)
        if not delivery_id:
            return None
        digest = hashlib.sha256(raw_body).hexdigest()[:16]
        return "%s-%s" % (delivery_id, digest)
