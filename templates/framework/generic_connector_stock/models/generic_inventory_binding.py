# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import _, api, fields, models

from odoo.addons.queue_job.job import identity_exact


class GenericInventoryBindingMixin(models.AbstractModel):
    """Stock export of a variant binding (``<prefix>.product.product``).

    What a shop may sell is the FREE quantity (on hand minus reserved), per
    mapped warehouse, clamped at 0 and rounded down (a fraction is not for
    sale). The last quantity sent per remote location is kept on the binding:
    an export sends only the quantities that changed since, in one adapter
    call per batch (``set_inventory_levels``), one job per batch.

    Two triggers: the inventory cron (every bound product compared) and the
    quants (done moves, reservations) of bound products, which mark their
    bindings and queue one debounced job per backend for the marked ones.
    """

    _name = "generic.inventory.binding.mixin"
    _description = "Connector Inventory Export (mixin)"

    #: bindings one job exports, in one adapter call where the API allows
    _inventory_batch_size = 100
    #: seconds a stock change waits for others before its export job runs
    _inventory_debounce = 60

    inventory_exported = fields.Char(
        string="Exported Quantities",
        readonly=True,
        copy=False,
        help="Last quantity sent per remote location (JSON): only a different "
        "quantity is sent again.",
    )
    inventory_changed = fields.Boolean(
        string="Stock Changed",
        readonly=True,
        copy=False,
        index=True,
        help="A stock move changed the free quantity since the last export.",
    )

    # -- quantities ----------------------------------------------------------

    @api.model
    def _inventory_locations(self, backend):
        """``[(warehouse, remote location id)]`` of ``backend``.

        The mapping lines, else the backend's Warehouse (all warehouses when
        empty) to its External Location ID (``None``: the shop's default).
        """
        lines = backend.stock_location_map_ids
        if lines:
            return [(line.warehouse_id, line.location_external_id) for line in lines]
        warehouse = (
            getattr(backend, "warehouse_id", None) or self.env["stock.warehouse"]
        )
        location = getattr(backend, "location_external_id", None) or None
        return [(warehouse, location)]

    @staticmethod
    def _location_key(location):
        return str(location) if location else ""

    def _inventory_quantities(self):
        """``{binding id: {location key: (remote location, quantity)}}``."""
        result = {binding.id: {} for binding in self}
        if not self:
            return result
        backend = self.backend_id
        products = self.mapped("odoo_id")
        # computed, not stored: a job that moved stock must not read a cache
        products.invalidate_recordset(["free_qty"])
        if backend.company_id:
            # all warehouses (no mapping) means those of the backend's company
            products = products.with_company(backend.company_id)
        for warehouse, location in self._inventory_locations(backend):
            products = products.with_context(warehouse=warehouse.id)
            free = {product.id: product.free_qty for product in products}
            key = self._location_key(location)
            for binding in self:
                quantity = max(0, int(free.get(binding.odoo_id.id, 0.0)))
                result[binding.id][key] = (location, quantity)
        return result

    def _inventory_exported_values(self):
        self.ensure_one()
        try:
            return json.loads(self.inventory_exported or "{}")
        except ValueError:
            return {}

    def _inventory_changes(self):
        """``{binding: [(location key, remote location, quantity)]}`` of the
        quantities that differ from the last ones sent."""
        changes = {}
        quantities = self._inventory_quantities()
        for binding in self:
            sent = binding._inventory_exported_values()
            changed = [
                (key, location, quantity)
                for key, (location, quantity) in quantities[binding.id].items()
                if sent.get(key) != quantity
            ]
            if changed:
                changes[binding] = changed
        return changes

    # -- export --------------------------------------------------------------

    def _inventory_batch_key(self):
        """Bindings of one batch share this key (an API collection)."""
        return False

    def export_inventory(self):
        """Send the changed free quantities of these bindings in one call.

        Quantities are set, not adjusted: a retried job sends the same values,
        and a value already sent is not sent again.
        """
        bindings = self.exists()
        if not bindings:
            return _("Nothing to export: the bindings were deleted.")
        backend = bindings.backend_id
        backend.ensure_one()
        changes = bindings._inventory_changes()
        levels = [
            {
                "product_id": binding.external_id,
                "location_id": location,
                "quantity": quantity,
            }
            for binding, changed in changes.items()
            for __, location, quantity in changed
        ]
        if levels:
            adapter = backend.get_adapter(model_name=self._name)
            adapter.set_inventory_levels(levels)
        for binding, changed in changes.items():
            sent = binding._inventory_exported_values()
            sent.update({key: quantity for key, __, quantity in changed})
            binding.with_context(connector_no_export=True).write(
                {"inventory_exported": json.dumps(sent, sort_keys=True)}
            )
        bindings.filtered("inventory_changed").with_context(
            connector_no_export=True
        ).write({"inventory_changed": False})
        if not levels:
            return _("No quantity changed since the last export.")
        return _(
            "%(count)s quantities of %(products)s products set.",
            count=len(levels),
            products=len(changes),
        )

    @api.model
    def _delay_inventory_exports(self, backend, only_changed=False):
        """Queue one export job per batch of bindings whose quantity changed.

        :param only_changed: only the bindings a stock move marked (the
            debounced trigger); all the bound products otherwise (the cron)
        :return: number of bindings queued
        """
        domain = [("backend_id", "=", backend.id), ("external_id", "!=", False)]
        if only_changed:
            domain.append(("inventory_changed", "=", True))
        bindings = self.search(domain)
        changed = self.browse([binding.id for binding in bindings._inventory_changes()])
        # a marked binding whose free quantity came back is up to date
        (bindings - changed).filtered("inventory_changed").with_context(
            connector_no_export=True
        ).write({"inventory_changed": False})
        batches = {}
        for binding in changed:
            batches.setdefault(binding._inventory_batch_key(), []).append(binding.id)
        size = self._inventory_batch_size
        for ids in batches.values():
            for start in range(0, len(ids), size):
                batch = self.browse(ids[start : start + size])
                batch.with_delay(
                    priority=self._inventory_priority(),
                    identity_key=identity_exact,
                ).export_inventory()
        return len(changed)

    @api.model
    def _inventory_priority(self):
        # before catalogue exports: a stale quantity oversells
        return 15

    @api.model
    def export_inventory_changes(self, backend):
        """Job of the stock trigger: export the bindings stock moves marked."""
        count = self._delay_inventory_exports(backend, only_changed=True)
        return _("%s products with a new quantity queued.", count)

    # -- trigger -------------------------------------------------------------

    @api.model
    def _inventory_binding_models(self):
        """Concrete binding models that export their stock."""
        names = self.env.registry.descendants([self._name], "_inherit")
        return [
            name
            for name in names
            if name != self._name and not self.env[name]._abstract
        ]

    @api.model
    def _inventory_changed(self, products):
        """Mark the bindings of ``products`` and queue a debounced export.

        One pending job per backend at a time (its identity key): stock moves
        arriving while it waits join it.
        """
        for model in self._inventory_binding_models():
            bindings = (
                self.env[model]
                .sudo()
                .search(
                    [
                        ("odoo_id", "in", products.ids),
                        ("external_id", "!=", False),
                    ]
                )
            )
            if not bindings:
                continue
            bindings.with_context(connector_no_export=True).write(
                {"inventory_changed": True}
            )
            for backend in bindings.backend_id:
                self.env[model].sudo().with_delay(
                    priority=self._inventory_priority(),
                    eta=self._inventory_debounce,
                    identity_key="%s.export_inventory_changes(%s)"
                    % (model, backend.id),
                ).export_inventory_changes(backend)
