/**
 * @fileoverview The template/variant structure of an e-commerce connector's products: besides the
 * `<prefix>.product.product` variant binding (which order lines resolve), a `<prefix>.product.template`
 * binding imports the shop's product with its options through `generic_connector_product`.
 * Other connector types keep a flat product binding.
 */
import type { ConnectorType, EntitySpec } from './catalogue.js';
import { pascalCase, underscored } from './names.js';

export interface CatalogueContext {
  /** `acme.product.template` */
  binding: string;
  /** `acme.product.product`: the variant binding order lines resolve. */
  variantBinding: string;
  /** `acme_product_template`: xml ids, ACL ids */
  bindingUnderscored: string;
  /** `AcmeProductTemplate` */
  bindingClass: string;
  /** One2many of product.template to its template bindings: `acme_template_bind_ids`. */
  templateBindField: string;
  /** Computed Many2many of product.template to its variants' bindings: `acme_variant_bind_ids`. */
  variantBindField: string;
  /** The product sync lists the templates (true) or the variants (false). */
  syncsTemplates: boolean;
  /** Collection the variant adapter reads and writes (the entity's `resource` lists the products). */
  variantResource: string;
}

/** The catalogue structure of `spec` in a connector of `type`, or false for a flat binding. */
export function catalogueContext(spec: EntitySpec, prefix: string, type: ConnectorType): CatalogueContext | false {
  if (!spec.catalogue || type !== 'ecommerce' || spec.listing) return false;
  const binding = `${prefix}.product.template`;
  return {
    binding,
    variantBinding: `${prefix}.${spec.odooModel}`,
    bindingUnderscored: underscored(binding),
    bindingClass: pascalCase(binding),
    templateBindField: `${prefix}_template_bind_ids`,
    variantBindField: `${prefix}_variant_bind_ids`,
    syncsTemplates: spec.catalogue.sync === 'template',
    variantResource: spec.catalogue.variantResource ?? spec.resource,
  };
}
