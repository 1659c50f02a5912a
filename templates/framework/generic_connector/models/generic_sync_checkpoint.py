# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class GenericSyncCheckpoint(models.Model):
    """Watermark of an incremental synchronization, per backend and key.

    It lives in Odoo, apart from the external system, and is written in the
    same transaction as the jobs of the run that read up to it: a run that
    fails leaves it where it was.
    """

    _name = "generic.sync.checkpoint"
    _description = "Connector Synchronization Checkpoint"
    _order = "backend_id, key"
    _rec_name = "key"

    backend_id = fields.Many2one(
        comodel_name="connector.base.backend",
        string="Backend",
        required=True,
        ondelete="cascade",
        index=True,
    )
    key = fields.Char(
        required=True,
        help="Technical key, <synchronization>.<watermark>, e.g. "
        "products.updated_since.",
    )
    name = fields.Char(
        string="Synchronization",
        compute="_compute_name",
        help="The synchronization that reads and writes this checkpoint.",
    )
    value = fields.Char(
        string="Changes Since",
        help="The next run imports the records changed since this UTC date "
        "(YYYY-MM-DD HH:MM:SS). Clear it to import everything again.",
    )

    _sql_constraints = [
        (
            "backend_key_uniq",
            "unique(backend_id, key)",
            "A checkpoint with this key already exists for this backend.",
        ),
    ]

    @api.depends("key", "backend_id")
    def _compute_name(self):
        for checkpoint in self:
            entity = (checkpoint.key or "").split(".", 1)[0]
            concrete = (
                checkpoint.backend_id and checkpoint.backend_id._get_concrete_backend()
            )
            if concrete and entity:
                checkpoint.name = concrete._sync_entity_label(entity)
            else:
                checkpoint.name = checkpoint.key

    @api.model
    def _base_backend(self, backend):
        """Accept a concrete backend as well as its ``connector.base.backend``."""
        if backend._name != "connector.base.backend":
            backend = backend.base_backend_id
        return backend

    @api.model
    def _find(self, backend, key):
        backend = self._base_backend(backend)
        return self.search([("backend_id", "=", backend.id), ("key", "=", key)])

    @api.model
    def get_value(self, backend, key):
        """Return the value stored for ``key``, or ``None``."""
        checkpoint = self._find(backend, key)
        return checkpoint.value if checkpoint else None

    @api.model
    def set_value(self, backend, key, value):
        checkpoint = self._find(backend, key)
        if checkpoint:
            checkpoint.value = value
        else:
            checkpoint = self.create(
                {
                    "backend_id": self._base_backend(backend).id,
                    "key": key,
                    "value": value,
                }
            )
        return checkpoint
