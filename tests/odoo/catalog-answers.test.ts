import { describe, expect, it } from 'vitest';
import type { AddonSummary, ModelDecl } from '../../src/odoo/addon.js';
import { Catalog } from '../../src/odoo/catalog.js';

function decl(model: string, fields: string[], extra: Partial<ModelDecl> = {}): ModelDecl {
  return { model, isNew: false, parents: [], inherits: {}, kind: 'regular', fields, methods: [], ...extra };
}

function addon(name: string, depends: string[], models: ModelDecl[]): AddonSummary {
  return { name, depends, models, xmlids: [] };
}

// base defines res.partner; mail adds a mixin; sale and crm extend the partner, sale with the mixin.
const summaries = [
  addon('base', [], [decl('base', ['id_base']), decl('res.partner', ['name'], { isNew: true, methods: ['_compute_x'] })]),
  addon('mail', ['base'], [decl('mail.thread', ['message_ids'], { isNew: true, kind: 'abstract', methods: ['message_post'] })]),
  addon('sale', ['mail'], [decl('res.partner', ['sale_count'], { parents: ['mail.thread'] })]),
  addon('crm', ['base'], [decl('res.partner', ['opportunity_count'])]),
  addon('sale_extra', ['sale'], []),
  addon('crm_extra', ['crm'], []),
];

describe('Catalog model answers across checked addons', () => {
  it('gives each scope the answer of its own declarations, whatever was asked before', () => {
    const catalog = new Catalog(summaries, { addons: [], baseModelMethods: ['write'] });
    const sale = catalog.model('sale', 'res.partner');
    expect([...sale.fields]).toEqual(expect.arrayContaining(['name', 'sale_count', 'message_ids', 'id_base']));
    expect(sale.fields.has('opportunity_count')).toBe(false);
    expect(sale.methods.has('message_post')).toBe(true);
    expect([...sale.ancestors]).toEqual(['mail.thread']);
    catalog.forget('sale');
    const crm = catalog.model('crm', 'res.partner');
    expect(crm.fields.has('opportunity_count')).toBe(true);
    expect(crm.fields.has('sale_count')).toBe(false);
    expect(crm.methods.has('message_post')).toBe(false);
    expect(crm.ancestors.size).toBe(0);
    catalog.forget('crm');
    const again = catalog.model('sale', 'res.partner');
    expect(again.fields.has('sale_count')).toBe(true);
    expect(again.fields.has('opportunity_count')).toBe(false);
  });

  it('shares one answer between consecutive scopes with the same declarations and parents', () => {
    const catalog = new Catalog(summaries, { addons: [], baseModelMethods: ['write'] });
    const sale = catalog.model('sale', 'res.partner');
    catalog.forget('sale');
    // sale_extra sees the same classes of res.partner (and of mail.thread, base): same answer.
    expect(catalog.model('sale_extra', 'res.partner')).toBe(sale);
    catalog.forget('sale_extra');
    const crm = catalog.model('crm', 'res.partner');
    expect(crm).not.toBe(sale);
    catalog.forget('crm');
    expect(catalog.model('crm_extra', 'res.partner')).toBe(crm);
  });

  it('does not share answers between complete and incomplete scopes', () => {
    const catalog = new Catalog([...summaries, addon('broken', ['sale', 'missing'], [])], { addons: [], baseModelMethods: ['write'] });
    const sale = catalog.model('sale', 'res.partner');
    expect(sale.complete).toBe(true);
    catalog.forget('sale');
    const broken = catalog.model('broken', 'res.partner');
    expect(broken.complete).toBe(false);
    expect(broken).not.toBe(sale);
  });
});
