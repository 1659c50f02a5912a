from . import connector_export_wizard  # noqa: F401
