# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import generic_stock_location_map  # noqa: F401
from . import connector_base_backend  # noqa: F401
from . import generic_inventory_binding  # noqa: F401
from . import stock_quant  # noqa: F401
