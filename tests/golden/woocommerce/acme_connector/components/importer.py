from odoo.addons.component.core import Component


class AcmeRecordImporter(Component):
    """Import one Acme record.

    The default of every binding; an entity that needs more (dependencies,
    lines) declares its own importer with ``_inherit`` on this one and an
    ``_apply_on``.
    """

    _name = "acme.record.importer"
    _inherit = ["generic.importer", "base.acme.connector"]


class AcmeBatchImporter(Component):
    """Queue the import of the records changed since the last run."""

    _name = "acme.batch.importer"
    _inherit = ["generic.batch.importer", "base.acme.connector"]
