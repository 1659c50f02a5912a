import base64
import hashlib
import hmac
import json
import re
from contextlib import contextmanager
from unittest import mock

import requests

from odoo.addons.component.tests.common import TransactionComponentCase

SHOP_DOMAIN = "test-shop.myshopify.com"
API_VERSION = "2026-10"
API_URL = "https://%s/admin/api/%s/graphql.json" % (SHOP_DOMAIN, API_VERSION)
WEBHOOK_SECRET = "test-client-secret"
LOCATION_ID = "gid://shopify/Location/7001"
OPERATION_RE = re.compile(r"^\s*(?:query|mutation)\s+(\w+)")


def make_response(status=200, payload=None, headers=None, url=API_URL):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({} if payload is None else payload).encode()
    response.encoding = "utf-8"
    response.headers.update(headers or {})
    response.url = url
    return response


def cost(requested=10, available=990, maximum=1000, rate=50):
    """``extensions.cost`` of an answer, as the Admin API sends it."""
    return {
        "requestedQueryCost": requested,
        "actualQueryCost": requested,
        "throttleStatus": {
            "maximumAvailable": maximum,
            "currentlyAvailable": available,
            "restoreRate": rate,
        },
    }


def answer(data, **cost_values):
    """A successful GraphQL answer."""
    return {"data": data, "extensions": {"cost": cost(**cost_values)}}


def throttled(requested=252, available=52, rate=50):
    """The answer of a throttled query: no data, a THROTTLED error."""
    return {
        "errors": [
            {
                "message": "Throttled",
                "extensions": {
                    "code": "THROTTLED",
                    "documentation": "https://shopify.dev/api/usage/rate-limits",
                },
            }
        ],
        "extensions": {
            "cost": cost(requested=requested, available=available, rate=rate)
        },
    }


def connection(nodes, end_cursor=None, has_next=False):
    """A page of a connection: ``nodes`` and ``pageInfo``."""
    return {
        "nodes": nodes,
        "pageInfo": {"hasNextPage": has_next, "endCursor": end_cursor},
    }


def money(amount, currency="EUR"):
    """A ``MoneyBag`` in the shop's currency."""
    return {"shopMoney": {"amount": amount, "currencyCode": currency}}


def sign(body, secret=WEBHOOK_SECRET):
    """``X-Shopify-Hmac-Sha256`` of a raw body: base64 of its HMAC-SHA256."""
    digest = hmac.new(secret.encode(), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def operation_name(url, kwargs):
    """Name of a GraphQL operation, or ``access_token`` (token endpoint)."""
    if url.endswith("/admin/oauth/access_token"):
        return "access_token"
    match = OPERATION_RE.match((kwargs.get("json") or {}).get("query") or "")
    return match.group(1) if match else None


class FakeShopify:
    """Stand-in for ``requests.Session.request`` speaking GraphQL.

    ``answers`` map an operation name (``ListCustomers``, ``GetOrder``...)
    to a payload, a ``requests.Response``, or a list of them answering the
    calls in turn (the last one repeats); ``access_token`` answers the token
    endpoint. Unknown operations get a GraphQL error. Every call is recorded
    as ``(method, url, kwargs)``.
    """

    def __init__(self, answers):
        self.answers = {
            name: list(value) if isinstance(value, list) else [value]
            for name, value in answers.items()
        }
        self.calls = []

    def __call__(self, method, url, **kwargs):
        self.calls.append((method.upper(), url, kwargs))
        name = operation_name(url, kwargs)
        queue = self.answers.get(name)
        if not queue:
            error = {"message": "No answer for operation %s" % name}
            return make_response(200, {"errors": [error]}, url=url)
        reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(reply, requests.Response):
            return reply
        return make_response(200, reply, url=url)

    def operations(self):
        """Names of the operations sent, in order."""
        return [operation_name(url, kwargs) for __, url, kwargs in self.calls]

    def variables(self, name):
        """Variables of each call of the operation ``name``."""
        return [
            kwargs["json"]["variables"]
            for __, url, kwargs in self.calls
            if operation_name(url, kwargs) == name
        ]


class AcmeTestCase(TransactionComponentCase):
    """A confirmed Shopify backend and a mocked Admin API."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.backend = cls.env["acme.backend"].create(
            {
                "name": "Shopify test",
                "shop_domain": SHOP_DOMAIN,
                "api_version": API_VERSION,
                "state": "confirmed",
                "api_key": "shpat_test_token",
                "webhook_secret": WEBHOOK_SECRET,
                "warehouse_id": cls.env.ref("stock.warehouse0").id,
                "location_external_id": LOCATION_ID,
            }
        )

    @contextmanager
    def mock_api(self, answers):
        """Patch the HTTP layer with :class:`FakeShopify`; yield it."""
        fake = FakeShopify(answers)
        with mock.patch("requests.Session.request", side_effect=fake):
            yield fake
