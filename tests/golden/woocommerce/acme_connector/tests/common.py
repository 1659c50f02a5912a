import base64
import hashlib
import hmac
import json
from contextlib import contextmanager
from unittest import mock
from urllib.parse import urlsplit

import requests

from odoo.addons.component.tests.common import TransactionComponentCase

STORE_URL = "https://shop.example.com"
API_URL = STORE_URL + "/wp-json/wc/v3"
WEBHOOK_SECRET = "test-webhook-secret"


def make_response(status=200, payload=None, headers=None, url=API_URL):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({} if payload is None else payload).encode()
    response.encoding = "utf-8"
    response.headers.update(headers or {})
    response.url = url
    return response


def wc_page(items, total_pages=1, total=None):
    """A page of a WooCommerce collection: a bare list and its headers."""
    headers = {
        "X-WP-Total": str(len(items) if total is None else total),
        "X-WP-TotalPages": str(total_pages),
    }
    return make_response(200, items, headers=headers)


def wc_error(status, code, message):
    """A WooCommerce error answer."""
    payload = {"code": code, "message": message, "data": {"status": status}}
    return make_response(status, payload)


def sign(body, secret=WEBHOOK_SECRET):
    """``X-WC-Webhook-Signature`` of a raw body, as WooCommerce computes it."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


class FakeApi:
    """Stand-in for ``requests.Session.request``: canned answers per route.

    Routes map ``(method, path suffix)`` to a payload, a ``requests.Response``
    (a page of a collection: :func:`wc_page`), a list of answers given in
    turn, or a callable receiving the query parameters; unknown routes answer
    a WooCommerce 404. Every call is recorded as ``(method, url, kwargs)``.
    """

    def __init__(self, routes):
        self.routes = routes
        self.calls = []

    def __call__(self, method, url, **kwargs):
        method = method.upper()
        self.calls.append((method, url, kwargs))
        path = urlsplit(url).path
        for (route_method, suffix), answer in self.routes.items():
            if route_method == method and path.endswith(suffix):
                if isinstance(answer, list):
                    answer = answer.pop(0)
                if callable(answer):
                    answer = answer(kwargs.get("params") or {})
                if isinstance(answer, requests.Response):
                    return answer
                return make_response(200, answer, url=url)
        return wc_error(404, "rest_no_route", "No route was found.")

    def paths(self, method="GET"):
        return [urlsplit(url).path for verb, url, __ in self.calls if verb == method]


class AcmeTestCase(TransactionComponentCase):
    """A confirmed WooCommerce backend and a mocked HTTP layer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.backend = cls.env["acme.backend"].create(
            {
                "name": "Acme test",
                "store_url": STORE_URL,
                "state": "confirmed",
                "api_username": "ck_test",
                "api_password": "cs_test",
                "webhook_secret": WEBHOOK_SECRET,
                "warehouse_id": cls.env.ref("stock.warehouse0").id,
            }
        )

    @contextmanager
    def mock_api(self, routes):
        """Patch the HTTP layer with :class:`FakeApi`; yield it."""
        fake = FakeApi(routes)
        with mock.patch("requests.Session.request", side_effect=fake):
            yield fake

    def _binding(self, model, external_id):
        return self.env[model].search(
            [
                ("backend_id", "=", self.backend.id),
                ("external_id", "=", str(external_id)),
            ]
        )
