from odoo import http
from odoo.http import request

# headers of a Shopify webhook delivery
SIGNATURE_HEADER = "X-Shopify-Hmac-Sha256"
EVENT_HEADER = "X-Shopify-Topic"
EVENT_ID_HEADER = "X-Shopify-Webhook-Id"
SHOP_DOMAIN_HEADER = "X-Shopify-Shop-Domain"


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
        """Receive a webhook: find its shop, check its signature, store it.

        The shop domain (``X-Shopify-Shop-Domain``) picks the backend; the
        signature (``X-Shopify-Hmac-Sha256``, base64 HMAC-SHA256 of the raw
        body with the app's client secret) must verify with that backend's
        secret. Deliveries are de-duplicated on ``X-Shopify-Webhook-Id`` and
        processed by a job: Shopify wants an answer within seconds.
        """
        headers = request.httprequest.headers
        raw_body = request.httprequest.get_data()
        signature = headers.get(SIGNATURE_HEADER, "")
        Backend = request.env(su=True)["acme.backend"]
        backend = Backend._find_webhook_backend(
            headers.get(SHOP_DOMAIN_HEADER), raw_body, signature
        )
        if not backend:
            return request.make_json_response(
                {"error": "unknown shop or invalid signature"}, status=401
            )
        status, body = backend._store_webhook(
            headers.get(EVENT_HEADER), headers.get(EVENT_ID_HEADER), raw_body, signature
        )
        return request.make_json_response(body, status=status)
