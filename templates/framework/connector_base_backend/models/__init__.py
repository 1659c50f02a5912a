from . import connector_base_backend  # noqa: F401
