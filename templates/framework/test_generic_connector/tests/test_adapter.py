# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time
from email.utils import formatdate
from unittest import mock

import requests

from odoo.exceptions import UserError, ValidationError

from odoo.addons.connector.exception import IDMissingInBackend, NetworkRetryableError
from odoo.addons.generic_connector.components import adapter as adapter_module
from odoo.addons.generic_connector.exception import (
    BackendAuthenticationError,
    ForeignOriginError,
)
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
        # absolute URLs are accepted on the origin of the API URL only
        same_origin = "HTTPS://api.example.test:443/v1/partners?page=2"
        self.assertEqual(self.adapter.build_url(same_origin), same_origin)
        for url in (
            "https://other.test/x",
            "http://api.example.test/v1/x",
            "https://api.example.test:8443/v1/x",
            "https://api.example.test.other.test/v1/x",
            "https://user:pw@api.example.test/v1/x",
            "ftp://api.example.test/v1/x",
            "HTTP://api.example.test/v1/x",
        ):
            with self.subTest(url=url), self.assertRaises(ForeignOriginError):
                self.adapter.build_url(url)

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
                with self.mock_api(routes), self._no_sleep():
                    with self.assertRaises(RetryableJobError) as ctx:
                        self.adapter.read("1")
                # a rate limit does not spend a try of the job, an error does
                self.assertEqual(ctx.exception.ignore_retry, status == 429)

    def _no_sleep(self):
        return mock.patch.object(adapter_module.time, "sleep")

    def _rate_limited(self, retry_after=None):
        headers = {"Retry-After": retry_after} if retry_after else {}
        return make_response(429, {}, headers=headers)

    def test_retry_after_seconds(self):
        response = self._rate_limited("7")
        with self.mock_api({("GET", "/partners/1"): response}), self._no_sleep():
            with self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        self.assertEqual(ctx.exception.seconds, 7)
        self.assertTrue(ctx.exception.ignore_retry)

    def test_retry_after_decimal_seconds(self):
        # Shopify sends "Retry-After: 2.0": a short wait is slept in the worker
        routes = {("GET", "/partners/1"): [self._rate_limited("2.0"), {"id": 1}]}
        with self.mock_api(routes) as api, self._no_sleep() as sleep:
            self.assertEqual(self.adapter.read("1"), {"id": 1})
        sleep.assert_called_once_with(2.0)
        self.assertEqual(len(api.calls), 2)
        self.assertEqual(api.calls[0][1:], api.calls[1][1:])
        # without retries in the worker, the job is postponed by as much
        self.adapter._rate_limit_retries = 0
        for value, seconds in (("2.0", 2), ("0.25", 1), ("7.5", 8)):
            with self.subTest(value=value):
                response = self._rate_limited(value)
                with self.mock_api({("GET", "/partners/1"): response}):
                    with self._no_sleep() as sleep, self.assertRaises(
                        RetryableJobError
                    ) as ctx:
                        self.adapter.read("1")
                self.assertEqual(ctx.exception.seconds, seconds)
                self.assertTrue(ctx.exception.ignore_retry)
                sleep.assert_not_called()

    def test_retry_after_is_capped(self):
        for value in ("99999999", "1e300", formatdate(time.time() + 10**8)):
            with self.subTest(value=value):
                response = self._rate_limited(value)
                with self.mock_api({("GET", "/partners/1"): response}):
                    with self._no_sleep() as sleep, self.assertRaises(
                        RetryableJobError
                    ) as ctx:
                        self.adapter.read("1")
                self.assertEqual(ctx.exception.seconds, self.adapter._retry_after_max)
                self.assertTrue(ctx.exception.ignore_retry)
                sleep.assert_not_called()

    def test_retry_after_unreadable_or_absent(self):
        # a 429 without a readable Retry-After waits the default time
        for value in (None, "soon", "nan", "inf"):
            with self.subTest(value=value):
                routes = {
                    ("GET", "/partners/1"): [self._rate_limited(value), {"id": 1}]
                }
                with self.mock_api(routes), self._no_sleep() as sleep:
                    self.adapter.read("1")
                sleep.assert_called_once_with(self.adapter._rate_limit_default_wait)

    def test_rate_limit_retries_in_the_worker_are_bounded(self):
        response = self._rate_limited("1")
        with self.mock_api({("GET", "/partners/1"): response}) as api:
            with self._no_sleep() as sleep, self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        retries = self.adapter._rate_limit_retries
        self.assertEqual(sleep.call_count, retries)
        self.assertEqual(len(api.calls), retries + 1)
        self.assertEqual(ctx.exception.seconds, 1)
        self.assertTrue(ctx.exception.ignore_retry)

    def test_throttling_signalled_in_the_body(self):
        throttled = {"errors": [{"extensions": {"code": "THROTTLED"}}]}

        def is_throttled(response, payload):
            codes = {error["extensions"]["code"] for error in payload.get("errors", [])}
            return 1.5 if "THROTTLED" in codes else None

        self.adapter._is_throttled = is_throttled
        routes = {("GET", "/partners/1"): [throttled, {"id": 1}]}
        with self.mock_api(routes), self._no_sleep() as sleep:
            self.assertEqual(self.adapter.read("1"), {"id": 1})
        sleep.assert_called_once_with(1.5)
        # a long wait postpones the job without spending a try
        self.adapter._is_throttled = lambda response, payload: 10**9
        with self.mock_api({("GET", "/partners/1"): throttled}), self._no_sleep():
            with self.assertRaises(RetryableJobError) as ctx:
                self.adapter.read("1")
        self.assertEqual(ctx.exception.seconds, self.adapter._retry_after_max)
        self.assertTrue(ctx.exception.ignore_retry)
        # by default, a successful answer is never throttled
        self.assertIsNone(self.backend.get_adapter()._is_throttled(None, throttled))

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


