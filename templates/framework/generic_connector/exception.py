# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError


class BackendAuthenticationError(UserError):
    """The backend refused the credentials: HTTP 401 or 403.

    A ``UserError`` (a retry with the same credentials would not help), raised
    by ``generic.adapter`` with the status and the response, so that an
    adapter can react to it, e.g. renew an OAuth access token on a 401 and
    send the request again.

    :ivar status_code: 401 or 403
    :ivar response: the ``requests.Response`` received
    """

    def __init__(self, message, status_code=None, response=None):
        super().__init__(message)
        self.status_code = status_code
        self.response = response


class ForeignOriginError(UserError):
    """A request would take the credentials outside their origin.

    Raised by ``generic.adapter`` instead of sending anything: a redirect, a
    next-page link or an absolute endpoint to another scheme, host or port
    than the backend's API URL (or the OAuth token URL), or a URL carrying a
    user name and password. A ``UserError``: a retry would go there again.

    :ivar origin: the refused origin, ``scheme://host[:port]`` (never a path
        or query string)
    """

    def __init__(self, message, origin=None):
        super().__init__(message)
        self.origin = origin
