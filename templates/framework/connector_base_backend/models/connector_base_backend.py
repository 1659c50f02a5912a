# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ConnectorBaseBackend(models.Model):
    """One row per connector backend, whatever its connector.

    Every concrete backend (``shopify.backend``, ...) delegates to one row of
    this model through ``_inherits``, so generic features (the export wizard,
    the sync history, the webhooks) can point to any backend with a single
    Many2one.
    """

    _name = "connector.base.backend"
    _description = "Connector Base Backend"
    _order = "name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        string="Company",
        default=lambda self: self.env.company,
    )
    backend_model = fields.Char(
        string="Backend Model",
        readonly=True,
        index=True,
        help="Technical name of the concrete backend model, set on creation.",
    )
    backend_type = fields.Char(
        string="Backend Type",
        compute="_compute_backend_type",
        store=True,
        help="Kind of connector, e.g. Shopify Backend.",
    )

    @api.depends("backend_model")
    def _compute_backend_type(self):
        for backend in self:
            model_name = backend.backend_model
            if model_name and model_name in self.env:
                backend.backend_type = self.env[model_name]._description
            else:
                backend.backend_type = model_name

    def _concrete_candidates(self):
        """Return ``(model, link_field)`` for each concrete model delegating here.

        ``_inherits_children`` also lists abstract models (``generic.backend``
        declares the delegate field), they have no table and are skipped.
        """
        candidates = []
        for model_name in sorted(type(self)._inherits_children):
            model = self.env[model_name]
            link_field = model._inherits.get(self._name)
            if model._abstract or model._transient or not link_field:
                continue
            candidates.append((model, link_field))
        return candidates

    def _get_concrete_backend(self):
        """Return the concrete backend delegating to this row, or ``None``."""
        self.ensure_one()
        candidates = self._concrete_candidates()
        # look into the recorded model first, it is the only one in practice
        candidates.sort(key=lambda candidate: candidate[0]._name != self.backend_model)
        for model, link_field in candidates:
            backend = model.with_context(active_test=False).search(
                [(link_field, "=", self.id)], limit=1
            )
            if backend:
                return backend.with_env(self.env)
        return None

    @api.model
    def _export_method_name(self, model_name):
        return "export_%s" % model_name.replace(".", "_")

    def supports_export(self, model_name):
        """Tell whether the concrete backend implements ``export_<model>``."""
        self.ensure_one()
        backend = self._get_concrete_backend()
        method = self._export_method_name(model_name)
        return backend is not None and callable(getattr(backend, method, None))

    def export_records(self, model_name, record_ids):
        """Export records through ``export_<model>`` of the concrete backend.

        :return: whatever the concrete method returns (usually a notification)
        """
        self.ensure_one()
        if not self.supports_export(model_name):
            raise UserError(
                _(
                    "The connector of backend %(backend)s cannot export "
                    "%(model)s records (no %(method)s method).",
                    backend=self.display_name,
                    model=self.env["ir.model"]._get(model_name).name or model_name,
                    method=self._export_method_name(model_name),
                )
            )
        backend = self._get_concrete_backend()
        method = getattr(backend, self._export_method_name(model_name))
        return method(list(record_ids))

    def action_open_backend(self):
        """Open the form of the concrete backend."""
        self.ensure_one()
        backend = self._get_concrete_backend()
        if backend is None:
            raise UserError(
                _("No connector backend is linked to %s.", self.display_name)
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": backend._name,
            "res_id": backend.id,
            "view_mode": "form",
            "target": "current",
        }
