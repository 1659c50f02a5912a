# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The URLs credentials may be sent to.

Credentials belong to one origin (scheme, host and port, RFC 6454): the one of
the backend's API URL, or of its OAuth token URL. ``generic.adapter`` sends
nothing elsewhere, and credentials never travel inside a URL.
"""

from urllib.parse import urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def _split(url):
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        # a bad port or IPv6 address
        return None, None
    return parts, port


def url_origin(url):
    """``(scheme, host, port)`` of an absolute http(s) URL, else ``None``.

    The scheme and host are lowercased and the port made explicit, so that
    ``https://API.example.com`` and ``https://api.example.com:443`` are one
    origin.
    """
    parts, port = _split(url)
    if parts is None:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


def has_userinfo(url):
    """Tell whether ``url`` carries a user name or password (``user:pass@``)."""
    parts, __ = _split(url)
    return parts is not None and "@" in parts.netloc


def format_origin(url):
    """The origin of ``url`` as ``scheme://host[:port]``, for messages.

    Never the user info, path or query string, which may hold secrets.
    """
    origin = url_origin(url)
    if origin is None:
        parts, __ = _split(url)
        if parts is None:
            return "an invalid URL"
        netloc = parts.netloc.rpartition("@")[2]
        if not netloc:
            return "a URL without a host"
        return urlunsplit((parts.scheme, netloc, "", "", ""))
    return origin_text(origin)


def origin_text(origin):
    """``(scheme, host, port)`` as ``scheme://host[:port]``."""
    scheme, host, port = origin
    if ":" in host:
        host = "[%s]" % host
    if port == DEFAULT_PORTS[scheme]:
        return "%s://%s" % (scheme, host)
    return "%s://%s:%s" % (scheme, host, port)


def loggable_url(url):
    """``url`` without user info, query string and fragment: they may hold secrets."""
    text = (url or "").split("#", 1)[0].split("?", 1)[0]
    parts, __ = _split(text)
    if parts is None:
        return "<invalid URL>"
    if "@" in parts.netloc:
        netloc = parts.netloc.rpartition("@")[2]
        text = urlunsplit((parts.scheme, netloc, parts.path, "", ""))
    return text
