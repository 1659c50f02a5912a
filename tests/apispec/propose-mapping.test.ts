import { describe, expect, it } from 'vitest';
import { readOpenApiResource } from '../../src/apispec/read-openapi.js';
import { proposeMapping, snakeCase } from '../../src/apispec/propose-mapping.js';

const SHOP = 'tests/fixtures/apispec/shop.yaml';
const pairs = (p: Awaited<ReturnType<typeof proposeMapping>>): string[] => p.mapped.map((m) => `${m.external} -> ${m.odoo} (${m.conversion})`);
const reason = (p: Awaited<ReturnType<typeof proposeMapping>>, external: string): string | undefined => p.unmapped.find((u) => u.external === external)?.reason;

describe('proposeMapping', () => {
  it('maps a customer onto res.partner by name and synonyms, nested address included, enums through a selection table', async () => {
    const proposal = await proposeMapping(readOpenApiResource(`${SHOP}#Customer`, 'customer'), 'res.partner', new Map());
    expect(proposal.typesKnown).toBe(true);
    expect(pairs(proposal)).toEqual([
      'email -> email (char)',
      'phone -> phone (char)',
      'company -> company_name (char)',
      'website -> website (char)',
      'type -> type (selection)',
      'default_address.line1 -> street (char)',
      'default_address.city -> city (char)',
      'default_address.postal_code -> zip (char)',
    ]);
    // values without an Odoo key are left out of the table (and listed in the README)
    expect(proposal.mapped.find((m) => m.odoo === 'type')?.selection).toEqual({ contact: 'contact', invoice: 'invoice', delivery: 'delivery' });
    expect(proposal.mapped.find((m) => m.odoo === 'email')?.example).toBe('ada@example.com');
    // created_at is Odoo's create_date, which only the ORM sets
    expect(reason(proposal, 'created_at')).toBe('create_date is read-only in Odoo (set by the ORM or computed)');
    expect(reason(proposal, 'tags')).toMatch(/^a list/);
    // Odoo sanitizes html into markup: plain text would not round-trip
    expect(reason(proposal, 'note')).toBe('comment is a html: not type-compatible');
    // the name of the partner is the first and last names: joined on import, split on export
    expect(proposal.nameParts).toEqual({ first: 'first_name', last: 'last_name' });
    expect(proposal.unmapped.map((u) => u.external)).not.toContain('first_name');
    expect(proposal.suggestions).toEqual([]);
    // the id is the binding's external id, never a field
    expect(proposal.unmapped.map((u) => u.external)).not.toContain('id');
  });

  it('maps an order: preferred synonyms, date-times, many2one through a bound resource, read-only totals refused', async () => {
    const order = readOpenApiResource(`${SHOP}#Order`, 'order');
    const unbound = await proposeMapping(order, 'sale.order', new Map());
    expect(reason(unbound, 'customer_id')).toBe('the id of a res.partner (partner_id): add a binding of res.partner first, then map it through its binder');
    const proposal = await proposeMapping(order, 'sale.order', new Map([['res.partner', 'customer']]));
    expect(pairs(proposal)).toEqual([
      'reference -> client_order_ref (char)',
      'customer_id -> partner_id (many2one)',
      'placed_at -> date_order (datetime)',
    ]);
    expect(proposal.mapped[1]).toMatchObject({ binding: 'customer', odooType: 'many2one res.partner' });
    expect(reason(proposal, 'amount')).toBe('amount_total is read-only in Odoo (set by the ORM or computed)');
    expect(reason(proposal, 'state')).toBe('state is a selection whose keys (draft, sent, sale, done, cancel) match none of the values');
  });

  it('reads the fields a model gets by delegation (product.product <- product.template) and keeps types strict', async () => {
    const proposal = await proposeMapping(readOpenApiResource(`${SHOP}#Product`, 'product'), 'product.product', new Map());
    expect(pairs(proposal)).toEqual(['title -> name (char)', 'sku -> default_code (char)']);
    // a price sent as a string is not silently turned into a float
    expect(reason(proposal, 'price')).toBe('list_price is a float: not type-compatible');
  });

  it('maps same-name text fields only when the model is not in the baseline', async () => {
    const proposal = await proposeMapping(readOpenApiResource(`${SHOP}#Customer`, 'customer'), 'x_custom.model', new Map());
    expect(proposal.typesKnown).toBe(false);
    expect(proposal.mapped.every((m) => m.externalType === 'string' && m.odoo === snakeCase(m.external.split('.').pop()!))).toBe(true);
    expect(reason(proposal, 'total_spent')).toBe('the types of x_custom.model are unknown: map it by hand');
  });

  it('snake-cases camelCase and dashed names', () => {
    expect(snakeCase('firstName')).toBe('first_name');
    expect(snakeCase('Postal-Code')).toBe('postal_code');
  });
});
