from . import connector_base_backend  # noqa: F401
from . import generic_partner_backend_mixin  # noqa: F401
from . import generic_backend  # noqa: F401
from . import generic_binding  # noqa: F401
from . import generic_sync_checkpoint  # noqa: F401
from . import generic_sync_run  # noqa: F401
from . import generic_webhook  # noqa: F401
from . import queue_job  # noqa: F401
