from . import test_backend  # noqa: F401
from . import test_binding  # noqa: F401
from . import test_routing  # noqa: F401
from . import test_adapter  # noqa: F401
from . import test_sync  # noqa: F401
from . import test_import  # noqa: F401
from . import test_export  # noqa: F401
from . import test_webhook  # noqa: F401
