import logging
import math
import threading
import time
import uuid

import requests

from odoo import _
from odoo.exceptions import UserError

from odoo.addons.component.core import Component
from odoo.addons.connector.exception import IDMissingInBackend, NetworkRetryableError
from odoo.addons.queue_job.exception import RetryableJobError

_logger = logging.getLogger(__name__)

#: header carrying the Admin API access token of the custom app
ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token"
#: longest wait for the cost bucket inside a job; longer waits retry the job
MAX_INLINE_WAIT = 10.0
#: seconds before its expiry when a client credentials token is renewed
TOKEN_MARGIN = 300

# tokens of the client credentials grant, per (backend id, client id): they
# live 24 hours and are cheap to get again, so they stay out of the database
_tokens = {}
_tokens_lock = threading.Lock()

SEARCH_QUERY = """
query List%(Resource)s($first: Int!, $after: String, $query: String) {
  %(resource)s(first: $first, after: $after, query: $query) {
    nodes {
      id
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
"""

#: a page of whole records: the nodes select the entity's fragment, the one
#: its read query selects
LIST_QUERY = """
query List%(Resource)s($first: Int!, $after: String, $query: String) {
  %(resource)s(first: $first, after: $after, query: $query) {
    nodes {
      ...%(fragment)s
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
%(fragments)s"""

TEST_QUERY = """
query ShopName {
  shop {
    name
    myshopifyDomain
  }
}
"""


