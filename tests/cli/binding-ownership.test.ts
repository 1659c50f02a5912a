/**
 * add-binding never writes a file that is not its binding's own, even with --force: the files of
 * the connector itself (every template that is not per binding) and those of the other bindings.
 * The colliding models are derived from the templates, so a new template is tried too.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectorTemplates } from '../../src/platforms/templates.js';
import { isPerEntityTemplate, listTemplates } from '../../src/scaffold/render.js';
import { runInProcess } from '../helpers/cli.js';
import { pristineCopies } from '../helpers/pristine.js';
import { snapshotTree } from '../helpers/tree.js';

const freshAddon = pristineCopies('ownership');

const outputPath = (template: string): string => template.replace(/\.hbs$/, '').replace(/\{\{prefix\}\}/g, 'acme');

/** Every (shared file, Odoo model) pair where a binding of the model would write the file. */
function collidingModels(): [string, string][] {
  const templates = listTemplates(connectorTemplates);
  const perEntity = templates.filter(isPerEntityTemplate).map((t) =>
    new RegExp(
      `^${outputPath(t)
        .replace(/\{\{entity\.file\}\}/g, '\u0001')
        .replace(/\{\{entity\.bindingUnderscored\}\}/g, '\u0002')
        .replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')
        .replace(/\u0001/g, '([a-z][a-z0-9_]*)')
        .replace(/\u0002/g, 'acme_([a-z][a-z0-9_]*)')}$`,
    ),
  );
  const pairs: [string, string][] = [];
  for (const shared of templates.filter((t) => !isPerEntityTemplate(t)).map(outputPath)) {
    for (const pattern of perEntity) {
      const model = pattern.exec(shared)?.[1];
      if (model && !pairs.some(([path]) => path === shared)) pairs.push([shared, model]);
    }
  }
  return pairs;
}

describe('files of the connector itself', () => {
  const pairs = collidingModels();

  it('the derivation finds the known collisions', () => {
    const paths = pairs.map(([path]) => path);
    for (const path of ['tests/test_backend.py', 'models/acme_binding.py', 'tests/test_webhook.py', 'tests/test_controller.py', 'views/acme_backend_views.xml']) {
      expect(paths).toContain(path);
    }
  });

  it.each(pairs)('%s: a binding of %s is refused, with or without --force', async (path, model) => {
    const addon = freshAddon();
    const before = snapshotTree(addon);
    for (const extra of [[], ['--force']]) {
      const result = await runInProcess(['add-binding', 'thing', '--odoo-model', model, ...extra], addon);
      expect(result.exitCode, result.stdout).toBe(1);
      expect(result.stderr).toMatch(/belongs to the connector itself/);
      expect(result.stderr).toContain(join(addon, ''));
      expect(snapshotTree(addon)).toEqual(before);
    }
  });
});

describe('files of the other bindings', () => {
  it.each([
    ['a bound model whose names are the same', 'res_partner', /belongs to the binding acme\.res\.partner/],
    ['a model of a binding recorded in .odoo-connector.json only', 'crm_lead', /belongs to the binding acme\.crm\.lead/],
  ])('%s is refused with --force', async (label, model, message) => {
    const addon = freshAddon();
    if (label.includes('only')) rmSync(join(addon, 'models', 'crm_lead.py'));
    const before = snapshotTree(addon);
    const result = await runInProcess(['add-binding', 'thing', '--odoo-model', model, '--force'], addon);
    expect(result.exitCode, result.stdout).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(snapshotTree(addon)).toEqual(before);
  });

  it("a user's own file at a new binding's path is not overwritten, even with --force", async () => {
    const addon = freshAddon();
    writeFileSync(join(addon, 'models', 'custom.py'), '# my own model\n');
    const before = snapshotTree(addon);
    const result = await runInProcess(['add-binding', 'custom', '--odoo-model', 'custom', '--force'], addon);
    expect(result.exitCode, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/models\/custom\.py already exists but acme\.custom is not bound in models\/: .* even with --force/);
    expect(snapshotTree(addon)).toEqual(before);
  });

  it('an existing binding is still rewritten with --force', async () => {
    const addon = freshAddon();
    writeFileSync(join(addon, 'components', 'crm_lead.py'), '# mine\n');
    const result = await runInProcess(['add-binding', 'lead', '--force'], addon);
    expect(result.exitCode, result.stderr).toBe(0);
  });
});
