/**
 * A repository may hold several copies of one addon (versions, forks). Odoo knows one addon per
 * name; validate checks each copy apart, so one copy's models never hide or replace another's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { FRAMEWORK_ADDONS, runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { findAddonDirs } from '../../src/odoo/discovery.js';
import { checkAddons, groupsByName } from '../../src/validate/engine.js';
import { tempDir } from '../helpers/temp.js';

describe('addons sharing a name', () => {
  it('groups folders so that no name appears twice in a group', () => {
    expect(groupsByName(['/a/x', '/a/y', '/b/x', '/c/x', '/b/z'])).toEqual([['/a/x', '/a/y', '/b/z'], ['/b/x'], ['/c/x']]);
  });

  it('checks each copy on its own: a clean copy stays clean beside a broken one', async () => {
    const root = tempDir('same-name');
    for (const [folder, type] of [['v1', 'crm'], ['v2', 'ecommerce']] as const) {
      mkdirSync(join(root, folder));
      expect(runInit('acme', { type, path: folder }, memoryIo(root))).toBe(0);
    }
    expect(runInitFramework({ path: 'framework' }, memoryIo(root))).toBe(0);
    const acl = join(root, 'v2', 'acme_connector', 'security', 'ir.model.access.csv');
    writeFileSync(acl, readFileSync(acl, 'utf8').replace('model_acme_backend,', 'model_acme_backnd,'));
    const result = await checkAddons(findAddonDirs([root], root), { cwd: root, workers: 0 });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
      'v2/acme_connector/security/ir.model.access.csv access-unknown-ref',
    ]);
    // two acme_connector copies and the framework addons
    expect(result.addonCount).toBe(2 + FRAMEWORK_ADDONS.length);
  });
});
