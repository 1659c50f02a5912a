from . import acme_backend  # noqa: F401
from . import acme_binding  # noqa: F401
from . import res_partner  # noqa: F401
from . import account_move  # noqa: F401
from . import account_payment  # noqa: F401
