/**
 * @fileoverview The "Connectors" page of an Odoo form, where every connector lists its bindings of
 * the record (OCA connector's pattern for partners). The page is defined once, hidden, by OCA
 * connector (partners) or by a framework addon (products, orders); each connector adds its
 * bindings field to it and shows it, so several connectors share one page.
 */

export interface ConnectorsPage {
  /** XML id of the form view the connector extends. */
  view: string;
  /** Framework addon defining the page on that form; false when the connector already depends on it. */
  addon: string | false;
}

const PAGES: Record<string, ConnectorsPage> = {
  'res.partner': { view: 'base.view_partner_form', addon: false },
  'product.product': { view: 'product.product_normal_form_view', addon: 'generic_connector_product' },
  'sale.order': { view: 'sale.view_order_form', addon: 'generic_connector_sale' },
};

/** The Connectors page of the form of `odooModel`, or false when it has none. */
export function connectorsPage(odooModel: string): ConnectorsPage | false {
  return Object.hasOwn(PAGES, odooModel) ? PAGES[odooModel]! : false;
}

/** Addons an entity on `odooModel` needs for its Connectors page (empty or one). */
export function connectorsPageDepends(odooModel: string): string[] {
  const page = connectorsPage(odooModel);
  return page && page.addon ? [page.addon] : [];
}
