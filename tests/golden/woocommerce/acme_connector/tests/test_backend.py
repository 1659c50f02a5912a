import base64
from unittest import mock
from xml.etree import ElementTree

from odoo.exceptions import UserError

from odoo.addons.generic_connector.exception import BackendAuthenticationError
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import (
    API_URL,
    AcmeTestCase,
    make_response,
    wc_error,
    wc_page,
)

TEST_ROUTE = ("GET", "/products")


class TestBackend(AcmeTestCase):
    """Store and API URLs, consumer key, WooCommerce errors and sync jobs."""

    def test_delegation_to_base_backend(self):
        base = self.backend.base_backend_id
        self.assertEqual(base.backend_model, "acme.backend")
        self.assertEqual(base.name, self.backend.name)
        self.assertEqual(base._get_concrete_backend(), self.backend)

    def test_api_url_derived_from_the_store_url_and_editable(self):
        self.assertEqual(self.backend.api_url, API_URL)
        self.backend.store_url = "https://other.example.com/shop/"
        self.assertEqual(
            self.backend.api_url, "https://other.example.com/shop/wp-json/wc/v3"
        )
        # a staging site, a proxy or a mock
        self.backend.api_url = "http://localhost:8069/mock/wc/v3"
        self.assertEqual(self.backend.api_url, "http://localhost:8069/mock/wc/v3")
        Backend = self.env["acme.backend"]
        without_store = Backend.create({"name": "No store"})
        self.assertEqual(without_store.api_url, Backend._default_api_url())
        self.assertEqual(without_store.page_size, 100)

    def test_connection_ok_with_the_consumer_key(self):
        with self.mock_api({TEST_ROUTE: wc_page([])}) as fake:
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.backend.state, "confirmed")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual((method, url), ("GET", API_URL + "/products"))
        self.assertEqual(kwargs["params"], {"per_page": 1})
        credentials = base64.b64encode(b"ck_test:cs_test").decode()
        self.assertEqual(kwargs["headers"]["Authorization"], "Basic " + credentials)

    def test_connection_refused_names_the_woocommerce_error(self):
        refused = wc_error(
            401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources."
        )
        with self.mock_api({TEST_ROUTE: refused}):
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertEqual(self.backend.state, "error")
        with self.mock_api({TEST_ROUTE: refused}):
            with self.assertRaises(BackendAuthenticationError) as error:
                self.backend.get_adapter().test_connection()
        self.assertEqual(error.exception.status_code, 401)
        message = str(error.exception)
        self.assertIn("Sorry, you cannot list resources.", message)
        self.assertIn("woocommerce_rest_cannot_view", message)

    def test_rejected_request_names_the_woocommerce_error(self):
        invalid = wc_error(400, "rest_invalid_param", "Invalid parameter(s): per_page")
        with self.mock_api({TEST_ROUTE: invalid}):
            with self.assertRaises(UserError) as error:
                self.backend.get_adapter().get("products")
        message = str(error.exception)
        self.assertIn("Invalid parameter(s): per_page [rest_invalid_param]", message)

    def test_throttling_and_server_errors_are_retried_later(self):
        throttled = make_response(429, headers={"Retry-After": "2"})
        with self.mock_api({TEST_ROUTE: throttled}):
            with self.assertRaises(RetryableJobError) as error:
                self.backend.get_adapter().test_connection()
        self.assertEqual(error.exception.seconds, 2)
        unavailable = wc_error(503, "service_unavailable", "Try again later.")
        with self.mock_api({TEST_ROUTE: unavailable}):
            with self.assertRaises(RetryableJobError):
                self.backend.get_adapter().test_connection()

    def test_page_size_is_capped_at_100(self):
        self.backend.page_size = 500
        params = self.backend.get_adapter()._page_params()
        self.assertEqual(params["per_page"], 100)

    def test_sync_all_queues_one_job_per_entity(self):
        with trap_jobs() as trap:
            self.backend.action_sync_all()
            trap.assert_jobs_count(len(self.backend._get_sync_entities()))

    def test_sync_button_queues_its_entity(self):
        entity = self.backend._get_sync_entities()[0]
        sync_method = getattr(self.backend, "sync_%s" % entity)
        with trap_jobs() as trap:
            self.backend.with_context(sync_entity=entity).action_sync()
            trap.assert_jobs_count(1, only=sync_method)
        with self.assertRaises(UserError):
            self.backend.with_context(sync_entity="unknown").action_sync()

    def test_backend_form_guides_the_first_steps(self):
        views = self.env["acme.backend"].get_views([(False, "form")])
        form = ElementTree.fromstring(views["views"]["form"]["arch"])
        state = form.find(".//header/field[@name='state']")
        # Error is a state, not a stage to reach
        self.assertEqual(state.get("statusbar_visible"), "draft,confirmed")
        self.assertTrue(form.findall(".//group[@name='sync_not_ready']"))
        self.assertTrue(form.findall(".//div[@name='last_error_alert']"))
        # the credentials are required on the form
        required = {
            node.get("name")
            for node in form.findall(".//group[@name='api']//field")
            if '"required": true' in (node.get("modifiers") or "")
        }
        self.assertTrue(required, "no required credential on the form")
        for node in form.findall(".//group[@name='api']//field"):
            field = self.env["acme.backend"]._fields[node.get("name")]
            self.assertTrue(field.help, "%s has no help" % field.name)
        xmlid = "acme_connector.acme_backend_action"
        action = self.env.ref(xmlid)
        self.assertIn("Test Connection", action.help)

    def test_failed_test_shows_at_once(self):
        self.backend.state = "draft"
        with mock.patch.object(
            type(self.backend),
            "_test_connection_implementation",
            side_effect=UserError("refused"),
        ):
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["next"]["tag"], "soft_reload")
        self.assertEqual(self.backend.state, "error")
        self.assertTrue(self.backend.last_test_date)
        self.assertIn("refused", self.backend.last_error)
