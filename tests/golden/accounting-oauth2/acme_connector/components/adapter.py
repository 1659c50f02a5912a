import math
from datetime import timedelta

import requests

from odoo import _, fields
from odoo.exceptions import UserError

from odoo.addons.component.core import Component
from odoo.addons.connector.exception import NetworkRetryableError
from odoo.addons.generic_connector.exception import BackendAuthenticationError
from odoo.addons.generic_connector.urls import has_userinfo, url_origin
from odoo.addons.queue_job.exception import RetryableJobError


class AcmeAdapter(Component):
    """HTTP client of the Acme API.

    Authentication: OAuth 2 client credentials with refresh tokens.

    It serves the backend (connection test) and every binding: the adapter of
    an entity only sets ``_resource``. Timeouts, retries on 408/429/5xx (after
    ``Retry-After``), the throttling and the mapping of HTTP errors come from
    ``generic.adapter``.
    """

    _name = "acme.adapter"
    _inherit = ["generic.adapter", "base.acme.connector"]
    _usage = "backend.adapter"

    #: REST collection of the records, set by the adapter of each entity
    _resource = None
    #: (dotted) key of the records in a list answer; None when it is the list
    _items_key = None
    #: query parameter of the page size
    _page_size_param = "limit"
    #: cheap endpoint answering an authenticated GET (connection test)
    _test_endpoint = "me"
    #: seconds between two requests to one backend: set it from the API's rate
    #: limit (a 429 answer is retried after its Retry-After anyway)
    _min_interval = 0.1
    #: seconds before its expiry at which an access token is renewed
    _token_renewal_margin = 60

    def get_api_headers(self):
        headers = super().get_api_headers()
        headers["Authorization"] = "Bearer %s" % self._get_access_token()
        return headers

    def make_request(self, method, endpoint, params=None, data=None, headers=None):
        """Send the request; on a 401, renew the access token and retry once."""
        try:
            return super().make_request(
                method, endpoint, params=params, data=data, headers=headers
            )
        except BackendAuthenticationError as err:
            # a 403 is a permission problem: a new token would not change it
            if err.status_code != 401:
                raise
        self._fetch_access_token()
        return super().make_request(
            method, endpoint, params=params, data=data, headers=headers
        )

    def _oauth_tokens(self):
        """The model storing the tokens, one row per backend."""
        return self.env["acme.oauth.token"].sudo()

    def _get_access_token(self):
        """The stored access token, renewed when it expires soon."""
        token = self._oauth_tokens()._get_token(self.backend_record.id)
        renew_after = fields.Datetime.now() + timedelta(
            seconds=self._token_renewal_margin
        )
        if token["access_token"] and token["expiry"] and token["expiry"] > renew_after:
            return token["access_token"]
        return self._fetch_access_token()

    def _fetch_access_token(self):
        """Get a token (refresh token grant, else client credentials) and store it."""
        token = self._oauth_tokens()._get_token(self.backend_record.id)
        refresh_token = token["refresh_token"]
        if refresh_token:
            grant = {"grant_type": "refresh_token", "refresh_token": refresh_token}
            response = self._token_request(grant)
            if response.status_code not in (400, 401):
                return self._store_token(response, refresh_token)
            # the refresh token expired or was revoked: start a new session,
            # stored without it
        response = self._token_request({"grant_type": "client_credentials"})
        return self._store_token(response)

    def _token_request(self, grant):
        backend = self.backend_record.sudo()
        token_url = (backend.oauth_token_url or "").strip()
        if not token_url:
            raise UserError(
                _("No OAuth token URL is set on backend %s.", backend.display_name)
            )
        origin = url_origin(token_url)
        if origin is None or has_userinfo(token_url):
            raise UserError(
                _(
                    "The OAuth token URL of backend %s must be an http(s) URL with "
                    "a host and no user name or password.",
                    backend.display_name,
                )
            )
        # the client authenticates with HTTP Basic (RFC 6749, section 2.3.1)
        client = (backend.oauth_client_id or "", backend.oauth_client_secret or "")
        try:
            # redirects are followed within the origin of the token URL only
            return self._request_within_origin(
                "POST",
                token_url,
                origin,
                data=grant,
                auth=client,
                timeout=self._get_timeout(),
            )
        except (requests.ConnectionError, requests.Timeout) as err:
            raise NetworkRetryableError(
                "Network error on the OAuth token endpoint: %s" % type(err).__name__
            ) from err

    def _store_token(self, response, refresh_token=None):
        """Store the token of a successful response; return the access token.

        :param refresh_token: the refresh token of the grant, kept unless the
            response carries a new one (rotation)
        """
        if response.status_code == 429:
            # a rate limit does not spend a try of the job
            raise RetryableJobError(
                "HTTP 429 on the OAuth token endpoint, retried later.",
                seconds=math.ceil(self._rate_limited(response)) or 1,
                ignore_retry=True,
            )
        if response.status_code >= 500:
            raise RetryableJobError(
                "HTTP %s on the OAuth token endpoint, retried later."
                % response.status_code
            )
        if not response.ok:
            raise UserError(
                _(
                    "The OAuth token endpoint refused the credentials (HTTP %s).",
                    response.status_code,
                )
            )
        token = response.json()
        expires_in = int(token.get("expires_in") or 3600)
        # committed at once outside tests: a rotated refresh token survives
        # the rollback of a failing job (acme.oauth.token)
        self._oauth_tokens()._save_token(
            self.backend_record.id,
            {
                "access_token": token["access_token"],
                "refresh_token": token.get("refresh_token") or refresh_token or False,
                "expiry": fields.Datetime.now() + timedelta(seconds=expires_in),
            },
        )
        return token["access_token"]

    def test_connection(self):
        return self.get(self._test_endpoint)

    #: a synchronization reads one page per job (see ``search_page``)
    _paginated_search = True
    #: the list answer carries whole records (as ``read`` answers them): their
    #: import jobs do not read them again. False when it lists summaries.
    _list_has_records = True

    def _search_params(self, filters):
        params = {self._page_size_param: self.backend_record.page_size}
        since = (filters or {}).get("updated_since")
        if since:
            # the checkpoint is an Odoo UTC datetime, the API takes ISO 8601
            params["updated_since"] = "%sZ" % since.replace(" ", "T")
        return params

    def search_page(self, filters=None, page=None):
        """One page of the records changed since ``updated_since``.

        The collection is a JSON list, paginated with the ``Link`` header;
        override ``_next_page`` for cursor or offset pagination.

        :return: ``(records or ids, next page or None)``
        """
        endpoint, params = page or (self._resource, self._search_params(filters))
        records, next_page = self.get_page(endpoint, params, self._items_key)
        if not self._list_has_records:
            records = [record["id"] for record in records]
        return records, next_page

    def search(self, filters=None):
        """Yield the ids of the records changed since ``updated_since``."""
        page = None
        while True:
            records, page = self.search_page(filters, page)
            for record in records:
                yield record["id"] if isinstance(record, dict) else record
            if not page:
                return

    def read(self, external_id):  # pylint: disable=W8106
        listed = self.listed_record(external_id)
        if listed is not None:
            return listed
        return self.get("%s/%s" % (self._resource, external_id))

    def create(self, data):  # pylint: disable=W8106
        return self.post(self._resource, data=data)["id"]

    def write(self, external_id, data):  # pylint: disable=W8106
        return self.put("%s/%s" % (self._resource, external_id), data=data)

    def delete_record(self, external_id):
        return self.delete("%s/%s" % (self._resource, external_id))
