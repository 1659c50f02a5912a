from . import adapter  # noqa: F401
from . import binder  # noqa: F401
from . import mapper  # noqa: F401
from . import importer  # noqa: F401
from . import exporter  # noqa: F401
from . import listener  # noqa: F401
from . import partner_address  # noqa: F401
