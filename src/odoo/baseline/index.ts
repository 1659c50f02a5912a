/**
 * @fileoverview The built-in baseline: core Odoo 16 addons (base, mail, product, sale, stock,
 * account, crm, purchase and their dependencies) and OCA queue_job / component / connector, as
 * names only. Loaded on first use.
 */
import type { BaselineData } from '../catalog.js';

let cached: Promise<BaselineData> | undefined;

export function loadBaseline(): Promise<BaselineData> {
  cached ??= import('./odoo16.json', { with: { type: 'json' } }).then((m) => m.default as unknown as BaselineData);
  return cached;
}
