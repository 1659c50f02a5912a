from odoo import _, api, fields, models

from odoo.addons.queue_job.job import identity_exact


class AcmeProductProduct(models.Model):
    _name = "acme.product.product"
    _inherit = "acme.binding"
    _inherits = {"product.product": "odoo_id"}
    _description = "Acme Product Binding"

    odoo_id = fields.Many2one(
        comodel_name="product.product",
        string="Odoo Product",
        required=True,
        ondelete="restrict",
        index=True,
    )
    external_parent_id = fields.Char(
        string="External Parent ID",
        readonly=True,
        help="Variable product of a bound variation, empty for a simple product: "
        "a variation is written under it.",
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This product is already bound to this Acme backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This Acme product is already bound to an Odoo record.",
        ),
    ]

    #: products whose stock one batch request sets: the most WooCommerce takes
    _inventory_batch_size = 100

    def _inventory_quantity(self):
        """Quantity on hand in the warehouse of the backend."""
        self.ensure_one()
        warehouse = self.backend_id.warehouse_id
        return self.odoo_id.with_context(warehouse=warehouse.id).qty_available

    def export_inventory(self):
        """Send the quantities on hand to Acme.

        One binding is set with one request; several, with the batch requests
        of their collections (``products/batch``, ``products/<parent>/
        variations/batch``). Quantities are set, not adjusted: a retried job
        sends the same values.
        """
        backend = self.backend_id
        backend.ensure_one()
        adapter = backend.get_adapter(model_name=self._name)
        if len(self) == 1:
            quantity = self._inventory_quantity()
            adapter.set_inventory_level(self.external_id, quantity)
            return _(
                "Quantity of %(product)s set to %(quantity)s.",
                product=self.odoo_id.display_name,
                quantity=quantity,
            )
        levels = []
        for binding in self:
            quantity = binding._inventory_quantity()
            levels.append((binding.external_id, binding.external_parent_id, quantity))
        adapter.set_inventory_levels(levels)
        return _("Quantities of %s products set.", len(self))

    @api.model
    def _delay_inventory_exports(self, backend):
        """Queue the inventory export of the products bound to ``backend``.

        One job per batch of products sharing a collection: the simple
        products, the variations of one variable product.
        """
        bindings = self.search(
            [("backend_id", "=", backend.id), ("external_id", "!=", False)]
        )
        collections = {}
        for binding in bindings:
            collections.setdefault(binding.external_parent_id, []).append(binding.id)
        size = self._inventory_batch_size
        for ids in collections.values():
            for start in range(0, len(ids), size):
                batch = self.browse(ids[start : start + size])
                batch.with_delay(identity_key=identity_exact).export_inventory()
        return len(bindings)


class ProductProduct(models.Model):
    _inherit = "product.product"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.product.product",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )


class AcmeProductTemplate(models.Model):
    """A product template bound to Acme; its variants have their own
    bindings. Imported by ``generic.product.template.importer``."""

    _name = "acme.product.template"
    _inherit = ["acme.binding", "generic.product.template.binding"]
    _inherits = {"product.template": "odoo_id"}
    _description = "Acme Product Template Binding"

    odoo_id = fields.Many2one(
        comodel_name="product.template",
        string="Odoo Product Template",
        required=True,
        ondelete="restrict",
        index=True,
    )

    _sql_constraints = [
        (
            "backend_odoo_uniq",
            "unique(backend_id, odoo_id)",
            "This product template is already bound to this backend.",
        ),
        (
            "backend_external_uniq",
            "unique(backend_id, external_id)",
            "This product is already bound to an Odoo product template.",
        ),
    ]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    acme_template_bind_ids = fields.One2many(
        comodel_name="acme.product.template",
        inverse_name="odoo_id",
        string="Acme Product Bindings",
        copy=False,
    )
    # the Connectors page of the template form lists its variants' bindings too
    acme_variant_bind_ids = fields.Many2many(
        comodel_name="acme.product.product",
        string="Acme Variant Bindings",
        compute="_compute_acme_variant_bind_ids",
    )

    @api.depends("product_variant_ids.acme_bind_ids")
    def _compute_acme_variant_bind_ids(self):
        for template in self:
            variants = template.with_context(active_test=False).product_variant_ids
            bindings = variants.mapped("acme_bind_ids")
            template.acme_variant_bind_ids = bindings


class AcmeBackend(models.Model):
    _name = "acme.backend"
    _inherit = ["acme.backend", "generic.product.backend.mixin"]
