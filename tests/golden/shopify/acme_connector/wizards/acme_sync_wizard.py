from odoo import _, api, fields, models
from odoo.exceptions import UserError


class AcmeSyncWizard(models.TransientModel):
    """Run or queue the Acme synchronizations by hand."""

    _name = "acme.sync.wizard"
    _description = "Acme Manual Synchronization"

    backend_id = fields.Many2one(
        comodel_name="acme.backend",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_backend_id(),
    )
    backend_state = fields.Selection(related="backend_id.state")
    entity = fields.Selection(
        selection="_selection_entity",
        string="Synchronization",
        required=True,
        default="all",
    )
    run_mode = fields.Selection(
        [
            ("queue", "In the background (job queue)"),
            ("now", "Now, and wait for the result"),
        ],
        required=True,
        default="queue",
        help="In the background, each synchronization is a job of the job queue. "
        "Now, it runs in this request; the records it finds are still imported "
        "by jobs.",
    )

    @api.model
    def _default_backend_id(self):
        if self.env.context.get("active_model") == "acme.backend":
            return self.env.context.get("active_id")
        Backend = self.env["acme.backend"]
        confirmed = Backend.search([("state", "=", "confirmed")], limit=1)
        return (confirmed or Backend.search([], limit=1)).id

    @api.model
    def _selection_entity(self):
        entities = self.env["acme.backend"]._get_sync_entities()
        labels = self.env["acme.backend"]._sync_entity_label
        return [("all", _("All"))] + [(entity, labels(entity)) for entity in entities]

    def action_run(self):
        self.ensure_one()
        backend = self.backend_id
        backend._check_can_sync()
        if self.entity == "all":
            entities = backend._get_sync_entities()
        else:
            entities = [self.entity]
        if self.run_mode == "queue":
            for entity in entities:
                backend._delay_sync(entity)
            message = _("%s synchronization job(s) queued.", len(entities))
        else:
            for entity in entities:
                self._run_now(backend, entity)
            message = _(
                "Synchronization done: %s.",
                ", ".join(backend._sync_entity_label(entity) for entity in entities),
            )
        notification = backend._build_notification(
            _("Synchronization"), message, "success"
        )
        # close the wizard once the notification is shown
        notification["params"]["next"] = {"type": "ir.actions.act_window_close"}
        return notification

    @api.model
    def _run_now(self, backend, entity):
        """Run one synchronization in this request; a failure is a clear error."""
        label = backend._sync_entity_label(entity)
        try:
            getattr(backend, "sync_%s" % entity)()
        except UserError as err:
            raise UserError(
                _(
                    "%(sync)s failed: %(error)s",
                    sync=label,
                    error=str(err),
                )
            ) from err
        except Exception as err:
            raise UserError(
                _(
                    "%(sync)s failed: %(error)s\nCheck the backend's API URL, "
                    "credentials and network access (Test Connection), or run "
                    "it in the background to have it retried.",
                    sync=label,
                    error=str(err) or type(err).__name__,
                )
            ) from err
