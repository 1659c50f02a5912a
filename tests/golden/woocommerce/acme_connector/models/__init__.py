from . import acme_backend  # noqa: F401
from . import acme_binding  # noqa: F401
from . import product_product  # noqa: F401
from . import res_partner  # noqa: F401
from . import sale_order  # noqa: F401
