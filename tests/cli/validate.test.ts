/** Exit codes and option checks of `validate` as a user meets them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/** An addon with one warning and no error: a Python file the addon never imports. */
function addonWithOneWarning(): string {
  const root = tempDir('validate-cli');
  const dir = join(root, 'a');
  mkdirSync(dir);
  writeFileSync(join(dir, '__init__.py'), '');
  writeFileSync(join(dir, 'unused.py'), 'class Unused:\n    pass\n');
  writeFileSync(join(dir, '__manifest__.py'), '{"name": "A", "version": "16.0.1.0.0", "license": "LGPL-3", "depends": ["base"]}\n');
  return root;
}

describe('validate --max-warnings', () => {
  const root = addonWithOneWarning();
  it.each(['-1', '-0', '', ' ', '1.5', '1e3', '0x10', 'NaN', 'Infinity', 'two', '9'.repeat(5000)])('refuses %j with exit 2 and one clear line', async (value) => {
    const r = await runInProcess(['validate', '.', '--max-warnings', value], root);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--max-warnings must be a whole number of 0 or more/);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(200);
    expect(r.stdout).toBe('');
  });
  it('counts warnings against the limit', async () => {
    const plain = await runInProcess(['validate', '.', '--format', 'json'], root);
    expect(JSON.parse(plain.stdout)).toMatchObject({ errorCount: 0, warningCount: 1 });
    expect(plain.exitCode).toBe(0);
    expect((await runInProcess(['validate', '.', '--max-warnings', '0'], root)).exitCode).toBe(1);
    expect((await runInProcess(['validate', '.', '--max-warnings', '1'], root)).exitCode).toBe(0);
    expect((await runInProcess(['validate', '.', '--max-warnings', '007'], root)).exitCode).toBe(0);
  });
});

describe('validate --addons-path', () => {
  const root = addonWithOneWarning();
  writeFileSync(join(root, 'not-a-folder'), '');
  it.each(['missing', 'not-a-folder', 'a,missing', ','])('refuses %j naming the folder, exit 2, nothing checked', async (value) => {
    const r = await runInProcess(['validate', 'a', '--addons-path', value], root);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--addons-path/);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
  it('reads existing folders for knowledge', async () => {
    const r = await runInProcess(['validate', 'a', '--addons-path', '.', '--format', 'json'], root);
    expect(JSON.parse(r.stdout)).toMatchObject({ errorCount: 0 });
  });
});
