# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import math
import re
import threading
import time
from datetime import timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import requests

from odoo import _
from odoo.exceptions import UserError

from odoo.addons.component.core import AbstractComponent
from odoo.addons.connector.exception import IDMissingInBackend, NetworkRetryableError
from odoo.addons.queue_job.exception import RetryableJobError

from ..exception import BackendAuthenticationError, ForeignOriginError
from ..urls import format_origin, has_userinfo, loggable_url, origin_text, url_origin

_logger = logging.getLogger(__name__)

#: an absolute URL (any scheme, in any case): checked against the API origin
ABSOLUTE_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

# time of the last request per backend, shared by the workers of a process
_last_request_at = {}
_throttle_lock = threading.Lock()


class GenericAdapter(AbstractComponent):
    """JSON-over-HTTP client shared by generated connectors.

    A connector sets the base URL and the authentication headers, then
    implements the CRUD methods the synchronizers call on top of the verbs:
    ``search(filters)`` yields external ids, ``read(external_id)`` returns a
    dict, ``create(data)`` returns the new external id, ``write(external_id,
    data)`` updates.

    Credentials go to the origin (scheme, host, port) of the API URL only:
    redirects are followed within it (at most ``_max_redirects``), absolute
    endpoints and next-page links elsewhere raise ``ForeignOriginError``.

    HTTP errors become job errors: 408 and 5xx are retried (after
    ``Retry-After`` when the server sends it), network errors too; 404 raises
    ``IDMissingInBackend``; 401 and 403 raise ``BackendAuthenticationError``
    (a ``UserError`` carrying ``status_code`` and ``response``); other 4xx
    raise a ``UserError`` that retrying would not fix. A rate-limited answer
    (429, or what :meth:`_is_throttled` recognises) does not spend a try of
    the job: a short wait is slept and the request sent again, a longer one
    postpones the job with ``ignore_retry``.

    ``_last_response`` holds the last ``requests.Response`` received by this
    component (set by :meth:`make_request` before the status is checked), for
    :meth:`_next_page` and for subclasses that read response headers.

    A ``POST`` sent while the work context carries ``idempotency_key`` (the
    record exporter sets it around the creation of a remote record) has the
    header :attr:`_idempotency_header`: a retry after a timeout or a 5xx sends
    the same key, and an API that supports it answers with the record created
    by the first attempt instead of creating another. APIs that do not
    support it ignore the header.
    """

    _name = "generic.adapter"
    _inherit = "base.backend.adapter.crud"
    _usage = "backend.adapter"

    #: timeout in seconds when the backend has none
    _timeout = 30
    #: minimum interval in seconds between two requests to one backend
    _min_interval = 0.0
    #: characters of a response body kept in error messages
    _error_body_length = 500
    #: last ``requests.Response`` received, ``None`` before the first request
    _last_response = None
    #: header carrying the idempotency key of a creation (``None``: not sent)
    _idempotency_header = "Idempotency-Key"
    #: redirects followed within the origin of the API URL, at most
    _max_redirects = 5
    #: longest wait in seconds taken from ``Retry-After`` or ``_is_throttled``
    _retry_after_max = 3600
    #: wait in seconds after a 429 without ``Retry-After``
    _rate_limit_default_wait = 2.0
    #: rate-limit waits up to this many seconds are slept in the worker and
    #: the request sent again; longer ones postpone the job
    _rate_limit_sleep_max = 5.0
    #: rate-limited requests sent again in the worker before the job is
    #: postponed (without spending a try)
    _rate_limit_retries = 3

    # -- building requests ---------------------------------------------------

    def _get_base_url(self):
        return (self.backend_record.api_url or "").strip().rstrip("/")

    def build_url(self, endpoint):
        """Absolute URL of ``endpoint``: a path below the API URL, or an
        absolute URL on its origin (a next-page link); anything else raises
        ``ForeignOriginError``."""
        base_url = self._get_base_url()
        if not base_url:
            raise UserError(
                _("No API URL is set on backend %s.", self.backend_record.display_name)
            )
        if ABSOLUTE_URL.match(endpoint):
            url = endpoint
        else:
            url = "%s/%s" % (base_url, endpoint.lstrip("/"))
        self._check_origin(url, self._get_origin())
        return url

    def _get_origin(self):
        """Origin of the API URL, ``(scheme, host, port)``: the only one the
        credentials of the backend are sent to."""
        base_url = self._get_base_url()
        if url_origin(base_url) is None or has_userinfo(base_url):
            raise UserError(
                _(
                    "The API URL of backend %(backend)s must be an http(s) URL "
                    "with a host and no user name or password: %(url)s",
                    backend=self.backend_record.display_name,
                    url=loggable_url(base_url),
                )
            )
        return url_origin(base_url)

    def _check_origin(self, url, origin):
        """Raise ``ForeignOriginError`` unless ``url`` is on ``origin``.

        :param origin: ``(scheme, host, port)``, see ``urls.url_origin``
        """
        target = format_origin(url)
        if url_origin(url) != origin:
            message = _(
                "Refused to send a request of backend %(backend)s to %(target)s: "
                "its credentials are only sent to %(origin)s.",
                backend=self.backend_record.display_name,
                target=target,
                origin=origin_text(origin),
            )
        elif has_userinfo(url):
            message = _(
                "Refused to send a request of backend %(backend)s to a URL of "
                "%(target)s carrying a user name or password.",
                backend=self.backend_record.display_name,
                target=target,
            )
        else:
            return
        raise ForeignOriginError(message, origin=target)

    def get_api_headers(self):
        """Headers of every request; extend with ``super()`` to authenticate."""
        return {"Accept": "application/json"}

    def _get_session(self):
        """One ``requests.Session`` (connection pool) per work context."""
        session = getattr(self.work, "_generic_http_session", None)
        if session is None:
            session = self.work._generic_http_session = requests.Session()
        return session

    def _get_timeout(self):
        return self.backend_record.api_timeout or self._timeout

    def _throttle(self):
        """Space the requests to one backend by at least ``_min_interval``."""
        if not self._min_interval:
            return
        key = (self.backend_record._name, self.backend_record.id)
        with _throttle_lock:
            now = time.monotonic()
            slot = max(now, _last_request_at.get(key, 0.0) + self._min_interval)
            _last_request_at[key] = slot
        if slot > now:
            time.sleep(slot - now)

    @staticmethod
    def _loggable_url(url):
        # user info and query strings may hold secrets
        return loggable_url(url)

    # -- sending -------------------------------------------------------------

    def make_request(self, method, endpoint, params=None, data=None, headers=None):
        """Send a request and return the decoded JSON body.

        A rate-limited answer is sent again after a short wait, at most
        ``_rate_limit_retries`` times; a longer wait, or one more, raises a
        ``RetryableJobError`` with ``ignore_retry``: the job is postponed
        without spending a try.

        :param data: JSON-serializable body
        :param headers: headers added to :meth:`get_api_headers`
        """
        url = self.build_url(endpoint)
        request_headers = self.get_api_headers()
        idempotency_key = getattr(self.work, "idempotency_key", None)
        if idempotency_key and self._idempotency_header and method.upper() == "POST":
            request_headers[self._idempotency_header] = idempotency_key
        request_headers.update(headers or {})
        attempt = 0
        while True:
            response = self._send(method, url, params, data, request_headers)
            self._last_response = response
            wait = self._rate_limited(response)
            if wait is None:
                payload = self._handle_response(response)
                wait = self._is_throttled(response, payload)
                if wait is None:
                    return payload
                wait = self._cap_wait(wait)
            if attempt >= self._rate_limit_retries or wait > self._rate_limit_sleep_max:
                raise RetryableJobError(
                    "Rate limited on %s %s (HTTP %s), retried in %.1f s without "
                    "spending a try."
                    % (method, self._loggable_url(url), response.status_code, wait),
                    seconds=max(1, math.ceil(wait)),
                    ignore_retry=True,
                )
            attempt += 1
            _logger.debug(
                "Rate limited on %s %s: waiting %.1f s (attempt %s)",
                method,
                self._loggable_url(url),
                wait,
                attempt,
            )
            time.sleep(wait)

    def _send(self, method, url, params, data, headers):
        """Send one request; map network errors to job errors."""
        self._throttle()
        # never log the headers: they carry the credentials
        _logger.debug("%s %s", method, self._loggable_url(url))
        try:
            return self._request_within_origin(
                method,
                url,
                self._get_origin(),
                params=params,
                json=data,
                headers=headers,
                timeout=self._get_timeout(),
            )
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,
        ) as err:
            raise NetworkRetryableError(
                "Network error on %s %s: %s"
                % (method, self._loggable_url(url), type(err).__name__)
            ) from err
        except requests.RequestException as err:
            raise UserError(
                _(
                    "Invalid request %(method)s %(url)s: %(error)s",
                    method=method,
                    url=self._loggable_url(url),
                    error=type(err).__name__,
                )
            ) from err

    def _request_within_origin(self, method, url, origin, **kwargs):
        """``requests.Session.request``, following redirects within ``origin`` only.

        ``requests`` would follow them anywhere with the headers of the
        request: it drops ``Authorization`` on another host but keeps any
        other header (an API key), even from https to http. Here a redirect
        to another origin raises ``ForeignOriginError`` before anything is
        sent there.

        :param origin: ``(scheme, host, port)`` the credentials belong to
        :param kwargs: arguments of ``requests.Session.request``
        """
        session = self._get_session()
        for __ in range(self._max_redirects + 1):
            self._check_origin(url, origin)
            response = session.request(method, url, allow_redirects=False, **kwargs)
            if not response.is_redirect:
                return response
            url = urljoin(url, response.headers["Location"])
            # the location is the whole URL of the next hop
            kwargs["params"] = None
            status = response.status_code
            if (status in (302, 303) and method.upper() != "HEAD") or (
                status == 301 and method.upper() == "POST"
            ):
                # what browsers and requests do: the next hop is a GET
                method = "GET"
                kwargs.pop("json", None)
                kwargs.pop("data", None)
        raise UserError(
            _(
                "Too many redirects (more than %(count)s) from %(url)s.",
                count=self._max_redirects,
                url=self._loggable_url(url),
            )
        )

    # -- rate limits ---------------------------------------------------------

    def _rate_limited(self, response):
        """Seconds to wait before sending a rate-limited request again, or
        ``None`` when ``response`` is not a rate-limit answer (HTTP 429)."""
        if response.status_code != 429:
            return None
        wait = self._retry_after(response)
        return self._rate_limit_default_wait if wait is None else wait

    def _is_throttled(self, response, payload):
        """Seconds to wait when a successful answer says the request was
        throttled, else ``None`` (default: never).

        Override for APIs that signal throttling in the body, e.g. GraphQL::

            def _is_throttled(self, response, payload):
                errors = (payload or {}).get("errors") or []
                codes = {(e.get("extensions") or {}).get("code") for e in errors}
                return 2.0 if "THROTTLED" in codes else None
        """
        return None

    def _cap_wait(self, seconds):
        """``seconds`` within ``[0, _retry_after_max]``."""
        return min(max(float(seconds), 0.0), float(self._retry_after_max))

    def _retry_after(self, response):
        """Seconds to wait according to ``Retry-After``, or ``None``.

        Delay seconds, also decimal (``2.0``, sent by Shopify), or an HTTP
        date; capped at ``_retry_after_max``.
        """
        value = (response.headers.get("Retry-After") or "").strip()
        if not value:
            return None
        try:
            seconds = float(value)
        except ValueError:
            try:
                retry_at = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if retry_at.tzinfo is None:
                # RFC 9110 dates are GMT
                retry_at = retry_at.replace(tzinfo=timezone.utc)
            seconds = retry_at.timestamp() - time.time()
        if not math.isfinite(seconds):
            return None
        return self._cap_wait(seconds)

    def _error_body(self, response):
        return (response.text or "")[: self._error_body_length]

    def _handle_response(self, response):
        status = response.status_code
        url = self._loggable_url(response.url or "")
        if status in (408, 429) or status >= 500:
            wait = self._retry_after(response)
            raise RetryableJobError(
                "HTTP %s on %s, retried later." % (status, url),
                seconds=None if wait is None else max(1, math.ceil(wait)),
            )
        if status == 404:
            raise IDMissingInBackend("Not found on the backend: %s" % url)
        if status in (401, 403):
            raise BackendAuthenticationError(
                _(
                    "Backend %(backend)s refused the request (HTTP %(status)s): "
                    "check the API key and its permissions.",
                    backend=self.backend_record.display_name,
                    status=status,
                ),
                status_code=status,
                response=response,
            )
        if status >= 400:
            raise UserError(
                _(
                    "Backend %(backend)s rejected the request on %(url)s "
                    "(HTTP %(status)s): %(body)s",
                    backend=self.backend_record.display_name,
                    url=url,
                    status=status,
                    body=self._error_body(response),
                )
            )
        return self._parse_response(response)

    def _parse_response(self, response):
        """Decode a successful response: JSON, or the text when it is not."""
        if not response.content:
            return {}
        try:
            return response.json()
        except ValueError:
            return response.text

    def get(self, endpoint, params=None):
        return self.make_request("GET", endpoint, params=params)

    def post(self, endpoint, data=None, params=None):
        return self.make_request("POST", endpoint, params=params, data=data)

    def put(self, endpoint, data=None, params=None):
        return self.make_request("PUT", endpoint, params=params, data=data)

    def patch(self, endpoint, data=None, params=None):
        return self.make_request("PATCH", endpoint, params=params, data=data)

    def delete(self, endpoint, params=None):  # pylint: disable=W8106
        """HTTP DELETE; deleting a record is :meth:`delete_record`."""
        return self.make_request("DELETE", endpoint, params=params)

    # -- pagination ----------------------------------------------------------

    @staticmethod
    def _dig(payload, path):
        """Value at a dotted ``path`` of a dict payload (``"meta.next"``)."""
        for key in path.split("."):
            if not isinstance(payload, dict):
                return None
            payload = payload.get(key)
        return payload

    def _extract_items(self, payload, items_key=None):
        if items_key:
            return self._dig(payload, items_key) or []
        return payload if isinstance(payload, list) else []

    def get_page(self, endpoint, params=None, items_key=None):
        """One page of a collection: ``(items, (endpoint, params) of the next
        page or None)``; the next page is JSON-serialisable (a job argument)."""
        params = dict(params or {})
        payload = self.get(endpoint, params=params)
        self._page_endpoint = endpoint
        self._page_items_key = items_key
        next_page = self._next_page(self._last_response, payload, params)
        if next_page == (endpoint, params):
            next_page = None
        return self._extract_items(payload, items_key), next_page

    def get_all(self, endpoint, params=None, items_key=None):
        """Yield the items of every page of a collection.

        :param items_key: (dotted) key of the items in each page; ``None``
            when the page is the list itself
        """
        params = dict(params or {})
        while True:
            payload = self.get(endpoint, params=params)
            yield from self._extract_items(payload, items_key)
            self._page_endpoint = endpoint
            self._page_items_key = items_key
            next_page = self._next_page(self._last_response, payload, params)
            if not next_page or next_page == (endpoint, params):
                return
            endpoint, params = next_page
            params = dict(params or {})

    def _next_page(self, response, payload, params):
        """Return ``(endpoint, params)`` of the next page, or ``None``.

        Default: the ``Link: <...>; rel="next"`` header (RFC 8288). Override
        for other schemes, with the helpers below::

            def _next_page(self, response, payload, params):
                return self._next_page_cursor(payload, params, "meta.next_cursor")

            def _next_page(self, response, payload, params):
                return self._next_page_offset(payload, params)
        """
        next_url = response.links.get("next", {}).get("url")
        return (next_url, None) if next_url else None

    def _next_page_cursor(
        self, payload, params, cursor_key="next_cursor", param="cursor"
    ):
        """Next page of a cursor-paginated collection.

        :param cursor_key: (dotted) key of the next cursor in the payload
        :param param: query parameter receiving it
        """
        cursor = self._dig(payload, cursor_key)
        if not cursor:
            return None
        return self._page_endpoint, dict(params or {}, **{param: cursor})

    def _next_page_offset(
        self, payload, params, offset_param="offset", limit_param="limit"
    ):
        """Next page of an offset/limit collection: stops on a short page.

        The page size is ``params[limit_param]``, else the backend page size.
        """
        items = self._extract_items(payload, self._page_items_key)
        limit = int(params.get(limit_param) or self.backend_record.page_size or 0)
        if not items or (limit and len(items) < limit):
            return None
        offset = int(params.get(offset_param) or 0) + len(items)
        return self._page_endpoint, dict(params, **{offset_param: offset})

    # -- connector API -------------------------------------------------------

    # -- pages and listed records --------------------------------------------

    #: ``search_page`` reads one page at a time: a synchronization queues a
    #: job per page (``generic.backend._import_since``) instead of walking
    #: every page in one job
    _paginated_search = False

    def search_page(self, filters=None, page=None):
        """One page of the records changed since ``updated_since``.

        :param page: ``None`` for the first page, else the value this method
            returned for the next page (JSON-serialisable: a job argument)
        :return: ``(records, next page or None)``; a record is a dict when
            the list answer carries the whole record (as ``read`` returns
            it: its import job does not read it again), else its id
        """
        raise NotImplementedError

    def remember_listed(self, external_id, record):
        """Keep a listed record for the next ``read`` of ``external_id``."""
        if not hasattr(self, "_listed_records"):
            self._listed_records = {}
        self._listed_records[str(external_id)] = record

    def listed_record(self, external_id):
        """The listed record of ``external_id`` (once), or ``None``: a
        ``read`` returns it instead of calling the API."""
        return getattr(self, "_listed_records", {}).pop(str(external_id), None)

    def test_connection(self):
        """Call a cheap endpoint; raise if the API is not reachable."""
        raise NotImplementedError(
            _("The connector does not implement a connection test.")
        )

    def delete_record(self, external_id):
        """Delete the external record (the CRUD ``delete``)."""
        raise NotImplementedError