class TestAdapterOrigin(GenericConnectorCase):
    """The credentials never leave the origin of the API URL."""

    def setUp(self):
        super().setUp()
        self.adapter = self.backend.get_adapter()

    @staticmethod
    def _redirect(location, status=302):
        return make_response(status, headers={"Location": location})

    def test_cross_origin_redirect_is_refused(self):
        for location, origin in (
            ("https://evil.test/collect?key=1", "https://evil.test"),
            # https to http on the same host: the credentials would be in clear
            ("http://api.example.test/v1/partners/2", "http://api.example.test"),
            ("https://api.example.test:8443/v1/x", "https://api.example.test:8443"),
            ("//evil.test/collect", "https://evil.test"),
            ("https://user:pw@api.example.test/v1/x", "https://api.example.test"),
        ):
            for status in (301, 302, 303, 307, 308):
                with self.subTest(location=location, status=status):
                    routes = {("GET", "/partners/1"): self._redirect(location, status)}
                    with self.mock_api(routes) as api, self.assertLogs(
                        adapter_module.__name__, level="DEBUG"
                    ) as logs:
                        with self.assertRaises(ForeignOriginError) as ctx:
                            self.adapter.read("1")
                    # one request, to the API, none to the redirect target
                    self.assertEqual(len(api.calls), 1)
                    self.assertEqual(api.calls[0][1], API_URL + "/partners/1")
                    self.assertIs(api.calls[0][2]["allow_redirects"], False)
                    error = ctx.exception
                    self.assertEqual(error.origin, origin)
                    self.assertIn(origin, str(error))
                    output = "\n".join(logs.output) + str(error)
                    for secret in ("key=1", "pw", "secret-token"):
                        self.assertNotIn(secret, output)

    def test_same_origin_redirect_is_followed(self):
        routes = {
            ("GET", "/partners/1"): self._redirect("/v1/moved/1?expand=all", 301),
            ("GET", "/moved/1"): self._redirect(
                "https://API.example.test:443/v1/final/1", 307
            ),
            ("GET", "/final/1"): {"id": 1},
        }
        with self.mock_api(routes) as api:
            self.assertEqual(self.adapter.get("partners/1", {"a": 1}), {"id": 1})
        urls = [call[1] for call in api.calls]
        self.assertEqual(
            urls,
            [
                API_URL + "/partners/1",
                API_URL + "/moved/1?expand=all",
                "https://API.example.test:443/v1/final/1",
            ],
        )
        for __, __, kwargs in api.calls:
            self.assertIs(kwargs["allow_redirects"], False)
            self.assertEqual(kwargs["headers"]["Authorization"], "Bearer secret-token")
        # the location is the whole next URL: the query is not sent again
        self.assertEqual(api.calls[0][2]["params"], {"a": 1})
        self.assertIsNone(api.calls[1][2]["params"])

    def test_redirected_post_follows_the_http_rules(self):
        # 303 (and 302) turn a POST into a GET without body, 307 keeps both
        for status, method in ((303, "GET"), (302, "GET"), (307, "POST")):
            with self.subTest(status=status):
                routes = {
                    ("POST", "/partners"): self._redirect("/v1/created", status),
                    (method, "/created"): {"id": 9},
                }
                with self.mock_api(routes) as api:
                    self.assertEqual(self.adapter.post("partners", {"n": 1}), {"id": 9})
                second_method, __, kwargs = api.calls[1]
                self.assertEqual(second_method, method)
                self.assertEqual(
                    kwargs.get("json"), {"n": 1} if status == 307 else None
                )

    def test_redirect_loop_is_bounded(self):
        routes = {("GET", "/loop"): self._redirect("/v1/loop")}
        with self.mock_api(routes) as api, self.assertRaisesRegex(
            UserError, "Too many redirects"
        ):
            self.adapter.get("loop")
        self.assertEqual(len(api.calls), self.adapter._max_redirects + 1)

    def test_foreign_next_page_link_is_not_followed(self):
        for next_url in (
            "https://evil.test/v1/partners?page_info=abc",
            "http://api.example.test/v1/partners?page_info=abc",
            "https://user:pw@api.example.test/v1/partners?page_info=abc",
        ):
            with self.subTest(next_url=next_url):
                first = make_response(
                    200,
                    {"items": [{"id": 1}]},
                    headers={"Link": '<%s>; rel="next"' % next_url},
                )
                routes = {("GET", "/partners"): [first, {"items": [{"id": 2}]}]}
                with self.mock_api(routes) as api, self.assertRaises(
                    ForeignOriginError
                ) as ctx:
                    list(self.adapter.get_all("partners", {"limit": 1}, "items"))
                self.assertEqual(len(api.calls), 1)
                self.assertNotIn("page_info", str(ctx.exception))
                self.assertNotIn("pw", str(ctx.exception))

    def test_api_url_with_credentials_or_without_host_is_refused(self):
        for url in (
            "https://user:pw@api.example.test/v1",
            "https://token-pw@api.example.test",
            " https://user:pw@api.example.test ",
            "ftp://api.example.test/v1",
            "https:api.example.test",
            "api.example.test/v1",
            "https://",
            "https://api.example.test:99999/v1",
        ):
            with self.subTest(url=url):
                with self.assertRaises(ValidationError) as ctx:
                    self._create_backend("Bad URL", api_url=url)
                self.assertIn("API URL", str(ctx.exception))
                self.assertNotIn("pw", str(ctx.exception))
                backend = self._create_backend("Good URL first")
                with self.assertRaises(ValidationError):
                    backend.write({"api_url": url})
        for url in ("http://localhost:8069/api", "https://[::1]/v1", " %s/ " % API_URL):
            with self.subTest(url=url):
                self.assertTrue(self._create_backend("Good URL", api_url=url))

    def test_stored_api_url_with_credentials_sends_nothing(self):
        # a URL stored before the constraint existed
        self.env.cr.execute(
            "UPDATE test_generic_backend SET api_url = %s WHERE id = %s",
            ("https://user:pw@api.example.test/v1", self.backend.id),
        )
        self.backend.invalidate_recordset(["api_url"])
        with self.mock_api({("GET", "/ping"): {}}) as api, self.assertRaises(
            UserError
        ) as ctx:
            self.backend.get_adapter().get("ping")
        self.assertFalse(api.calls)
        self.assertNotIn("pw", str(ctx.exception))

    def test_loggable_url_strips_secrets(self):
        loggable = self.adapter._loggable_url
        self.assertEqual(
            loggable("https://user:pw@api.example.test:8443/v1/x?token=1#frag"),
            "https://api.example.test:8443/v1/x",
        )
        self.assertEqual(loggable(API_URL + "/x?token=1"), API_URL + "/x")
        self.assertNotIn("pw", loggable("https://user:pw@[::1/x"))
