from . import exception  # noqa: F401
from . import urls  # noqa: F401
from . import models  # noqa: F401
from . import components  # noqa: F401
