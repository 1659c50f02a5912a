from . import test_generic_backend  # noqa: F401
from . import test_generic_binding  # noqa: F401
from . import res_partner  # noqa: F401
