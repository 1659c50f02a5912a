import hashlib
import hmac
import json
import time
from urllib.parse import urlsplit

from odoo.addons.component.core import Component


class AcmeAdapter(Component):
    """HTTP client of the Acme API.

    Authentication: HMAC-SHA256 request signing with a key id and a secret.

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

    def make_request(self, method, endpoint, params=None, data=None, headers=None):
        """Sign the request: HMAC-SHA256 of method, path, timestamp and body."""
        signed_headers = dict(headers or {})
        signed_headers.update(
            self._signature_headers(method, self.build_url(endpoint), data)
        )
        return super().make_request(
            method, endpoint, params=params, data=data, headers=signed_headers
        )

    def _signature_headers(self, method, url, data):
        backend = self.backend_record.sudo()
        timestamp = str(int(time.time()))
        # the exact bytes requests sends for ``json=data`` (json.dumps defaults)
        body = json.dumps(data) if data is not None else ""
        message = "\n".join([method.upper(), urlsplit(url).path, timestamp, body])
        signature = hmac.new(
            (backend.api_secret or "").encode(), message.encode(), hashlib.sha256
        ).hexdigest()
        return {
            "X-Key-Id": backend.hmac_key_id or "",
            "X-Timestamp": timestamp,
            "X-Signature": signature,
        }

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
