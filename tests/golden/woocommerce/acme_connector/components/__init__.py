from . import core  # noqa: F401
from . import adapter  # noqa: F401
from . import binder  # noqa: F401
from . import importer  # noqa: F401
from . import exporter  # noqa: F401
from . import product_product  # noqa: F401
from . import res_partner  # noqa: F401
from . import sale_order  # noqa: F401
