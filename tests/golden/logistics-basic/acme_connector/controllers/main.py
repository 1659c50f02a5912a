from odoo import http
from odoo.http import request

# headers of a delivery: change them (and the backend's
# _webhook_signature_encoding) for a provider with another scheme
SIGNATURE_HEADER = "X-Webhook-Signature"
EVENT_HEADER = "X-Webhook-Event"
EVENT_ID_HEADER = "X-Webhook-Id"


class AcmeWebhookController(http.Controller):
    @http.route(
        "/acme/webhook",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def acme_webhook(self):
        """Receive a webhook: check its signature, store it, queue its processing.

        The signature (header ``SIGNATURE_HEADER``) is the HMAC-SHA256 of the
        raw body with the webhook secret of a backend, which identifies the
        backend; its encoding (hex by default) is the backend's
        ``_webhook_signature_encoding``. The event id header is not signed:
        ``_store_webhook`` drops a delivery whose id, or whose signed body
        (a replay under a new id), it already received.
        """
        headers = request.httprequest.headers
        raw_body = request.httprequest.get_data()
        signature = headers.get(SIGNATURE_HEADER, "")
        Backend = request.env(su=True)["acme.backend"]
        backend = Backend._find_webhook_backend(raw_body, signature)
        if not backend:
            return request.make_json_response(
                {"error": "invalid signature"}, status=401
            )
        status, body = backend._store_webhook(
            headers.get(EVENT_HEADER), headers.get(EVENT_ID_HEADER), raw_body, signature
        )
        return request.make_json_response(body, status=status)
