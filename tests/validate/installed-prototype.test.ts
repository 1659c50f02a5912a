/**
 * What a real Odoo 16 accepted, validate accepts: the prototype addons installed with their tests
 * passing (tests/fixtures/installed-prototype), so any finding on them would be a false error.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAddonDirs } from '../../src/odoo/discovery.js';
import { checkAddons } from '../../src/validate/engine.js';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'installed-prototype');

describe('addons installed on a real Odoo 16', () => {
  it('validate reports nothing on them', async () => {
    const result = await checkAddons(findAddonDirs([fixture], fixture), { cwd: fixture, workers: 0 });
    expect(result.addonCount).toBe(3);
    expect(result.diagnostics).toEqual([]);
  });

  it('add-binding refuses the hand-written connector, naming the components it lacks', async () => {
    const copy = tempDir('prototype');
    cpSync(fixture, copy, { recursive: true });
    const addon = join(copy, 'shopify_connector');
    const result = await runInProcess(['add-binding', 'invoice'], addon);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/shopify_connector\/components: no component named shopify\.record\.importer/);
  });
});
