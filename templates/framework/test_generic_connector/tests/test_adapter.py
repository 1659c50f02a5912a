# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from email.utils import formatdate
from unittest import mock

import requests

from odoo.exceptions import UserError

from odoo.addons.connector.exception import IDMissingInBackend, NetworkRetryableError
from odoo.addons.generic_connector.components import adapter as adapter_module
from odoo.addons.generic_connector.exception import BackendAuthenticationError
from odoo.addons.queue_job.exception import RetryableJobError

from .common import API_URL, GenericConnectorCase, make_response


class TestAdapter(GenericConnectorCase):
    def setUp(self):
        super().setUp()
        self.adapter = self.backend.get_adapter()

    def test_get_adapter(self):
        self.assertEqual(self.adapter._name, "test.generic.adapter")
        by_name = self.backend.get_adapter("test.generic.adapter")
        self.assertEqual(by_name._name, "test.generic.adapter")
        self.assertEqual(self.adapter._get_base_url(), API_URL)
        self.assertEqual(self.adapter.build_url("/partners"), API_URL + "/partners")
        self.assertEqual(
            self.adapter.build_url("https://other.test/x"), "https://other.test/x"
        )

    def test_missing_api_url(self):
        adapter = self._create_backend("No URL", api_url=False).get_adapter()
        with self.assertRaisesRegex(UserError, "No API URL"):
            adapter.get("ping")

    def test_verbs_send_json(self):
        routes = {
            ("PATCH", "/partners/5"): {"id": 5},
            ("DELETE", "/partners/5"): make_response(204),
        }
        with self.mock_api(routes) as api:
            self.assertEqual(self.adapter.patch("partners/5", {"name": "X"}), {"id": 5})
            self.assertEqual(self.adapter.delete("partners/5"), {})
        self.assertEqual(api.calls[0][2]["json"], {"name": "X"})
        self.assertIsNone(api.calls[1][2]["json"])

    def test_retryable_statuses(self):
        for status in (408, 429, 500, 502, 503, 504):
            with self.subTest(status=status):
                routes = {("GET", "/partners/1"): make_response(status, {})}
                with self.mock_api(routes), self.assertRaises(RetryableJobError):
                    self.adapter.read("1")

    def test_retry_after_seconds(self):
        response = make_response(429, {}, headers={"Retry-After": "7"})
        with self.mock_api({("GET", "/partners/1"): response}):
            with self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        self.assertEqual(ctx.exception.seconds, 7)

    def test_retry_after_http_date(self):
        later = formatdate(time.time() + 120, usegmt=True)
        response = make_response(503, {}, headers={"Retry-After": later})
        with self.mock_api({("GET", "/partners/1"): response}):
            with self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        self.assertTrue(100 <= ctx.exception.seconds <= 121)

    def test_server_error_without_retry_after(self):
        with self.mock_api({("GET", "/partners/1"): make_response(500, {})}):
            with self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        self.assertIsNone(ctx.exception.seconds)

    def test_network_errors_are_retryable(self):
        for error in (requests.ConnectionError("refused"), requests.Timeout("slow")):
            with self.subTest(error=error):
                with self.mock_api({("GET", "/partners/1"): error}):
                    with self.assertRaises(NetworkRetryableError):
                        self.adapter.read("1")

    def test_not_found(self):
        with self.mock_api({}):
            with self.assertRaises(IDMissingInBackend):
                self.adapter.read("404")

    def test_refused_credentials_are_readable(self):
        for status in (401, 403):
            with self.subTest(status=status):
                routes = {("GET", "/partners/1"): make_response(status, {})}
                with self.mock_api(routes):
                    with self.assertRaises(UserError) as ctx:
                        self.adapter.read("1")
                self.assertIsInstance(ctx.exception, BackendAuthenticationError)
                self.assertEqual(ctx.exception.status_code, status)
                self.assertEqual(ctx.exception.response.status_code, status)
                message = str(ctx.exception)
                self.assertIn("Test API", message)
                self.assertIn("API key", message)
                self.assertNotIn("secret-token", message)

    def test_client_error_includes_truncated_body(self):
        response = make_response(422, {"error": "x" * 2000})
        with self.mock_api({("POST", "/partners"): response}):
            with self.assertRaises(UserError) as ctx:
                self.adapter.create({"name": "X"})
        message = str(ctx.exception)
        self.assertIn("HTTP 422", message)
        self.assertIn("xxxxxxxxxx", message)
        self.assertLess(len(message), 1000)

    def test_get_all_follows_link_header(self):
        next_url = API_URL + "/partners?page_info=abc"
        first = make_response(
            200,
            {"items": [{"id": 1}, {"id": 2}]},
            headers={"Link": '<%s>; rel="next"' % next_url},
        )
        routes = {("GET", "/partners"): [first, {"items": [{"id": 3}]}]}
        with self.mock_api(routes) as api:
            items = list(self.adapter.get_all("partners", {"limit": 2}, "items"))
        self.assertEqual([item["id"] for item in items], [1, 2, 3])
        self.assertEqual(api.calls[0][2]["params"], {"limit": 2})
        self.assertEqual(api.calls[1][1], next_url)
        self.assertEqual(api.calls[1][2]["params"], {})

    def test_get_all_cursor_pagination(self):
        def next_page(response, payload, params):
            return self.adapter._next_page_cursor(
                payload, params, cursor_key="meta.next"
            )

        self.adapter._next_page = next_page
        pages = [
            {"items": [{"id": 1}], "meta": {"next": "c2"}},
            {"items": [{"id": 2}], "meta": {"next": None}},
        ]
        with self.mock_api({("GET", "/partners"): pages}) as api:
            items = list(self.adapter.get_all("partners", {"limit": 1}, "items"))
        self.assertEqual([item["id"] for item in items], [1, 2])
        self.assertEqual(api.calls[1][2]["params"], {"limit": 1, "cursor": "c2"})
        self.assertEqual(len(api.calls), 2)

    def test_get_all_offset_pagination(self):
        def next_page(response, payload, params):
            return self.adapter._next_page_offset(payload, params)

        self.adapter._next_page = next_page
        pages = [{"items": [{"id": 1}, {"id": 2}]}, {"items": [{"id": 3}]}]
        with self.mock_api({("GET", "/partners"): pages}) as api:
            items = list(self.adapter.get_all("partners", {"limit": 2}, "items"))
        self.assertEqual([item["id"] for item in items], [1, 2, 3])
        self.assertEqual(api.calls[1][2]["params"], {"limit": 2, "offset": 2})
        # the short second page is the last one
        self.assertEqual(len(api.calls), 2)

    def test_throttle(self):
        self.adapter._min_interval = 0.5
        with self.mock_api({("GET", "/ping"): {}}), mock.patch.object(
            adapter_module.time, "sleep"
        ) as sleep:
            self.adapter.get("ping")
            self.adapter.get("ping")
        self.assertTrue(sleep.called)
        for call in sleep.call_args_list:
            self.assertTrue(0 < call.args[0] <= 0.5)

    def test_secrets_are_never_logged(self):
        with self.mock_api({("GET", "/ping"): {}}), self.assertLogs(
            adapter_module.__name__, level="DEBUG"
        ) as logs:
            self.adapter.get("ping", params={"token": "query-secret"})
        output = "\n".join(logs.output)
        self.assertIn("GET %s/ping" % API_URL, output)
        self.assertNotIn("secret-token", output)
        self.assertNotIn("query-secret", output)