class AcmeAdapter(Component):
    """Client of the Shopify GraphQL Admin API.

    Every call is a ``POST`` of ``{"query": ..., "variables": ...}`` to the
    backend's API URL (``https://<shop>/admin/api/<version>/graphql.json``)
    with the access token in ``X-Shopify-Access-Token``. Timeouts, HTTP
    errors and 429/5xx retries come from ``generic.adapter.make_request``;
    this class handles what GraphQL answers with HTTP 200:

    - ``errors`` whose code is ``THROTTLED`` (:meth:`_is_throttled`): the
      query is sent again once the cost bucket has restored enough points
      (``extensions.cost``), in the worker for a short wait, else by
      postponing the job, without spending one of its tries; other
      ``errors`` are permanent;
    - ``userErrors`` of a mutation: permanent, naming the fields;
    - connections, read page by page (``first``/``after``,
      ``pageInfo { hasNextPage endCursor }``);
    - incremental searches (``query: "updated_at:>'<ISO UTC>'"``).

    The adapter of an entity sets ``_resource`` (the connection ``search``
    lists), ``_read_query``/``_read_root`` (one record by gid) and
    ``normalise(node)``, which turns a GraphQL node into the flat values the
    mappers read. External ids are gids (``gid://shopify/Customer/1``).
    """

    _name = "acme.adapter"
    _inherit = ["generic.adapter", "base.acme.connector"]
    _usage = "backend.adapter"

    #: connection listed by ``search``, e.g. ``"customers"``
    _resource = None
    #: query reading one record; takes ``$id: ID!``
    _read_query = None
    #: field of the read query's answer holding the record
    _read_root = None
    #: the last ``extensions.cost`` received (see :meth:`_wait_for_points`)
    _last_cost = None
    #: the title Shopify gives the only variant of a product without options
    _default_variant_title = "Default Title"
    #: no Idempotency-Key header: Shopify takes keys in the ``@idempotent``
    #: directive of the mutations that need one
    _idempotency_header = None

    # -- transport -----------------------------------------------------------

    def get_api_headers(self):
        headers = super().get_api_headers()
        headers[ACCESS_TOKEN_HEADER] = self._access_token()
        return headers

    def _access_token(self):
        """The access token pasted on the backend, else one obtained with the
        client credentials grant (apps of the Dev Dashboard)."""
        backend = self.backend_record.sudo()
        if backend.api_key or not (backend.client_id and backend.webhook_secret):
            return backend.api_key or ""
        key = (backend.id, backend.client_id)
        with _tokens_lock:
            token, expiry = _tokens.get(key, (None, 0))
        if token and expiry > time.time():
            return token
        token, lifetime = self._request_token(backend)
        with _tokens_lock:
            _tokens[key] = (token, time.time() + lifetime - TOKEN_MARGIN)
        return token

    def _request_token(self, backend):
        """Exchange the client id and secret for a token: ``(token, seconds)``."""
        if not backend.shop_domain:
            raise self.missing_setting("Shop Domain")
        url = "https://%s/admin/oauth/access_token" % backend.shop_domain
        data = {
            "grant_type": "client_credentials",
            "client_id": backend.client_id,
            "client_secret": backend.webhook_secret,
        }
        try:
            response = self._get_session().post(
                url, data=data, timeout=self._get_timeout(), allow_redirects=False
            )
        except requests.RequestException as err:
            raise NetworkRetryableError(
                "Network error on the token endpoint: %s" % type(err).__name__
            ) from err
        try:
            payload = response.json() if response.status_code == 200 else {}
        except ValueError:
            payload = {}
        if not payload.get("access_token"):
            raise UserError(
                _(
                    "Shopify refused the client credentials of backend "
                    "%(backend)s (HTTP %(status)s): check the client ID and secret "
                    "and that the app is installed on the shop.",
                    backend=backend.display_name,
                    status=response.status_code,
                )
            )
        return payload["access_token"], int(payload.get("expires_in") or 3600)

    def _handle_response(self, response):
        if response.status_code == 401:
            # a revoked token: the next request gets a new one
            backend = self.backend_record
            with _tokens_lock:
                _tokens.pop((backend.id, backend.client_id), None)
        return super()._handle_response(response)

    def _graphql_url(self):
        url = self._get_base_url()
        if not url:
            raise UserError(
                _("No API URL is set on backend %s.", self.backend_record.display_name)
            )
        return url

    def graphql(self, query, variables=None):
        """Run a query or a mutation; return its ``data``.

        :raise RetryableJobError: when Shopify throttled the query for
            longer than a short wait (no try of the job is spent)
        :raise UserError: on any other GraphQL error
        """
        self._wait_for_points()
        payload = self.make_request(
            "POST",
            self._graphql_url(),
            # a copy: the caller moves its cursor in the same dict
            data={"query": query, "variables": dict(variables or {})},
        )
        if not isinstance(payload, dict):
            raise self.unexpected_answer("not a GraphQL response")
        extensions = payload.get("extensions") or {}
        self._last_cost = extensions.get("cost") or None
        if payload.get("errors"):
            self._raise_graphql_errors(payload["errors"], extensions)
        return payload.get("data") or {}

    def _is_throttled(self, response, payload):
        """Seconds until the bucket can pay for a ``THROTTLED`` query, else
        ``None``: ``generic.adapter`` sends a query throttled for a few seconds
        again in the worker and postpones the job for a longer wait, without
        spending a try either way."""
        errors = payload.get("errors") if isinstance(payload, dict) else None
        if not isinstance(errors, list):
            return super()._is_throttled(response, payload)
        codes = {
            (error.get("extensions") or {}).get("code")
            for error in errors
            if isinstance(error, dict)
        }
        if "THROTTLED" not in codes:
            return super()._is_throttled(response, payload)
        extensions = payload.get("extensions") or {}
        return self._restore_seconds(extensions.get("cost") or {})

    def _raise_graphql_errors(self, errors, extensions):
        if not isinstance(errors, list):
            errors = [{"message": str(errors)}]
        messages = "; ".join(
            error.get("message") or "?" if isinstance(error, dict) else str(error)
            for error in errors
        )
        raise UserError(
            _(
                "Shopify rejected the query on backend %(backend)s: %(errors)s",
                backend=self.backend_record.display_name,
                errors=messages,
            )
        )

    # -- cost-based rate limit -----------------------------------------------

    @staticmethod
    def _restore_seconds(cost):
        """Seconds until the bucket holds the points of the throttled query.

        ``cost`` is ``extensions.cost``: ``requestedQueryCost`` and
        ``throttleStatus`` (``currentlyAvailable``, ``restoreRate`` points a
        second).
        """
        status = cost.get("throttleStatus") or {}
        requested = float(cost.get("requestedQueryCost") or 0)
        available = float(status.get("currentlyAvailable") or 0)
        rate = float(status.get("restoreRate") or 0)
        if rate <= 0:
            return 1
        return max(int(math.ceil((requested - available) / rate)), 1)

    def _wait_for_points(self):
        """Before a query, wait until the bucket can pay for one like the last.

        Short waits happen here (a listing goes on instead of being
        throttled); longer ones retry the job later without spending a try.
        """
        cost = self._last_cost
        if not cost:
            return
        seconds = self._restore_seconds(cost)
        status = cost.get("throttleStatus") or {}
        requested = float(cost.get("requestedQueryCost") or 0)
        if float(status.get("currentlyAvailable") or 0) >= requested:
            return
        if seconds > MAX_INLINE_WAIT:
            raise RetryableJobError(
                "Shopify cost bucket is low: retried in %s s." % seconds,
                seconds=seconds,
                ignore_retry=True,
            )
        _logger.debug("Waiting %s s for the Shopify cost bucket", seconds)
        time.sleep(seconds)

    # -- mutations -----------------------------------------------------------

    def mutate(self, mutation, variables, root):
        """Run a mutation; return its payload (``data[root]``).

        :raise UserError: when the payload has ``userErrors``, naming each
            field and message; retrying would not fix them
        """
        result = self.graphql(mutation, variables).get(root) or {}
        user_errors = result.get("userErrors") or []
        if user_errors:
            details = "; ".join(
                "%s: %s" % (".".join(error.get("field") or ["-"]), error.get("message"))
                for error in user_errors
            )
            raise UserError(
                _(
                    "Shopify refused %(mutation)s: %(errors)s",
                    mutation=root,
                    errors=details,
                )
            )
        return result

    # -- reading -------------------------------------------------------------

    def get_connection(self, resource, variables=None):
        """Yield the ids of the nodes of a connection, page after page."""
        query = SEARCH_QUERY % {
            "resource": resource,
            "Resource": resource[:1].upper() + resource[1:],
        }
        variables = dict(variables or {})
        variables["first"] = self.backend_record.page_size or 250
        variables.setdefault("after", None)
        while True:
            page = self.graphql(query, variables).get(resource) or {}
            for node in page.get("nodes") or []:
                yield node["id"]
            info = page.get("pageInfo") or {}
            if not (info.get("hasNextPage") and info.get("endCursor")):
                return
            variables["after"] = info["endCursor"]

    @staticmethod
    def updated_since_query(since):
        """Search query of the records updated after an Odoo UTC datetime."""
        return "updated_at:>'%sZ'" % since.replace(" ", "T")

    def search(self, filters=None):
        """Yield the gids of the records changed since ``updated_since``."""
        since = (filters or {}).get("updated_since")
        variables = {"query": self.updated_since_query(since) if since else None}
        return self.get_connection(self._resource, variables)

    #: a synchronization reads one page per job (see ``search_page``)
    _paginated_search = True

    #: name of the GraphQL fragment of a whole record and the fragments it
    #: needs, shared by the read query: a listing then carries whole records
    #: (normalised like a read, their imports do not read them again); None:
    #: the listing selects the ids only and each import reads its record
    _node_fragment_name = None
    _node_fragments = None
    #: most records per page of whole records: a query costs 1000 points at
    #: most, and each nested connection multiplies the cost of a node
    _list_page_size = None

    def search_page(self, filters=None, page=None):
        """One page of the records changed since ``updated_since`` (whole
        records when the entity has ``_node_fragment_name``, else gids) and
        the cursor of the next page, or ``None``."""
        since = (filters or {}).get("updated_since")
        names = {
            "resource": self._resource,
            "Resource": self._resource[:1].upper() + self._resource[1:],
        }
        first = self.backend_record.page_size or 250
        if self._node_fragment_name:
            query = LIST_QUERY % dict(
                names,
                fragment=self._node_fragment_name,
                fragments=self._node_fragments,
            )
            first = min(first, self._list_page_size or first)
        else:
            query = SEARCH_QUERY % names
        variables = {
            "query": self.updated_since_query(since) if since else None,
            "first": first,
            "after": page,
        }
        connection = self.graphql(query, variables).get(self._resource) or {}
        nodes = connection.get("nodes") or []
        if self._node_fragment_name:
            records = [self.normalise(node) for node in nodes]
        else:
            records = [node["id"] for node in nodes]
        info = connection.get("pageInfo") or {}
        has_next = info.get("hasNextPage") and info.get("endCursor")
        return records, info["endCursor"] if has_next else None

    def read(self, external_id):  # pylint: disable=W8106
        listed = self.listed_record(external_id)
        if listed is not None:
            return listed
        node = self.graphql(self._read_query, {"id": external_id}).get(self._read_root)
        if not node:
            raise self.not_found(external_id)
        return self.normalise(node)

    def normalise(self, node):
        """The values the mappers read, from a GraphQL node (per entity)."""
        raise NotImplementedError

    #: mutation deleting one record (``input: {id}``), and its payload root;
    #: None: the connector does not delete this kind of record
    _delete_mutation = None
    _delete_root = None

    @property
    def _delete_supported(self):
        return bool(self._delete_mutation)

    def delete_record(self, external_id):
        if not self._delete_mutation:
            raise NotImplementedError
        variables = {"input": {"id": external_id}}
        return self.mutate(self._delete_mutation, variables, self._delete_root)

    # -- helpers of the normalisers ------------------------------------------

    @staticmethod
    def money(money_bag):
        """Amount of a ``MoneyBag`` (``{"shopMoney": {"amount": "9.90"}}``)."""
        amount = ((money_bag or {}).get("shopMoney") or {}).get("amount")
        return float(amount) if amount not in (None, "") else 0.0

    @staticmethod
    def mailing_address(address, email=None):
        """Canonical ADDRESS of a ``MailingAddress`` (None when there is none).

        ``countryCodeV2`` is ISO 3166-1 alpha-2 and ``provinceCode`` the
        state's code (``ON``); the province name is a fallback for the state.
        """
        if not address:
            return None
        names = (address.get("firstName"), address.get("lastName"))
        name = " ".join(part for part in names if part) or address.get("name")
        return {
            "name": name or None,
            "company": address.get("company") or None,
            "street": address.get("address1") or None,
            "street2": address.get("address2") or None,
            "city": address.get("city") or None,
            "zip": address.get("zip") or None,
            "state_code": address.get("provinceCode") or None,
            "state_name": address.get("province") or None,
            "country_code": address.get("countryCodeV2") or None,
            "phone": address.get("phone") or None,
            "email": email or None,
        }

    # -- errors and keys of the entity adapters ------------------------------

    def not_found(self, external_id):
        return IDMissingInBackend("Not found on Shopify: %s" % external_id)

    def unexpected_answer(self, detail):
        return UserError(_("Unexpected answer of Shopify: %s", detail))

    def missing_setting(self, label):
        return UserError(
            _(
                "Set the %(setting)s of backend %(backend)s.",
                setting=label,
                backend=self.backend_record.display_name,
            )
        )

    @staticmethod
    def idempotency_key():
        """A new key for the ``@idempotent`` directive of a mutation."""
        return str(uuid.uuid4())

    # -- connector API -------------------------------------------------------

    def test_connection(self):
        return self.graphql(TEST_QUERY)
