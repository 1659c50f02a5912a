/**
 * @fileoverview Which Odoo 16 addon defines a model, so that add-binding can add it to the
 * manifest's depends. Exact names first, then the model's first segment; unknown models return
 * undefined and the user is told to add the dependency.
 */

const EXACT: Record<string, string> = {
  'res.partner': 'base',
  'res.users': 'base',
  'res.company': 'base',
  'res.country': 'base',
  'res.currency': 'base',
  'res.partner.category': 'base',
  'res.partner.bank': 'base',
  'product.product': 'product',
  'product.template': 'product',
  'product.category': 'product',
  'product.pricelist': 'product',
  'sale.order': 'sale',
  'sale.order.line': 'sale',
  'purchase.order': 'purchase',
  'purchase.order.line': 'purchase',
  'stock.picking': 'stock',
  'stock.move': 'stock',
  'stock.quant': 'stock',
  'stock.warehouse': 'stock',
  'stock.location': 'stock',
  'stock.lot': 'stock',
  'account.move': 'account',
  'account.move.line': 'account',
  'account.payment': 'account',
  'account.journal': 'account',
  'account.tax': 'account',
  'account.account': 'account',
  'account.analytic.account': 'analytic',
  'crm.lead': 'crm',
  'crm.team': 'sales_team',
  'hr.employee': 'hr',
  'hr.department': 'hr',
  'hr.job': 'hr',
  'hr.expense': 'hr_expense',
  'hr.leave': 'hr_holidays',
  'hr.contract': 'hr_contract',
  'project.project': 'project',
  'project.task': 'project',
  'mrp.production': 'mrp',
  'mrp.bom': 'mrp',
  'helpdesk.ticket': 'helpdesk',
  'event.event': 'event',
  'event.registration': 'event',
  'calendar.event': 'calendar',
  'pos.order': 'point_of_sale',
  'fleet.vehicle': 'fleet',
  'maintenance.equipment': 'maintenance',
  'repair.order': 'repair',
  'delivery.carrier': 'delivery',
  'uom.uom': 'uom',
  'mail.message': 'mail',
  'website': 'website',
};

const BY_PREFIX: Record<string, string> = {
  sale: 'sale',
  purchase: 'purchase',
  stock: 'stock',
  account: 'account',
  crm: 'crm',
  hr: 'hr',
  project: 'project',
  mrp: 'mrp',
  product: 'product',
  helpdesk: 'helpdesk',
  event: 'event',
  pos: 'point_of_sale',
  fleet: 'fleet',
  maintenance: 'maintenance',
  repair: 'repair',
  mail: 'mail',
  website: 'website',
};

/** The addon that defines `model`, when known. */
export function moduleDefiningModel(model: string): string | undefined {
  // own keys only: a model named `constructor` is unknown, not Object.prototype.constructor
  const prefix = model.split('.')[0]!;
  return (Object.hasOwn(EXACT, model) ? EXACT[model] : undefined) ?? (Object.hasOwn(BY_PREFIX, prefix) ? BY_PREFIX[prefix] : undefined);
}
