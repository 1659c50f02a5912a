# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import hmac

import requests

from odoo.exceptions import UserError

from odoo.addons.queue_job.job import identity_exact
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import GenericConnectorCase, make_response


class TestBackend(GenericConnectorCase):
    def test_delegation_to_base_backend(self):
        self.assertEqual(self.base_backend.name, "Test API")
        self.assertEqual(self.base_backend.backend_model, "test.generic.backend")
        self.assertEqual(self.base_backend._get_concrete_backend(), self.backend)
        self.assertEqual(self.backend.company_id, self.env.company)

    def test_unlink_removes_base_backend(self):
        backend = self._create_backend("Disposable")
        base_backend = backend.base_backend_id
        backend.unlink()
        self.assertFalse(base_backend.exists())

    def test_build_notification(self):
        action = self.backend._build_notification("Title", "Body", "warning", True)
        self.assertEqual(
            action,
            {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": "Title",
                    "message": "Body",
                    "type": "warning",
                    "sticky": True,
                },
            },
        )

    def test_connection_ok(self):
        self.backend.state = "draft"
        with self.mock_api({("GET", "/ping"): {"pong": True}}) as api:
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.backend.state, "confirmed")
        self.assertTrue(self.backend.last_test_date)
        method, url, kwargs = api.calls[0]
        self.assertEqual((method, url), ("GET", "https://api.example.test/v1/ping"))
        self.assertEqual(kwargs["headers"]["Authorization"], "Bearer secret-token")
        self.assertEqual(kwargs["timeout"], 30)

    def test_connection_refused_credentials(self):
        with self.mock_api({("GET", "/ping"): make_response(401, {"error": "no"})}):
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertTrue(action["params"]["sticky"])
        self.assertEqual(self.backend.state, "error")
        self.assertIn("API key", self.backend.last_error)
        self.assertNotIn("secret-token", self.backend.last_error)

    def test_failed_test_reloads_with_state_and_hint(self):
        self.backend.state = "draft"
        routes = {("GET", "/ping"): requests.ConnectionError("refused")}
        with self.mock_api(routes):
            action = self.backend.action_test_connection()
        # the form reloads: state, date and error show at once
        reload = {"type": "ir.actions.client", "tag": "soft_reload"}
        self.assertEqual(action["params"]["next"], reload)
        self.assertEqual(self.backend.state, "error")
        self.assertTrue(self.backend.last_test_date)
        self.assertIn("could not be reached", self.backend.last_error)
        self.assertIn("could not be reached", action["params"]["message"])

    def test_connection_hint_per_error_class(self):
        cases = [
            (make_response(401, {}), "credentials were refused"),
            (make_response(404, {}), "HTTP 404"),
            (make_response(400, {"error": "bad"}), "permissions (scopes)"),
        ]
        for response, hint in cases:
            with self.subTest(status=response.status_code):
                with self.mock_api({("GET", "/ping"): response}):
                    self.backend.action_test_connection()
                self.assertIn(hint, self.backend.last_error)

    def test_manual_sync_refused_unless_confirmed(self):
        for state in ("draft", "error"):
            self.backend.state = state
            with self.subTest(state=state), trap_jobs() as trap:
                with self.assertRaisesRegex(UserError, "Test Connection"):
                    self.backend.action_sync_all()
                trap.assert_jobs_count(0)
        self.assertFalse(self.backend.can_sync)
        self.backend.state = "confirmed"
        self.assertTrue(self.backend.can_sync)

    def test_human_labels(self):
        self.assertEqual(self.backend._sync_entity_label("sale_orders"), "Sale Orders")
        self.assertEqual(self.base_backend.backend_type, self.backend._description)
        run = self.env["generic.sync.run"].create(
            {"backend_id": self.base_backend.id, "entity": "partners"}
        )
        self.assertEqual(run.display_name, "Partners")
        checkpoint = self.env["generic.sync.checkpoint"].create(
            {"backend_id": self.base_backend.id, "key": "partners.updated_since"}
        )
        self.assertEqual(checkpoint.name, "Partners")

    def test_list_views_guide_and_forbid_hand_made_records(self):
        for xmlid in (
            "generic_connector.generic_sync_run_action",
            "generic_connector.generic_webhook_action",
            "connector_base_backend.connector_base_backend_action",
        ):
            action = self.env.ref(xmlid)
            self.assertIn("o_view_nocontent", action.help or "", xmlid)
        arch = self.env["generic.sync.checkpoint"].get_views([(False, "tree")])
        tree = arch["views"]["tree"]["arch"]
        self.assertIn('create="0"', tree)

    def test_sync_all_enqueues_one_job_per_entity(self):
        with trap_jobs() as trap:
            action = self.backend.action_sync_all()
            trap.assert_jobs_count(1)
            trap.assert_enqueued_job(
                self.backend.sync_partners,
                properties={"identity_key": identity_exact},
            )
            # a pending synchronization is not queued twice
            self.backend.action_sync_all()
            trap.assert_jobs_count(1)
        self.assertEqual(action["params"]["type"], "success")

    def test_cron_sync_tested_backends(self):
        draft = self._create_backend("Draft API", state="draft")
        failing = self._create_backend(
            "Failing API", state="error", last_error="Connection refused"
        )
        with trap_jobs() as trap:
            self.env["test.generic.backend"].cron_sync("partners")
            trap.assert_enqueued_job(self.backend.sync_partners)
            # a failed connection test does not stop the schedule
            trap.assert_enqueued_job(failing.sync_partners)
            self.assertFalse(
                [job for job in trap.enqueued_jobs if job.recordset == draft]
            )
            jobs = {job.recordset: job for job in trap.enqueued_jobs}
            with self.mock_api({("GET", "/partners"): {"items": []}}):
                jobs[self.backend].perform()
                jobs[failing].perform()
        self.assertEqual(self._sync_runs().trigger, "cron")
        # a successful run shows the API answers again
        self.assertRecordValues(
            failing + self.backend,
            [
                {"state": "confirmed", "last_error": False},
                {"state": "confirmed", "last_error": False},
            ],
        )

    def test_failed_cron_run_keeps_the_error_state(self):
        failing = self._create_backend(
            "Failing API", state="error", last_error="Connection refused"
        )
        with self.mock_api({("GET", "/partners"): make_response(401, {})}):
            try:
                failing.sync_partners()
            except UserError:
                pass
            else:
                self.fail("UserError not raised")
        self.assertEqual(failing.state, "error")
        self.assertEqual(self._sync_runs(failing).state, "failed")

    def test_trigger_travels_with_the_job(self):
        backend = self.backend.with_context(generic_sync_trigger="cron", other=1)
        context = backend._job_prepare_context_before_enqueue()
        self.assertEqual(context.get("generic_sync_trigger"), "cron")
        self.assertNotIn("other", context)

    def test_hmac_digest_matches(self):
        body = b'{"id": 1}'
        digest = hmac.new(b"key", body, hashlib.sha256).digest()
        matches = self.backend._hmac_digest_matches
        self.assertTrue(matches("key", body, base64.b64encode(digest).decode()))
        self.assertTrue(matches("key", body, digest.hex().upper(), encoding="hex"))
        self.assertFalse(matches("other", body, base64.b64encode(digest).decode()))
        self.assertFalse(matches("key", body, None))
        self.assertFalse(matches(False, body, digest.hex(), encoding="hex"))
        sha1 = hmac.new(b"key", body, hashlib.sha1).hexdigest()
        self.assertTrue(
            matches("key", body, sha1, encoding="hex", digestmod=hashlib.sha1)
        )

    def test_secret_fields_are_manager_only(self):
        group = "connector.group_connector_manager"
        self.assertEqual(self.backend._fields["api_key"].groups, group)
        self.assertEqual(self.backend._fields["webhook_secret"].groups, group)
