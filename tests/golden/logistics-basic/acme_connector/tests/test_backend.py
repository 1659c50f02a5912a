import base64

from unittest import mock
from xml.etree import ElementTree

from odoo.exceptions import UserError, ValidationError

from odoo.addons.generic_connector.exception import ForeignOriginError
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import (
    API_URL,
    AcmeTestCase,
    make_response,
)

TEST_ROUTE = ("GET", "/me")


class TestBackend(AcmeTestCase):
    """Delegation, connection test, authentication (basic) and sync jobs."""

    def test_delegation_to_base_backend(self):
        base = self.backend.base_backend_id
        self.assertEqual(base.backend_model, "acme.backend")
        self.assertEqual(base.name, self.backend.name)
        self.assertEqual(base._get_concrete_backend(), self.backend)

    def test_connection_ok(self):
        with self.mock_api({TEST_ROUTE: {"id": "me"}}) as fake:
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.backend.state, "confirmed")
        self.assertTrue(self.backend.last_test_date)
        method, url, kwargs = fake.calls[-1]
        self.assertEqual((method, url), ("GET", API_URL + "/me"))
        headers = kwargs["headers"]
        credentials = base64.b64encode(b"test-user:test-password").decode()
        self.assertEqual(headers["Authorization"], "Basic " + credentials)

    def test_connection_refused(self):
        with self.mock_api({TEST_ROUTE: make_response(401)}):
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertEqual(self.backend.state, "error")
        self.assertTrue(self.backend.last_error)

    def test_rate_limit_does_not_spend_a_try(self):
        routes = {TEST_ROUTE: make_response(429, headers={"Retry-After": "2.0"})}
        adapter = self.backend.get_adapter()
        # only the rate-limit waits sleep, not the spacing of the requests
        adapter._min_interval = 0
        with self.mock_api(routes) as fake, mock.patch("time.sleep") as sleep:
            with self.assertRaises(RetryableJobError) as error:
                adapter.test_connection()
        # short waits are slept in the worker a few times, then the job is
        # postponed without counting a try
        self.assertEqual(sleep.call_count, len(fake.calls) - 1)
        sleep.assert_called_with(2.0)
        self.assertEqual(error.exception.seconds, 2)
        self.assertTrue(error.exception.ignore_retry)

    def test_credentials_stay_on_the_api_origin(self):
        for location in (
            "https://elsewhere.example.net/collect",
            "http://api.example.com/v1/me",
        ):
            routes = {TEST_ROUTE: make_response(302, headers={"Location": location})}
            with self.mock_api(routes) as fake, self.assertRaises(ForeignOriginError):
                self.backend.get_adapter().test_connection()
            # nothing was sent to the redirect target
            self.assertEqual([call[1] for call in fake.calls], [API_URL + "/me"])
        with self.assertRaises(ValidationError):
            self.backend.write({"api_url": "https://user:secret@api.example.com/v1"})

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

    def test_export_of_an_unsupported_model_is_refused(self):
        with self.assertRaises(UserError):
            self.backend.base_backend_id.export_records("res.users", [self.env.uid])

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
