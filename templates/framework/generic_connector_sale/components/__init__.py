# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import order_import  # noqa: F401
from . import fulfillment_exporter  # noqa: F401
