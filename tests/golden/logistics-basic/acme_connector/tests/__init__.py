from . import test_backend  # noqa: F401
from . import test_sync_wizard  # noqa: F401
from . import test_company  # noqa: F401
from . import test_webhook  # noqa: F401
from . import test_controller  # noqa: F401
from . import test_stock_picking  # noqa: F401
from . import test_product_product  # noqa: F401
from . import test_res_partner  # noqa: F401
