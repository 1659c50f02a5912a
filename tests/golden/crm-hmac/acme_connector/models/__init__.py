from . import acme_backend  # noqa: F401
from . import acme_binding  # noqa: F401
from . import crm_lead  # noqa: F401
from . import res_partner  # noqa: F401
