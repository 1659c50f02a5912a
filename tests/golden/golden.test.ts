/**
 * Golden output: what `init` writes for one addon of each type, compared file by file with
 * tests/golden/<preset>/. Regenerate on purpose with `npm run golden` and review the diff.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConnector } from '../../src/scaffold/connector-plan.js';
import { platformProfile } from '../../src/platforms/registry.js';
import { connectorContext } from '../../src/scaffold/context.js';
import { packageVersion } from '../../src/util/package-paths.js';
import { GOLDEN_NAME, GOLDEN_PRESETS } from '../helpers/presets.js';
import { readTree } from '../helpers/tree.js';

const goldenRoot = import.meta.dirname;

describe.each(GOLDEN_PRESETS)('golden $name', (preset) => {
  const { name, type } = preset;
  const platform = platformProfile(preset.platform ?? 'generic');
  const ctx = connectorContext(
    {
      name: GOLDEN_NAME,
      platform,
      type,
      auth: preset.auth ?? platform.auth[0]!,
      apiUrl: platform.apiUrl,
      author: 'odoo-connector',
      website: 'https://github.com/odoo-connector/odoo-connector',
      license: 'LGPL-3',
      webhooks: true,
    },
    packageVersion(),
  );
  const rendered = Object.fromEntries(renderConnector(ctx).map((f) => [f.path, f.content]));
  const goldenDir = join(goldenRoot, name, ctx.module);

  it('has a golden copy (run `npm run golden` to create it)', () => {
    expect(existsSync(goldenDir)).toBe(true);
  });

  it('writes exactly the golden files with the golden content', () => {
    const golden = readTree(goldenDir);
    expect(Object.keys(rendered).sort()).toEqual(Object.keys(golden).sort());
    for (const [path, content] of Object.entries(rendered)) {
      expect(content, `${name}/${path} differs from the golden copy; run npm run golden and review`).toBe(golden[path]);
    }
  });
});

it('keeps no golden folder that belongs to no preset', () => {
  const folders = readdirSync(goldenRoot).filter((entry) => statSync(join(goldenRoot, entry)).isDirectory());
  expect(folders.sort()).toEqual(GOLDEN_PRESETS.map((p) => p.name).sort());
});
