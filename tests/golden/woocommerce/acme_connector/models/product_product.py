from odoo import api, fields, models


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

    def _delete_values(self):
        # a variation is deleted under its variable product: the deletion job
        # runs once the binding is gone, so it carries the parent's id
        values = super()._delete_values()
        if self.external_parent_id:
            values["parent_id"] = self.external_parent_id
        return values

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


class AcmeProductProductInventory(models.Model):
    """Stock export: the free quantities that changed (generic_connector_stock)."""

    _name = "acme.product.product"
    _inherit = [
        "acme.product.product",
        "generic.inventory.binding.mixin",
    ]

    def _inventory_batch_key(self):
        # one batch request per collection: the simple products, or the
        # variations of one variable product
        return self.external_parent_id or False


class ProductProduct(models.Model):
    _inherit = "product.product"

    acme_bind_ids = fields.One2many(
        comodel_name="acme.product.product",
        inverse_name="odoo_id",
        string="Acme Bindings",
        copy=False,
    )

    def unlink(self):
        # bindings of backends with "Delete on the Backend" go first (their
        # deletion on Acme is queued); the others still refuse it
        self.env["acme.product.product"].unbind_for_deletion(self)
        return super().unlink()


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
