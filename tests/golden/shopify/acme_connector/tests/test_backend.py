from unittest import mock
from xml.etree import ElementTree

from odoo.exceptions import UserError, ValidationError

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import (
    API_URL,
    AcmeTestCase,
    answer,
    cost,
    make_response,
    throttled,
)

SHOP = {"shop": {"name": "Test Shop", "myshopifyDomain": "test-shop.myshopify.com"}}
# the waits of rate-limited requests are slept by generic.adapter
GENERIC_SLEEP = "odoo.addons.generic_connector.components.adapter.time.sleep"


class TestBackend(AcmeTestCase):
    """Shop domain, API URL, access token, GraphQL errors and sync jobs."""

    def test_delegation_to_base_backend(self):
        base = self.backend.base_backend_id
        self.assertEqual(base.backend_model, "acme.backend")
        self.assertEqual(base.name, self.backend.name)
        self.assertEqual(base._get_concrete_backend(), self.backend)

    def test_api_url_follows_domain_and_version_and_stays_editable(self):
        self.assertEqual(self.backend.api_url, API_URL)
        self.backend.api_version = "2026-07"
        self.assertEqual(
            self.backend.api_url,
            "https://test-shop.myshopify.com/admin/api/2026-07/graphql.json",
        )
        self.backend.api_url = "http://localhost:8080/graphql.json"
        self.assertEqual(self.backend.api_url, "http://localhost:8080/graphql.json")

    def test_shop_domain_is_normalised_and_validated(self):
        backend = self.env["acme.backend"].create(
            {"name": "Pasted", "shop_domain": "https://Other-Shop.myshopify.com/"}
        )
        self.assertEqual(backend.shop_domain, "other-shop.myshopify.com")
        for bad in ("shop.example.com", "other-shop.myshopify.com/admin"):
            with self.assertRaises(ValidationError):
                backend.shop_domain = bad
                backend.flush_recordset()

    def test_api_version_is_validated(self):
        backend = self.env["acme.backend"].create({"name": "Versions"})
        self.assertEqual(backend.api_version, "2026-10")
        for bad in ("2026-05", "latest", "2026-1"):
            with self.assertRaises(ValidationError):
                backend.api_version = bad
                backend.flush_recordset()

    def test_connection_ok(self):
        with self.mock_api({"ShopName": answer(SHOP)}) as fake:
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self.backend.state, "confirmed")
        method, url, kwargs = fake.calls[-1]
        self.assertEqual((method, url), ("POST", API_URL))
        token = kwargs["headers"]["X-Shopify-Access-Token"]
        self.assertEqual(token, "shpat_test_token")
        self.assertIn("shop", kwargs["json"]["query"])

    def test_client_credentials_token_is_obtained_then_reused(self):
        self.backend.write({"api_key": False, "client_id": "test-client-id"})
        granted = {
            "access_token": "shpat_granted",
            "scope": "read_products,write_products",
            "expires_in": 86399,
        }
        answers = {"access_token": granted, "ShopName": answer(SHOP)}
        with self.mock_api(answers) as fake:
            self.backend.get_adapter().test_connection()
            self.backend.get_adapter().test_connection()
        self.assertEqual(fake.operations(), ["access_token", "ShopName", "ShopName"])
        method, url, kwargs = fake.calls[0]
        self.assertEqual(
            url, "https://test-shop.myshopify.com/admin/oauth/access_token"
        )
        self.assertEqual(kwargs["data"]["grant_type"], "client_credentials")
        self.assertEqual(kwargs["data"]["client_id"], "test-client-id")
        self.assertEqual(kwargs["data"]["client_secret"], self.backend.webhook_secret)
        token = fake.calls[-1][2]["headers"]["X-Shopify-Access-Token"]
        self.assertEqual(token, "shpat_granted")

    def test_connection_refused(self):
        with self.mock_api({"ShopName": make_response(401, {"errors": "Invalid"})}):
            action = self.backend.action_test_connection()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertEqual(self.backend.state, "error")

    def test_throttled_query_is_retried_without_spending_a_try(self):
        adapter = self.backend.get_adapter()
        # (252 - 52) / 50 points a second: sent again in the worker, 3 times
        answers = {"ShopName": throttled(requested=252, available=52, rate=50)}
        with self.mock_api(answers) as fake, mock.patch(GENERIC_SLEEP) as slept:
            with self.assertRaises(RetryableJobError) as error:
                adapter.test_connection()
        self.assertEqual([c.args for c in slept.call_args_list], [(4.0,)] * 3)
        self.assertEqual(len(fake.operations()), 4)
        # then the job is postponed by the wait, no try spent
        self.assertEqual(error.exception.seconds, 4)
        self.assertTrue(error.exception.ignore_retry)
        # a long wait is not spent in the worker
        answers = {"ShopName": throttled(requested=1000, available=0, rate=50)}
        with self.mock_api(answers) as fake, mock.patch(GENERIC_SLEEP) as slept:
            with self.assertRaises(RetryableJobError) as error:
                adapter.test_connection()
        slept.assert_not_called()
        self.assertEqual(error.exception.seconds, 20)
        self.assertTrue(error.exception.ignore_retry)

    def test_throttled_then_success(self):
        answers = {"ShopName": [throttled(), answer(SHOP)]}
        with self.mock_api(answers) as fake, mock.patch(GENERIC_SLEEP) as slept:
            # the bucket has the points after the wait: the same job goes on
            self.assertEqual(self.backend.get_adapter().test_connection(), SHOP)
        slept.assert_called_once_with(4.0)
        self.assertEqual(fake.operations(), ["ShopName", "ShopName"])

    def test_low_bucket_waits_before_the_next_query(self):
        adapter = self.backend.get_adapter()
        module = "odoo.addons.acme_connector"
        sleep = module + ".components.adapter.time.sleep"
        adapter._last_cost = cost(requested=100, available=0, rate=50)
        with self.mock_api({"ShopName": answer(SHOP)}), mock.patch(sleep) as slept:
            adapter.test_connection()
        slept.assert_called_once_with(2)
        # a long wait is not spent in the job: it is retried later, no try spent
        adapter._last_cost = cost(requested=1000, available=0, rate=50)
        with self.mock_api({"ShopName": answer(SHOP)}) as fake, mock.patch(sleep):
            with self.assertRaises(RetryableJobError) as error:
                adapter.test_connection()
        self.assertEqual(error.exception.seconds, 20)
        self.assertTrue(error.exception.ignore_retry)
        self.assertFalse(fake.calls)

    def test_other_graphql_errors_are_permanent(self):
        error = {"message": "Field 'nope' doesn't exist on type 'Shop'"}
        with self.mock_api({"ShopName": {"errors": [error]}}):
            with self.assertRaisesRegex(UserError, "doesn't exist"):
                self.backend.get_adapter().test_connection()

    def test_user_errors_name_the_fields(self):
        mutation = "mutation CustomerCreate($input: CustomerInput!) { x }"
        user_errors = [{"field": ["input", "email"], "message": "Email is invalid"}]
        data = {"customerCreate": {"customer": None, "userErrors": user_errors}}
        adapter = self.backend.get_adapter()
        with self.mock_api({"CustomerCreate": answer(data)}):
            with self.assertRaisesRegex(UserError, "input.email: Email is invalid"):
                adapter.mutate(mutation, {"input": {}}, "customerCreate")

    def test_cron_skips_uninstalled_shops(self):
        entity = self.backend._get_sync_entities()[0]
        with trap_jobs() as trap:
            self.env["acme.backend"].cron_sync(entity)
            trap.assert_jobs_count(1)
        self.backend.app_uninstalled = True
        with trap_jobs() as trap:
            self.env["acme.backend"].cron_sync(entity)
            trap.assert_jobs_count(0)

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
