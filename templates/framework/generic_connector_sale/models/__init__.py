# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import generic_sale_backend_mixin  # noqa: F401
from . import generic_sale_binding_mixin  # noqa: F401
from . import sale_order_line  # noqa: F401
from . import stock_picking  # noqa: F401
