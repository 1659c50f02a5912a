import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_ADDONS } from '../../src/commands/init-framework.js';
import { listTemplates } from '../../src/scaffold/render.js';
import { templatesRoot } from '../../src/util/package-paths.js';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { readTree } from '../helpers/tree.js';

const root = tempDir('framework');
let counter = 0;
function freshDir(): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  return dir;
}

describe('init-framework', () => {
  it('writes the three framework addons exactly as the templates hold them', async () => {
    const dir = freshDir();
    const result = await runInProcess(['init-framework', '--path', '.'], dir);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...FRAMEWORK_ADDONS].sort());
    const written = readTree(dir);
    const templates = listTemplates(join(templatesRoot, 'framework'));
    expect(Object.keys(written).sort()).toEqual(templates.sort());
    for (const addon of FRAMEWORK_ADDONS) expect(existsSync(join(dir, addon, '__manifest__.py')), addon).toBe(true);
  });

  it('dry run lists the files and writes nothing; --json describes them', async () => {
    const dir = freshDir();
    const text = await runInProcess(['init-framework', '--dry-run'], dir);
    expect(text.stdout).toMatch(/CREATE generic_connector\/__manifest__\.py \(\d+ bytes\)/);
    const json = await runInProcess(['init-framework', '--dry-run', '--json'], dir);
    const parsed = JSON.parse(json.stdout) as { changes: { path: string; kind: string }[] };
    expect(parsed.changes.map((c) => c.path)).toContain('connector_base_backend/__manifest__.py');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to overwrite an existing framework without --force, and overwrites with it', async () => {
    const dir = freshDir();
    await runInProcess(['init-framework'], dir);
    const again = await runInProcess(['init-framework'], dir);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toMatch(/generic_connector already exist.*Use --force/);
    const forced = await runInProcess(['init-framework', '--force'], dir);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toMatch(/Nothing to do/);
  });

  it('makes init stop printing the framework hint once the framework is next to the target', async () => {
    const dir = freshDir();
    const before = await runInProcess(['init', 'shopify', '--dry-run'], dir);
    expect(before.stdout).toMatch(/Hint: generic_connector was not found/);
    await runInProcess(['init-framework'], dir);
    const after = await runInProcess(['init', 'shopify', '--dry-run'], dir);
    expect(after.stdout).not.toMatch(/Hint: generic_connector was not found/);
  });
});
