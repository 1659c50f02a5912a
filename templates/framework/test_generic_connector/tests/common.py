# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from contextlib import contextmanager
from unittest import mock

import requests

from odoo.addons.component.tests.common import TransactionComponentCase

API_URL = "https://api.example.test/v1"


def make_response(status=200, payload=None, headers=None, url=API_URL):
    """A ``requests.Response`` with a JSON body (empty when ``payload`` is None)."""
    response = requests.Response()
    response.status_code = status
    response._content = b"" if payload is None else json.dumps(payload).encode()
    response.encoding = "utf-8"
    response.headers.update(headers or {})
    response.url = url
    return response


class FakeApi:
    """Replacement of ``requests.Session.request`` for the dummy API.

    ``routes`` maps ``(method, path suffix)`` to a payload, a response, an
    exception to raise, or a list of those served in turn. Calls are recorded
    in ``calls`` as ``(method, url, kwargs)``; unknown routes answer 404.
    """

    def __init__(self, routes):
        self.routes = {
            key: list(value) if isinstance(value, list) else value
            for key, value in routes.items()
        }
        self.calls = []

    def __call__(self, method, url, **kwargs):
        self.calls.append((method, url, kwargs))
        path = url.split("?", 1)[0]
        for (route_method, suffix), result in self.routes.items():
            if route_method != method or not path.endswith(suffix):
                continue
            if isinstance(result, list):
                result = result.pop(0)
            if isinstance(result, Exception):
                raise result
            if isinstance(result, requests.Response):
                result.url = url
                return result
            return make_response(200, result, url=url)
        return make_response(404, {"error": "not found"}, url=url)


class GenericConnectorCase(TransactionComponentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.backend = cls._create_backend("Test API")
        cls.base_backend = cls.backend.base_backend_id
        cls.Binding = cls.env["test.generic.res.partner"]

    @classmethod
    def _create_backend(cls, name, **values):
        vals = {
            "name": name,
            # blanks and trailing slash on purpose: the adapter strips them
            "api_url": " %s/ " % API_URL,
            "api_key": "secret-token",
            "webhook_secret": "hook-secret",
            "state": "confirmed",
        }
        vals.update(values)
        return cls.env["test.generic.backend"].create(vals)

    @contextmanager
    def mock_api(self, routes):
        fake = FakeApi(routes)
        with mock.patch("requests.Session.request", side_effect=fake):
            yield fake

    def _create_binding(self, external_id=None, **partner_values):
        """A partner bound to the test backend, without triggering exports."""
        partner = self.env["res.partner"].create(
            dict({"name": "Bob", "email": "bob@example.test"}, **partner_values)
        )
        binding = self.Binding.with_context(connector_no_export=True).create(
            {
                "backend_id": self.backend.id,
                "odoo_id": partner.id,
                "external_id": external_id,
            }
        )
        return binding.with_env(self.env)

    def _sync_runs(self, backend=None):
        backend = backend or self.backend
        return self.env["generic.sync.run"].search(
            [("backend_id", "=", backend.base_backend_id.id)]
        )
