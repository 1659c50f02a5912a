import { describe, expect, it } from 'vitest';
import type { AddonSummary } from '../../src/odoo/addon.js';
import { coreArch, coreFields, coreViews, qualifyRefs } from '../../src/odoo/baseline/core-facts.js';
import { loadBaseline } from '../../src/odoo/baseline/index.js';
import { Catalog } from '../../src/odoo/catalog.js';

describe('core facts of the baseline (odoo16-fields.json, odoo16-views.json)', () => {
  it('line up with the names of odoo16.json: one entry per model class, same models and fields', async () => {
    const baseline = await loadBaseline();
    const fields = coreFields()!;
    expect(fields.source).toBe((baseline as unknown as { source: string }).source);
    for (const a of baseline.addons) {
      const facts = fields.addons[a.name]!;
      expect(facts.map(([m]) => m), a.name).toEqual(a.models.map((d) => d.model));
      a.models.forEach((d, i) => expect(Object.keys(facts[i]![1]).sort(), `${a.name} ${d.model}`).toEqual([...new Set(d.fields)].sort()));
    }
  });

  it('give a baseline class its field facts (label absent = none given), and nothing for a class read this run', async () => {
    const baseline = await loadBaseline();
    const catalog = new Catalog([], baseline);
    const partner = baseline.addons.find((a) => a.name === 'base')!.models.find((d) => d.model === 'res.partner' && d.isNew)!;
    const facts = catalog.fieldFactsOf(partner)!;
    expect(facts.name).toEqual({ type: 'char' });
    expect(facts.country_id?.type).toBe('many2one');
    expect(facts.country_id?.label).toBe('Country');
    const read: AddonSummary = { name: 'base', depends: [], models: [{ ...partner, fieldFacts: {} }], xmlids: [] };
    const replaced = new Catalog([read], baseline);
    expect(replaced.fromBaseline('base')).toBe(false);
    expect(replaced.fromBaseline('sale')).toBe(true);
    expect(replaced.fieldFactsOf(read.models[0]!)).toEqual({});
    expect(replaced.coreView('base.view_partner_form')).toBeUndefined();
    expect(replaced.coreView('sale.view_order_form')).toBeDefined();
  });

  it('hold core views with their inherit chain, arches without text and with qualified action refs', () => {
    const views = coreViews()!.views;
    expect(views['sale.view_order_form']?.model).toBe('sale.order');
    expect(views['sale.view_order_form']?.inherit).toBeUndefined();
    expect(views['connector.view_partner_connector_form']?.inherit).toBe('base.view_partner_form');
    const arch = coreArch(views['sale.view_order_form']!);
    expect(arch.tag).toBe('form');
    const names: string[] = [];
    const walk = (el: typeof arch): void => {
      if (el.tag === 'page' && el.attrs.name) names.push(el.attrs.name);
      el.children.forEach(walk);
    };
    walk(arch);
    expect(names).toContain('order_lines');
    expect(JSON.stringify(views['base.res_lang_tree'])).toContain('%(base.action_view_base_language_install)d');
    expect(JSON.stringify(views['sale.view_order_form'])).not.toContain('"attrs"');
    expect(new Catalog([], { addons: [], baseModelMethods: [] }).coreViewsExtending('base.view_partner_form')).toContain('connector.view_partner_connector_form');
  });

  it('qualify %(id)d refs by module and leave qualified ones alone', () => {
    expect(qualifyRefs("//button[@name='%(act)d']", 'm')).toBe("//button[@name='%(m.act)d']");
    expect(qualifyRefs('%(other.act)d', 'm')).toBe('%(other.act)d');
    expect(qualifyRefs('action_post', 'm')).toBe('action_post');
  });
});
