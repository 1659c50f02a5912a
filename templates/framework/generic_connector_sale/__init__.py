# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import components  # noqa: F401
from . import models  # noqa: F401
