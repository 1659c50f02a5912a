import base64

from odoo import _

from odoo.addons.component.core import Component
from odoo.addons.generic_connector.exception import BackendAuthenticationError


class AcmeAdapter(Component):
    """HTTP client of the Acme API.

    Authentication: HTTP Basic authentication (user and password).

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
    #: collection read with ``per_page=1`` to test the connection: the keys
    #: must be allowed to read the catalogue
    _test_endpoint = "products"
    #: seconds between two requests to one backend; WooCommerce has no rate
    #: limit of its own, a host answering 429 or 503 is retried anyway
    _min_interval = 0.1
    #: the largest ``per_page`` WooCommerce accepts
    _max_page_size = 100

    def get_api_headers(self):
        headers = super().get_api_headers()
        backend = self.backend_record.sudo()
        username = backend.api_username or ""
        password = backend.api_password or ""
        token = base64.b64encode(("%s:%s" % (username, password)).encode()).decode()
        headers["Authorization"] = "Basic %s" % token
        return headers

    def _handle_response(self, response):
        try:
            return super()._handle_response(response)
        except BackendAuthenticationError as err:
            # WooCommerce says why: unknown key, key without the permission,
            # or Basic authentication sent over plain HTTP
            raise BackendAuthenticationError(
                _(
                    "WooCommerce refused the consumer key of backend %(backend)s "
                    "(HTTP %(status)s): %(error)s",
                    backend=self.backend_record.display_name,
                    status=err.status_code,
                    error=self._error_body(response),
                ),
                status_code=err.status_code,
                response=response,
            ) from err

    def _error_body(self, response):
        """The message and code of a WooCommerce error, else the raw body.

        WordPress and WooCommerce answer errors with ``{"code": ...,
        "message": ..., "data": {"status": ...}}``.
        """
        try:
            error = response.json()
        except ValueError:
            error = None
        if isinstance(error, dict) and error.get("message"):
            return "%s [%s]" % (error["message"], error.get("code") or "no code")
        return super()._error_body(response)

    def test_connection(self):
        return self.get(self._test_endpoint, params={"per_page": 1})

    def _page_params(self):
        """``per_page`` and a stable order for the pages of a collection."""
        page_size = self.backend_record.page_size or self._max_page_size
        return {
            "per_page": min(page_size, self._max_page_size),
            "orderby": "id",
            "order": "asc",
        }

    def _search_params(self, filters):
        """Parameters listing the records changed since ``updated_since``.

        The checkpoint is an Odoo UTC datetime; with ``dates_are_gmt``,
        WooCommerce compares ``modified_after`` with its UTC dates.
        """
        params = self._page_params()
        since = (filters or {}).get("updated_since")
        if since:
            params["modified_after"] = since.replace(" ", "T")
            params["dates_are_gmt"] = "true"
        return params

    #: a synchronization reads one page per job (see ``search_page``)
    _paginated_search = True

    def search_page(self, filters=None, page=None):
        """One page of the records changed since ``updated_since``: the
        records as listed (whole records: their imports do not read them
        again) and the next page, or ``None``."""
        endpoint, params = page or (self._resource, self._search_params(filters))
        records, next_page = self.get_page(endpoint, params)
        since = (filters or {}).get("updated_since")
        records = [record for record in records if self._changed_since(record, since)]
        return records, next_page

    def _changed_since(self, record, since):
        """Whether a listed record changed since the checkpoint; the
        collections filter with ``modified_after`` already."""
        return True

    def search(self, filters=None):
        """Yield the ids of the records changed since ``updated_since``."""
        page = None
        while True:
            records, page = self.search_page(filters, page)
            for record in records:
                yield record["id"]
            if not page:
                return

    def _next_page(self, response, payload, params):
        """The next ``page`` up to ``X-WP-TotalPages``.

        WooCommerce answers a collection with a bare JSON list and the
        ``X-WP-Total`` and ``X-WP-TotalPages`` headers.
        """
        total_pages = (response.headers.get("X-WP-TotalPages") or "").strip()
        if not total_pages.isdigit():
            # not a WooCommerce collection: the Link header, if any
            return super()._next_page(response, payload, params)
        page = int(params.get("page") or 1)
        if not payload or page >= int(total_pages):
            return None
        return self._page_endpoint, dict(params, page=page + 1)

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
        # without force=true WooCommerce moves products to the trash and
        # refuses to delete customers
        endpoint = "%s/%s" % (self._resource, external_id)
        return self.delete(endpoint, params={"force": "true"})
