# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import product_importer  # noqa: F401
from . import product_listener  # noqa: F401
