/**
 * Two runs on one addon take turns through the addon's lock: both succeed and neither loses the
 * other's edits. A live lock held too long is a refusal; a lock of a killed run is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';
import { pristineCopies } from '../helpers/pristine.js';
import { snapshotTree } from '../helpers/tree.js';

const freshAddon = pristineCopies('concurrency');

const child = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  execa('node', [binPath, ...args], { cwd, reject: false, env: { NO_COLOR: '1', ...env } });

describe('concurrent add-binding runs on one addon', () => {
  it.each([
    [['invoice'], ['employee', '--odoo-model', 'hr.employee']],
    [['task', '--odoo-model', 'project.task'], ['product']],
  ])('both succeed and both bindings are complete (%j with %j)', async (first, second) => {
    const addon = freshAddon();
    const [a, b] = await Promise.all([child(['add-binding', ...first], addon), child(['add-binding', ...second], addon)]);
    expect(a.exitCode, a.stderr).toBe(0);
    expect(b.exitCode, b.stderr).toBe(0);
    const models = [first, second].map((args) => {
      const i = args.indexOf('--odoo-model');
      return i >= 0 ? args[i + 1]! : { invoice: 'account.move', product: 'product.product' }[args[0]!]!;
    });
    const manifest = readFileSync(join(addon, '__manifest__.py'), 'utf8');
    const inits = readFileSync(join(addon, 'models', '__init__.py'), 'utf8');
    const acl = readFileSync(join(addon, 'security', 'ir.model.access.csv'), 'utf8');
    const menus = readFileSync(join(addon, 'views', 'acme_menus.xml'), 'utf8');
    for (const model of models) {
      const file = model.replace(/\./g, '_');
      expect(manifest).toContain(`"views/acme_${file}_views.xml"`);
      expect(inits).toContain(`from . import ${file}`);
      expect(acl).toContain(`access_acme_${file}_user`);
      expect(menus).toContain(`menu_acme_${file}`);
    }
    expect(existsSync(join(addon, '.odoo-connector.lock'))).toBe(false);
  });
});

describe('the addon lock', () => {
  it('refuses once a live run holds the lock longer than the timeout, changing nothing', async () => {
    const addon = freshAddon();
    // the test runner is alive and is not the child: its pid is a live holder
    writeFileSync(join(addon, '.odoo-connector.lock'), `${process.pid}\n`);
    const before = snapshotTree(addon);
    for (const args of [['add-binding', 'invoice'], ['init', 'acme', '--type', 'crm', '--force']]) {
      const result = await child(args, args[0] === 'init' ? join(addon, '..') : addon, { ODOO_CONNECTOR_LOCK_TIMEOUT: '0.3' });
      expect(result.exitCode, result.stderr).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`acme_connector/\\.odoo-connector\\.lock: another odoo-connector run \\(pid ${process.pid}\\)`));
      expect(snapshotTree(addon)).toEqual(before);
    }
  });

  it.each([
    ['a dead process', () => String(Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout))],
    ['garbage', () => 'not a pid'],
  ])('takes over a lock left by %s', async (_label, content) => {
    const addon = freshAddon();
    const lock = join(addon, '.odoo-connector.lock');
    writeFileSync(lock, `${content()}\n`);
    // garbage counts as stale only once it is not being written any more
    const old = new Date(Date.now() - 60_000);
    (await import('node:fs')).utimesSync(lock, old, old);
    const result = await child(['add-binding', 'invoice'], addon, { ODOO_CONNECTOR_LOCK_TIMEOUT: '0.3' });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('a dry run neither takes nor waits for the lock', async () => {
    const addon = freshAddon();
    writeFileSync(join(addon, '.odoo-connector.lock'), `${process.pid}\n`);
    const result = await child(['add-binding', 'invoice', '--dry-run'], addon, { ODOO_CONNECTOR_LOCK_TIMEOUT: '0' });
    expect(result.exitCode, result.stderr).toBe(0);
  });
});
