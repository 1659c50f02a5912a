from odoo.addons.component.core import Component


class AcmeRecordExporter(Component):
    """Export one binding to Acme.

    The default of every binding; an entity that exports dependencies first
    declares its own exporter with ``_inherit`` on this one and an
    ``_apply_on``.
    """

    _name = "acme.record.exporter"
    _inherit = ["generic.record.exporter", "base.acme.connector"]

    #: bindings of dependencies are found (or created) through this field
    _default_binding_field = "acme_bind_ids"


class AcmeBatchExporter(Component):
    """Queue the export of the bindings of a backend."""

    _name = "acme.batch.exporter"
    _inherit = ["generic.batch.exporter", "base.acme.connector"]
