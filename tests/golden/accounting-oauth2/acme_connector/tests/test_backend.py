from datetime import timedelta
from unittest import mock
from xml.etree import ElementTree

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tools import config

from odoo.addons.generic_connector.exception import ForeignOriginError
from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import (
    API_URL,
    TOKEN_URL,
    AcmeTestCase,
    make_response,
)

TEST_ROUTE = ("GET", "/me")


class TestBackend(AcmeTestCase):
    """Delegation, connection test, authentication (oauth2) and sync jobs."""

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
        self.assertEqual(headers["Authorization"], "Bearer stored-token")

    def test_connection_refused(self):
        routes = {
            TEST_ROUTE: make_response(401),
            ("POST", "/oauth/token"): {"access_token": "new-token"},
        }
        with self.mock_api(routes):
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

    def _tokens(self):
        return self.env["acme.oauth.token"]._get_token(self.backend.id)

    def test_token_fetched_with_client_credentials(self):
        self.oauth_token.access_token = False
        routes = {
            ("POST", "/oauth/token"): {
                "access_token": "fresh-token",
                "refresh_token": "refresh-1",
                "expires_in": 600,
            },
            TEST_ROUTE: {"id": "me"},
        }
        with self.mock_api(routes) as fake:
            self.backend.get_adapter().test_connection()
        (token_method, token_url, token_call), (__, __, api_call) = fake.calls
        self.assertEqual((token_method, token_url), ("POST", TOKEN_URL))
        self.assertEqual(token_call["data"], {"grant_type": "client_credentials"})
        self.assertEqual(token_call["auth"], ("test-client", "test-client-secret"))
        self.assertEqual(api_call["headers"]["Authorization"], "Bearer fresh-token")
        # under tests, the tokens are written in the test transaction
        self.assertRecordValues(
            self.oauth_token,
            [{"access_token": "fresh-token", "refresh_token": "refresh-1"}],
        )
        self.assertGreater(self.oauth_token.expiry, fields.Datetime.now())

    def test_token_committed_by_its_own_cursor(self):
        # out of tests, the tokens are committed at once by a cursor of their
        # own (_commit_token), so that a rotated refresh token survives the
        # rollback of a failing job; the job reads them back from memory
        self.oauth_token.refresh_token = "refresh-1"
        self.oauth_token.access_token = False
        self.addCleanup(self.env.cr.postcommit.clear)
        routes = {
            ("POST", "/oauth/token"): {
                "access_token": "own-token",
                "refresh_token": "refresh-2",
                "expires_in": 600,
            },
            TEST_ROUTE: [{"id": "me"}, {"id": "me"}],
        }
        Token = type(self.env["acme.oauth.token"])
        with mock.patch.dict(config.options, {"test_enable": False}), mock.patch.object(
            Token, "_commit_token"
        ) as commit, self.mock_api(routes) as fake:
            adapter = self.backend.get_adapter()
            adapter.test_connection()
            # the next request of the transaction uses the committed token
            adapter.test_connection()
        commit.assert_called_once()
        backend_id, values = commit.call_args.args
        self.assertEqual(backend_id, self.backend.id)
        self.assertEqual(values["access_token"], "own-token")
        self.assertEqual(values["refresh_token"], "refresh-2")
        self.assertGreater(values["expiry"], fields.Datetime.now())
        self.assertEqual([call[0] for call in fake.calls], ["POST", "GET", "GET"])
        self.assertEqual(
            fake.calls[-1][2]["headers"]["Authorization"], "Bearer own-token"
        )
        self.assertEqual(self._tokens()["refresh_token"], "refresh-2")
        # the transaction of the job did not write the token row
        self.assertFalse(self.oauth_token.access_token)
        self.assertEqual(self.oauth_token.refresh_token, "refresh-1")

    def test_expired_token_renewed_with_refresh_token(self):
        self.oauth_token.write(
            {
                "refresh_token": "refresh-1",
                "expiry": fields.Datetime.now() - timedelta(minutes=1),
            }
        )
        routes = {
            ("POST", "/oauth/token"): {"access_token": "renewed-token"},
            TEST_ROUTE: {"id": "me"},
        }
        with self.mock_api(routes) as fake:
            self.backend.get_adapter().test_connection()
        token_call = fake.calls[0][2]
        self.assertEqual(
            token_call["data"],
            {"grant_type": "refresh_token", "refresh_token": "refresh-1"},
        )
        # no new refresh token in the answer: the current one is kept
        self.assertRecordValues(
            self.oauth_token,
            [{"access_token": "renewed-token", "refresh_token": "refresh-1"}],
        )

    def test_revoked_refresh_token_falls_back_to_client_credentials(self):
        self.oauth_token.write({"access_token": False, "refresh_token": "revoked"})
        routes = {
            ("POST", "/oauth/token"): [
                make_response(400, {"error": "invalid_grant"}),
                {"access_token": "new-session"},
            ],
            TEST_ROUTE: {"id": "me"},
        }
        with self.mock_api(routes) as fake:
            self.backend.get_adapter().test_connection()
        grants = [call[2]["data"]["grant_type"] for call in fake.calls[:2]]
        self.assertEqual(grants, ["refresh_token", "client_credentials"])
        self.assertRecordValues(
            self.oauth_token,
            [{"access_token": "new-session", "refresh_token": False}],
        )

    def test_rejected_token_renewed_once(self):
        routes = {
            TEST_ROUTE: [make_response(401), {"id": "me"}],
            ("POST", "/oauth/token"): {"access_token": "renewed-token"},
        }
        with self.mock_api(routes) as fake:
            self.backend.get_adapter().test_connection()
        self.assertEqual([call[0] for call in fake.calls], ["GET", "POST", "GET"])
        retried = fake.calls[-1][2]
        self.assertEqual(retried["headers"]["Authorization"], "Bearer renewed-token")

    def test_token_request_stays_on_the_token_url_origin(self):
        self.oauth_token.access_token = False
        redirect = make_response(
            307, headers={"Location": "https://elsewhere.example.net/token"}
        )
        routes = {("POST", "/oauth/token"): redirect}
        with self.mock_api(routes) as fake, self.assertRaises(ForeignOriginError):
            self.backend.get_adapter().test_connection()
        # the client secret went to the token URL only
        self.assertEqual([call[1] for call in fake.calls], [TOKEN_URL])
        for url in ("https://client:secret@auth.example.com/token", "auth.example.com"):
            with self.assertRaises(ValidationError):
                self.backend.write({"oauth_token_url": url})

    def test_rate_limited_token_request_does_not_spend_a_try(self):
        self.oauth_token.access_token = False
        rate_limited = make_response(429, headers={"Retry-After": "30"})
        routes = {("POST", "/oauth/token"): rate_limited}
        with self.mock_api(routes), self.assertRaises(RetryableJobError) as error:
            self.backend.get_adapter().test_connection()
        self.assertEqual(error.exception.seconds, 30)
        self.assertTrue(error.exception.ignore_retry)

    def test_refresh_token_field_starts_a_new_session(self):
        self.assertEqual(self.backend.oauth_token_expiry, self.oauth_token.expiry)
        self.backend.oauth_refresh_token = "pasted-refresh-token"
        self.assertRecordValues(
            self.oauth_token,
            [
                {
                    "access_token": False,
                    "refresh_token": "pasted-refresh-token",
                    "expiry": False,
                }
            ],
        )
        group = "connector.group_connector_manager"
        Token = self.env["acme.oauth.token"]
        self.assertEqual(Token._fields["access_token"].groups, group)
        self.assertEqual(Token._fields["refresh_token"].groups, group)

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
