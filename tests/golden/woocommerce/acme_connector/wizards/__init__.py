from . import acme_sync_wizard  # noqa: F401
