# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import product_backend_mixin  # noqa: F401
from . import product_template_binding  # noqa: F401
