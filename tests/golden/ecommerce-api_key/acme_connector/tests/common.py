import json
from contextlib import contextmanager
from unittest import mock
from urllib.parse import urlsplit

import requests

from odoo.addons.component.tests.common import TransactionComponentCase

API_URL = "https://api.example.com/v1"


def make_response(status=200, payload=None, headers=None, url=API_URL):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({} if payload is None else payload).encode()
    response.encoding = "utf-8"
    response.headers.update(headers or {})
    response.url = url
    return response


class FakeApi:
    """Stand-in for ``requests.Session.request``: canned answers per route.

    Routes map ``(method, path suffix)`` to a payload or a ``requests.Response``;
    unknown routes answer 404. Every call is recorded as ``(method, url, kwargs)``.
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
                if isinstance(answer, requests.Response):
                    return answer
                return make_response(200, answer, url=url)
        return make_response(404, {"error": "not found"}, url=url)


class AcmeTestCase(TransactionComponentCase):
    """A confirmed Acme backend and a mocked HTTP layer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.backend = cls.env["acme.backend"].create(
            {
                "name": "Acme test",
                "api_url": API_URL,
                "state": "confirmed",
                "api_key": "test-api-key",
                "api_key_header": "X-API-Key",
                "webhook_secret": "test-webhook-secret",
                "warehouse_id": cls.env.ref("stock.warehouse0").id,
                "location_external_id": "LOC-1",
            }
        )

    @contextmanager
    def mock_api(self, routes):
        """Patch the HTTP layer with :class:`FakeApi`; yield it."""
        fake = FakeApi(routes)
        with mock.patch("requests.Session.request", side_effect=fake):
            yield fake
